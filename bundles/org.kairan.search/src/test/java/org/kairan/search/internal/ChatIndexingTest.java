package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.client.ClientTopics;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.osgi.service.event.Event;

/**
 * Chat messages the desktop hears of are searchable with the Japanese analysis, as チャット hits titled with their
 * conversation; a correction replaces the text that is found; one waiting to be sent is not indexed yet.
 */
class ChatIndexingTest {

    private static final String ROOM = "120200@conference.kairan.local";

    @TempDir
    Path user;

    @Test
    void chatMessagesAreFoundInJapaneseUnderTheirConversation() throws InterruptedException {
        StandInDesk desk = new StandInDesk(user);
        DefaultSearchService search = new DefaultSearchService(desk, state -> { });
        try {
            post(search, ClientTopics.SESSION, desk.session);
            post(search, ChatTopics.CONVERSATION, new Conversation(ROOM, ConversationKind.ROOM, "財政課", 0, false, "",
                    null));
            ChatMessage message = message("m-1", "来年度予算の見積書を共有フォルダに置きました", ChatMessage.Delivery.RECEIVED);
            post(search, ChatTopics.MESSAGE, message);
            post(search, ChatTopics.MESSAGE, message("m-2", "会議室の予約をお願いします", ChatMessage.Delivery.WAITING));

            List<SearchHit> found = search.search(SearchQuery.of("見積")).hits();
            assertEquals(1, found.size(), "the message is found by a word inside it: " + found);
            SearchHit hit = found.get(0);
            assertEquals(SearchKind.CHAT, hit.kind());
            assertEquals(ROOM + "/m-1", hit.id(), "the hit leads to the conversation and the message");
            assertEquals("財政課", hit.title(), "titled with the conversation");
            assertEquals("財政課", hit.unit(), "a 課 room's messages count for that 課");
            assertTrue(search.search(SearchQuery.of("田中")).hits().stream().anyMatch(h -> h.id().equals(ROOM + "/m-1")),
                    "and by its sender's 氏名");
            assertTrue(search.search(SearchQuery.of("会議室")).hits().isEmpty(), "a message not yet sent is not indexed");

            post(search, ChatTopics.MESSAGE, message.corrected("来年度予算の概算書を共有フォルダに置きました", false, null));
            assertTrue(search.search(SearchQuery.of("見積")).hits().isEmpty(), "the corrected text replaces the old");
            assertEquals(1, search.search(SearchQuery.of("概算書")).hits().size());
        } finally {
            search.deactivate();
        }
    }

    @Test
    void howFarTheChatArchivesWereReadIsKeptWithTheIndexAndForgottenWhenItIsMadeAgain() throws Exception {
        Path directory = user.resolve("index");
        String marks = "=own-archive-42\n" + ROOM + "=room-archive-7\n";
        try (SearchIndex index = SearchIndex.open(directory)) {
            assertEquals("", index.chatMarks(), "a new index has read nothing of chat");
            index.chatMarks(marks);
            index.commit();
        }
        try (SearchIndex index = SearchIndex.open(directory)) {
            assertEquals(marks, index.chatMarks(), "the marks are committed with the index");
            assertEquals("room-archive-7", org.kairan.chat.ChatHistoryMarks.decode(index.chatMarks()).of(ROOM));
            index.clear();
            index.commit();
        }
        try (SearchIndex index = SearchIndex.open(directory)) {
            assertEquals("", index.chatMarks(), "an index made again reads chat from the archives' beginning");
        }
    }

    private static ChatMessage message(String id, String body, ChatMessage.Delivery delivery) {
        return new ChatMessage(id, ROOM, "466475@kairan.local", "田中 直樹", body, Instant.parse("2026-11-26T01:00:00Z"),
                false, false, false, null, null, Set.of(), delivery);
    }

    private static void post(DefaultSearchService search, String topic, Object data) throws InterruptedException {
        search.handleEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(20);
        } while (search.isUpdating() && System.nanoTime() < end);
        assertFalse(search.isUpdating(), "the index run ends");
    }
}
