package org.kairan.chat.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatState;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;

class ChatTextsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final ChatTexts ja = new ChatTexts(Texts.japanese(), Locale.JAPANESE);
    private final ChatTexts en = new ChatTexts(Texts.english(), Locale.ENGLISH);

    private static ChatMessage mine(ChatMessage.Delivery delivery, Set<String> readBy) {
        return new ChatMessage("m1", "120001@kairan", "120002@kairan", "佐藤 花子", "確認お願いします",
                Instant.parse("2026-11-26T05:05:00Z"), true, false, false, null, null, readBy, delivery);
    }

    @Test
    void presenceAndStatesAreTheOfficesWords() {
        assertEquals("在席", ja.presence(ChatPresence.AVAILABLE));
        assertEquals("離席", ja.presence(ChatPresence.AWAY));
        assertEquals("取込中", ja.presence(ChatPresence.BUSY));
        assertEquals("オフライン", ja.presence(ChatPresence.OFFLINE));
        assertEquals("接続中…", ja.state(ChatState.CONNECTING));
        assertEquals("オンライン", ja.state(ChatState.ONLINE));
        assertEquals("再接続中…（送信待ちはつながり次第送ります）", ja.state(ChatState.RECONNECTING));
        assertEquals("チャットは使えません", ja.state(ChatState.UNAVAILABLE));
        assertEquals("Busy", en.presence(ChatPresence.BUSY));
        assertEquals("佐藤 花子　在席",
                ja.contact(new ChatContact("120002@kairan", "120002", "佐藤 花子", "財政課", ChatPresence.AVAILABLE)));
        assertEquals("その他", ja.group(""), "a contact outside every 課 is listed under その他");
    }

    @Test
    void aConversationShowsItsUnreadCountAndAnAtWhenItNamesTheUser() {
        assertEquals("財政課", ja.conversation(new Conversation("zaisei@conf", ConversationKind.ROOM, "財政課", 0, false, "",
                null)));
        assertEquals("財政課 (3)", ja.conversation(new Conversation("zaisei@conf", ConversationKind.ROOM, "財政課", 3,
                false, "x", Instant.now())));
        assertEquals("財政課 (1) @", ja.conversation(new Conversation("zaisei@conf", ConversationKind.ROOM, "財政課", 1,
                true, "x", Instant.now())));
        List<Conversation> two = List.of(
                new Conversation("a", ConversationKind.ROOM, "財政課", 2, false, "", null),
                new Conversation("b", ConversationKind.DIRECT, "鈴木", 3, false, "", null));
        assertEquals("チャット (5)", ja.tab("チャット", two), "the tab counts every unread message");
        assertEquals("チャット", ja.tab("チャット", List.of()));
    }

    @Test
    void anOutgoingMessageSaysWaitingThenReadIn1to1AndReadByNInRooms() {
        assertEquals("送信待ち", ja.delivery(mine(ChatMessage.Delivery.WAITING, Set.of()), ConversationKind.DIRECT));
        assertEquals("", ja.delivery(mine(ChatMessage.Delivery.SENT, Set.of()), ConversationKind.DIRECT),
                "sent and not read: nothing");
        assertEquals("既読", ja.delivery(mine(ChatMessage.Delivery.SENT, Set.of("120001@kairan")),
                ConversationKind.DIRECT));
        assertEquals("既読 2", ja.delivery(mine(ChatMessage.Delivery.SENT, Set.of("a@kairan", "b@kairan")),
                ConversationKind.ROOM));
        assertEquals("Read by 2", en.delivery(mine(ChatMessage.Delivery.SENT, Set.of("a@kairan", "b@kairan")),
                ConversationKind.ROOM));
        Map<String, String> names = Map.of("a@kairan", "鈴木 一郎", "b@kairan", "佐藤 花子");
        assertEquals("既読：佐藤 花子、鈴木 一郎",
                ja.readers(mine(ChatMessage.Delivery.SENT, Set.of("a@kairan", "b@kairan")), names::get));
        ChatMessage theirs = new ChatMessage("m2", "c", "a@kairan", "鈴木 一郎", "はい", Instant.now(), false, false,
                false, null, null, Set.of(), ChatMessage.Delivery.RECEIVED);
        assertEquals("", ja.delivery(theirs, ConversationKind.DIRECT), "others' messages carry no 既読 of ours");
    }

    @Test
    void timesAreTheOfficesClockAndDaysAreWareki() {
        assertEquals("14:05", ja.time(Instant.parse("2026-11-26T05:05:00Z"), TOKYO));
        assertEquals("令和8年11月26日（木）", ja.day(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void sizesAndRefusalsAreReadable() {
        assertEquals("812 バイト", ja.size(812));
        assertEquals("35 KB", ja.size(35 * 1024));
        assertEquals("1.5 MB", ja.size(1024 * 1024 * 3 / 2));
        assertEquals("大きさ不明", ja.size(-1));
        assertEquals("「大きい.pdf」は大きすぎて送れません（20 MB、上限 10 MB）",
                ja.error(new ChatException(ChatException.Reason.FILE_TOO_LARGE, "too large"), "大きい.pdf",
                        20L * 1024 * 1024, 10L * 1024 * 1024, null));
        assertEquals("メッセージが長すぎます（10001文字、上限 10000文字）。分けて送ってください",
                ja.error(new ChatException(ChatException.Reason.TOO_LONG, "x"), null, -1, -1, "あ".repeat(10_001)));
        assertEquals("There is no message of yours to correct in this conversation",
                en.error(new ChatException(ChatException.Reason.NOTHING_TO_CORRECT, "この会話で…"), null, -1, -1, null),
                "the English reason is English, not the service's Japanese");
    }

    @Test
    void aNotificationNamesTheSenderAndTheRoomAndShortensTheText() {
        Conversation room = new Conversation("zaisei@conf", ConversationKind.ROOM, "財政課", 1, false, "", null);
        ChatMessage said = new ChatMessage("m", "zaisei@conf", "120001@kairan", "鈴木 一郎", "会議は\n15時からです",
                Instant.now(), false, false, false, null, null, Set.of(), ChatMessage.Delivery.RECEIVED);
        assertEquals("鈴木 一郎（財政課）：会議は 15時からです", ja.notice(room, said));
        ChatMessage mention = new ChatMessage("m", "zaisei@conf", "120001@kairan", "鈴木 一郎", "@佐藤 花子 " + "あ".repeat(100),
                Instant.now(), false, false, true, null, null, Set.of(), ChatMessage.Delivery.RECEIVED);
        String line = ja.notice(room, mention);
        assertEquals(true, line.startsWith("鈴木 一郎（財政課） からあなた宛て：@佐藤 花子 "), line);
        assertEquals(true, line.endsWith("…"), "a long text is shortened: " + line);
        ChatMessage file = new ChatMessage("m", "120001@kairan", "120001@kairan", "鈴木 一郎", "予算.xlsx", Instant.now(),
                false, false, false, new ChatFile("https://x/予算.xlsx", "予算.xlsx", 10, null), null, Set.of(),
                ChatMessage.Delivery.RECEIVED);
        assertEquals("鈴木 一郎：ファイル「予算.xlsx」", ja.notice(
                new Conversation("120001@kairan", ConversationKind.DIRECT, "鈴木 一郎", 1, false, "", null), file));
    }
}
