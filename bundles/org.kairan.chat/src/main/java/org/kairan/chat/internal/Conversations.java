package org.kairan.chat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.packet.Message;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;

/**
 * The user's conversations on this desktop as they fill: what a stanza means applied to them (a message shown once,
 * a correction by its sender, a read marker), and what the archive holds read into them — the latest page on
 * opening, older pages on scrolling back, the recent 1:1 conversations at the first login, everything since shortly
 * before a drop after the chat server lost the session. Every change is announced.
 */
final class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class.getName());
    /** Messages read from the archive when a conversation is opened, and per scroll-back. */
    static final int HISTORY_PAGE = 50;
    /** Messages of the user's own archive read at login to list the recent 1:1 conversations. */
    static final int RECENT_PAGE = 200;
    private static final int CATCH_UP_MAX = 1000;

    private final String me;
    private final MessageStore store;
    private final StanzaReader reader;
    private final Archive archive;
    private final ChatEvents events;
    private final UnaryOperator<String> nameOf;
    private final UnaryOperator<String> roomName;

    /**
     * @param nameOf   氏名 of a person's address
     * @param roomName the name of a 課 room's address
     */
    Conversations(String me, MessageStore store, StanzaReader reader, Archive archive, ChatEvents events,
            UnaryOperator<String> nameOf, UnaryOperator<String> roomName) {
        this.me = me;
        this.store = store;
        this.reader = reader;
        this.archive = archive;
        this.events = events;
        this.nameOf = nameOf;
        this.roomName = roomName;
    }

    /** Applies what a stanza heard now means (messages from others count as unread). */
    void heard(Message message, boolean sentByMe) {
        reader.read(message, sentByMe, null, null).ifPresent(i -> apply(i, true));
    }

    private void fromArchive(List<Archive.Entry> entries, boolean live) {
        for (Archive.Entry entry : entries) {
            reader.read(entry.message(), false, entry.stamp(), entry.archiveId()).ifPresent(i -> apply(i, live));
        }
    }

    /** Applies what a stanza means; {@code live} messages from others count as unread. */
    private void apply(Incoming incoming, boolean live) {
        String address = incoming.conversation();
        switch (incoming) {
            case Incoming.Posted posted -> {
                String name = posted.kind() == ConversationKind.ROOM ? roomName.apply(address) : nameOf.apply(address);
                ChatMessage added = store.with(address, posted.kind(), name, log -> log.add(posted.message(), live));
                if (added != null) {
                    events.post(ChatTopics.MESSAGE, added);
                    announce(address);
                }
            }
            case Incoming.Correction correction -> {
                ChatMessage corrected = store.with(address, correction.kind(), nameOf.apply(address), log -> {
                    ChatMessage original = log.find(correction.originalId());
                    if (original == null || !original.sender().equals(correction.sender())) {
                        return null; // only its sender may correct a message
                    }
                    return log.replace(original.corrected(correction.text(),
                            reader.mentionsMe(correction.sender(), correction.text()),
                            Mentions.kessaiIn(correction.text())));
                });
                if (corrected != null) {
                    events.post(ChatTopics.MESSAGE, corrected);
                    announce(address);
                }
            }
            case Incoming.Displayed displayed -> {
                List<ChatMessage> changed = store.with(address, displayed.kind(), nameOf.apply(address), log -> {
                    if (displayed.reader().equals(me)) {
                        log.readElsewhereUpTo(displayed.messageId());
                        return List.<ChatMessage>of();
                    }
                    return log.displayed(displayed.reader(), displayed.messageId());
                });
                changed.forEach(m -> events.post(ChatTopics.MESSAGE, m));
                announce(address);
            }
        }
    }

    void announce(String address) {
        Conversation summary = store.summary(address);
        if (summary != null) {
            events.post(ChatTopics.CONVERSATION, summary);
        }
    }

    /** The chat server acknowledged a message the user sent: it shows as sent. */
    void sent(String address, String id) {
        ChatMessage sent = store.with(address, store.kindOf(address), nameOf.apply(address), log -> {
            ChatMessage known = log.find(id);
            return known == null || known.delivery() != ChatMessage.Delivery.WAITING ? null
                    : log.replace(known.withDelivery(ChatMessage.Delivery.SENT));
        });
        if (sent != null) {
            events.post(ChatTopics.MESSAGE, sent);
        }
    }

    /** Reads the rooms' archives and the user's own from {@code since}, to fill what a lost session missed. */
    void catchUp(Instant since, List<String> rooms) {
        List<String> addresses = new ArrayList<>(rooms);
        addresses.add(null); // the user's own archive: every 1:1 conversation
        for (String address : addresses) {
            ConversationKind kind = address == null ? ConversationKind.DIRECT : ConversationKind.ROOM;
            try {
                fromArchive(archive.since(address, kind, since, CATCH_UP_MAX), true);
            } catch (ChatException e) {
                LOG.log(Level.INFO, "cannot catch up " + (address == null ? "the user's archive" : address), e);
            }
        }
    }

    /**
     * Reads the latest page of the user's own archive at the first login, so the 1:1 conversations of the last days
     * are listed (with their latest messages, not counted as unread) before anyone writes.
     */
    void recent() {
        try {
            fromArchive(archive.page(null, ConversationKind.DIRECT, null, RECENT_PAGE), false);
        } catch (ChatException e) {
            LOG.log(Level.INFO, "the recent conversations of " + me + " could not be read", e);
        }
    }

    List<ChatMessage> open(String address, ConversationKind kind) throws ChatException {
        boolean read = store.with(address, kind, nameOf.apply(address), log -> log.historyRead);
        if (!read) {
            readPage(address, kind, null);
        }
        return store.messages(address);
    }

    boolean loadEarlier(String address, ConversationKind kind, int max) throws ChatException {
        String before = store.with(address, kind, nameOf.apply(address), log -> log.archiveExhausted ? "" : log.oldestArchiveId);
        if ("".equals(before)) {
            return false;
        }
        boolean any = readPage(address, kind, before, max);
        events.post(ChatTopics.HISTORY, address);
        return any;
    }

    private boolean readPage(String address, ConversationKind kind, String before) throws ChatException {
        return readPage(address, kind, before, HISTORY_PAGE);
    }

    private boolean readPage(String address, ConversationKind kind, String before, int max) throws ChatException {
        List<Archive.Entry> page = archive.page(address, kind, before, max);
        fromArchive(page, false);
        store.with(address, kind, nameOf.apply(address), log -> {
            log.historyRead = true;
            if (!page.isEmpty()) {
                log.oldestArchiveId = page.get(0).archiveId();
            }
            log.archiveExhausted = page.size() < max;
            return null;
        });
        return !page.isEmpty();
    }
}
