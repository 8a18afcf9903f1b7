package org.kairan.chat.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.kairan.chat.ChatException;
import org.kairan.chat.ChatHistoryMarks;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;

/**
 * Reads the user's chat history forward from the archives — their own (every 1:1 conversation) and their rooms' —
 * page by page from where the last reading stopped, for {@link org.kairan.chat.ChatService#readHistory}. Nothing
 * read here touches the conversations the desktop shows.
 */
final class HistoryReader {

    /** Messages per archive query. */
    static final int PAGE = 250;
    /**
     * How many of the latest messages read are remembered to apply corrections to (a correction follows its
     * message closely; one whose message was read in an earlier reading is handed over with the correction's time).
     */
    private static final int REMEMBERED = 5_000;

    private final Archive archive;
    private final StanzaReader reader;
    private final UnaryOperator<String> nameOf;
    private final UnaryOperator<String> roomName;

    HistoryReader(Archive archive, StanzaReader reader, UnaryOperator<String> nameOf, UnaryOperator<String> roomName) {
        this.archive = archive;
        this.reader = reader;
        this.nameOf = nameOf;
        this.roomName = roomName;
    }

    ChatHistoryMarks read(ChatHistoryMarks after, List<String> rooms, BiConsumer<Conversation, ChatMessage> sink)
            throws ChatException {
        ChatHistoryMarks marks = after;
        marks = readArchive(ChatHistoryMarks.OWN, ConversationKind.DIRECT, marks, sink);
        for (String room : rooms) {
            marks = readArchive(room, ConversationKind.ROOM, marks, sink);
        }
        return marks;
    }

    private ChatHistoryMarks readArchive(String key, ConversationKind kind, ChatHistoryMarks marks,
            BiConsumer<Conversation, ChatMessage> sink) throws ChatException {
        String address = key.equals(ChatHistoryMarks.OWN) ? null : key;
        Map<String, ChatMessage> recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChatMessage> eldest) {
                return size() > REMEMBERED;
            }
        };
        String last = marks.of(key);
        while (true) {
            List<Archive.Entry> page = archive.after(address, kind, last, PAGE);
            for (Archive.Entry entry : page) {
                reader.read(entry.message(), false, entry.stamp(), entry.archiveId())
                        .ifPresent(incoming -> hand(incoming, entry, recent, sink));
            }
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1).archiveId();
            }
            if (page.size() < PAGE) {
                return last == null ? marks : marks.with(key, last);
            }
        }
    }

    private void hand(Incoming incoming, Archive.Entry entry, Map<String, ChatMessage> recent,
            BiConsumer<Conversation, ChatMessage> sink) {
        switch (incoming) {
            case Incoming.Posted posted -> {
                recent.put(posted.message().id(), posted.message());
                sink.accept(conversation(posted.conversation(), posted.kind()), posted.message());
            }
            case Incoming.Correction correction -> {
                ChatMessage original = recent.get(correction.originalId());
                if (original != null && !original.sender().equals(correction.sender())) {
                    return; // only its sender may correct a message
                }
                ChatMessage corrected = original != null ? original
                        : new ChatMessage(correction.originalId(), correction.conversation(), correction.sender(),
                                nameOf.apply(correction.sender()), correction.text(), entry.stamp(),
                                false, false, false, null, null, Set.of(), ChatMessage.Delivery.RECEIVED);
                corrected = corrected.corrected(correction.text(), false, Mentions.kessaiIn(correction.text()));
                recent.put(corrected.id(), corrected);
                sink.accept(conversation(correction.conversation(), correction.kind()), corrected);
            }
            case Incoming.Displayed displayed -> {
                // read markers are no history to search
            }
        }
    }

    private Conversation conversation(String address, ConversationKind kind) {
        String name = kind == ConversationKind.ROOM ? roomName.apply(address) : nameOf.apply(address);
        return new Conversation(address, kind, name, 0, false, "", null);
    }
}
