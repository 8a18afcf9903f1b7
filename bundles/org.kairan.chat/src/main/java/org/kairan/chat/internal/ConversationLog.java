package org.kairan.chat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kairan.chat.ChatMessage;
import org.kairan.chat.ConversationKind;

/**
 * One conversation's messages on this desktop, in the order they were sent: each message once, whatever way it
 * came (live, a carbon of the user's other desktop, the room's echo of the user's own, the archive, a resend after
 * the chat server restarted). Not thread-safe: {@link MessageStore} guards it.
 */
final class ConversationLog {

    final String address;
    final ConversationKind kind;
    String name;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    /** Ids of received messages not read here yet. */
    private final Set<String> unread = new HashSet<>();
    /** For each reader, the id of the last message they said they displayed, while that message is not here yet. */
    private final Map<String, String> pendingMarks = new HashMap<>();
    /** The archive's id of the oldest message read from it, to page further back. */
    String oldestArchiveId;
    boolean historyRead;
    boolean archiveExhausted;

    ConversationLog(String address, ConversationKind kind, String name) {
        this.address = address;
        this.kind = kind;
        this.name = name;
    }

    List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    ChatMessage find(String id) {
        Integer at = positions.get(id);
        return at == null ? null : messages.get(at);
    }

    /**
     * Adds a message unless it is here already.
     *
     * @param countsAsUnread whether a received message counts as unread (not for history read on opening)
     * @return the message as stored, or {@code null} when it was here already (unless it now counts as sent: then
     *         the message with that state)
     */
    ChatMessage add(ChatMessage message, boolean countsAsUnread) {
        ChatMessage known = find(message.id());
        if (known != null) {
            if (known.delivery() == ChatMessage.Delivery.WAITING && message.delivery() == ChatMessage.Delivery.SENT) {
                ChatMessage sent = known.withDelivery(ChatMessage.Delivery.SENT);
                messages.set(positions.get(known.id()), sent);
                return sent;
            }
            return null;
        }
        int at = messages.size();
        while (at > 0 && messages.get(at - 1).sentAt().isAfter(message.sentAt())) {
            at--;
        }
        messages.add(at, message);
        reindexFrom(at);
        if (countsAsUnread && !message.outgoing()) {
            unread.add(message.id());
        }
        applyPendingMarks(message);
        return find(message.id());
    }

    private void reindexFrom(int from) {
        for (int i = from; i < messages.size(); i++) {
            positions.put(messages.get(i).id(), i);
        }
    }

    private void applyPendingMarks(ChatMessage arrived) {
        pendingMarks.entrySet().removeIf(mark -> {
            if (mark.getValue().equals(arrived.id())) {
                displayed(mark.getKey(), arrived.id());
                return true;
            }
            return false;
        });
    }

    /** Replaces a message (its delivery, its correction); returns it, or {@code null} if it is not here. */
    ChatMessage replace(ChatMessage changed) {
        Integer at = positions.get(changed.id());
        if (at == null) {
            return null;
        }
        messages.set(at, changed);
        return changed;
    }

    /**
     * A reader displayed a message, and with it everything before it (XEP-0333): each message up to it not sent
     * by the reader gets them in {@link ChatMessage#readBy()}.
     *
     * @return the messages whose readers changed
     */
    List<ChatMessage> displayed(String reader, String messageId) {
        Integer upTo = positions.get(messageId);
        if (upTo == null) {
            pendingMarks.put(reader, messageId);
            return List.of();
        }
        List<ChatMessage> changed = new ArrayList<>();
        for (int i = upTo; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.sender().equals(reader) || m.readBy().contains(reader)) {
                continue;
            }
            Set<String> readers = new HashSet<>(m.readBy());
            readers.add(reader);
            ChatMessage now = m.withReadBy(readers);
            messages.set(i, now);
            changed.add(now);
        }
        return changed;
    }

    /** Everything received counts as read; returns the last received message (to tell its sender), or null. */
    ChatMessage markRead() {
        unread.clear();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!messages.get(i).outgoing()) {
                return messages.get(i);
            }
        }
        return null;
    }

    /** The user read up to this message on another desktop: it and those before it are no longer unread here. */
    void readElsewhereUpTo(String messageId) {
        Integer upTo = positions.get(messageId);
        if (upTo != null) {
            unread.removeIf(id -> positions.getOrDefault(id, Integer.MAX_VALUE) <= upTo);
        }
    }

    int unreadCount() {
        return unread.size();
    }

    boolean unreadMentionsMe() {
        return unread.stream().map(this::find).anyMatch(m -> m != null && m.mentionsMe());
    }

    ChatMessage last() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }

    /** The user's last message here, or null. */
    ChatMessage lastOutgoing() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).outgoing()) {
                return messages.get(i);
            }
        }
        return null;
    }
}
