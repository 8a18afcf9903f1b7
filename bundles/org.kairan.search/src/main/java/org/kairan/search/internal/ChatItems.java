package org.kairan.search.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.kairan.chat.ChatMessage;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.search.SearchKind;

/**
 * Chat messages as index items, one per message: {@code CHAT:<conversation>/<message id>}, titled with the
 * conversation (the 課 room's name or the colleague's 氏名), the text and the sender's 氏名 searchable, the room's 課
 * as 課, the day it was sent. Messages are indexed as the desktop hears of them (live, from the archive on opening a
 * conversation, the recent ones at login) and as the chat history is read from the archives; a corrected message is
 * indexed again with its new text.
 */
final class ChatItems {

    /** What is known of each conversation from the chat service's announcements. */
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    void conversation(Conversation conversation) {
        conversations.put(conversation.address(), conversation);
    }

    /** What the chat history says of a conversation, unless the chat service announced it already. */
    void historyConversation(Conversation conversation) {
        conversations.putIfAbsent(conversation.address(), conversation);
    }

    /** The item id of a message: the conversation's address and the message's id. */
    static String idOf(ChatMessage message) {
        return message.conversation() + "/" + message.id();
    }

    IndexedItem of(ChatMessage message, ZoneId zone) {
        Conversation known = conversations.get(message.conversation());
        String title = known != null ? known.name() : message.conversation().substring(0,
                Math.max(0, message.conversation().indexOf('@')));
        String unit = known != null && known.kind() == ConversationKind.ROOM ? known.name() : "";
        LocalDate day = LocalDate.ofInstant(message.sentAt(), zone);
        List<String> texts = List.of(message.body(), message.senderName());
        return new IndexedItem(SearchKind.CHAT, idOf(message), 0, title, texts, List.of(), unit,
                KessaiItems.fiscalYear(day), "", "", day,
                Integer.toHexString(Objects.hash(title, unit, texts, day, message.corrected())));
    }
}
