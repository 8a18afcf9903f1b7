package org.kairan.chat.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kairan.chat.ChatMessage;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;

/** Every conversation's {@link ConversationLog} on this desktop, safe to use from Smack's threads and the UI's. */
final class MessageStore {

    private final Map<String, ConversationLog> logs = new LinkedHashMap<>();

    /** The conversation's log, made (1:1, named {@code name}) if there is none. */
    synchronized ConversationLog log(String address, ConversationKind kind, String name) {
        return logs.computeIfAbsent(address, a -> new ConversationLog(a, kind, name));
    }

    /** Runs {@code change} on the log under the store's lock and returns what it returns. */
    synchronized <T> T with(String address, ConversationKind kind, String name,
            java.util.function.Function<ConversationLog, T> change) {
        return change.apply(log(address, kind, name));
    }

    synchronized boolean has(String address) {
        return logs.containsKey(address);
    }

    synchronized ConversationKind kindOf(String address) {
        ConversationLog log = logs.get(address);
        return log == null ? null : log.kind;
    }

    synchronized List<ChatMessage> messages(String address) {
        ConversationLog log = logs.get(address);
        return log == null ? List.of() : log.messages();
    }

    /** The conversation as the list shows it. */
    synchronized Conversation summary(String address) {
        ConversationLog log = logs.get(address);
        return log == null ? null : summary(log);
    }

    private static Conversation summary(ConversationLog log) {
        ChatMessage last = log.last();
        return new Conversation(log.address, log.kind, log.name, log.unreadCount(), log.unreadMentionsMe(),
                last == null ? "" : last.body(), last == null ? null : last.sentAt());
    }

    /** Rooms first in the order they were added, then 1:1 conversations, the latest first. */
    synchronized List<Conversation> conversations() {
        List<Conversation> rooms = new ArrayList<>();
        List<Conversation> direct = new ArrayList<>();
        for (ConversationLog log : logs.values()) {
            (log.kind == ConversationKind.ROOM ? rooms : direct).add(summary(log));
        }
        direct.sort(Comparator.comparing(Conversation::lastAt, Comparator.nullsLast(Comparator.reverseOrder())));
        rooms.addAll(direct);
        return rooms;
    }

    /** Forgets everything (the user logged out). */
    synchronized void clear() {
        logs.clear();
    }
}
