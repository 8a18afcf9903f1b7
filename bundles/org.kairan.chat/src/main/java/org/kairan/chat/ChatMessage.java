package org.kairan.chat;

import java.time.Instant;
import java.util.Set;

/**
 * One message as the conversation shows it.
 *
 * @param id           the message's id, the same on every desktop (the sender's origin id)
 * @param conversation the conversation's address (the colleague's or the room's bare JID)
 * @param sender       the sender's bare JID
 * @param senderName   the sender's 氏名
 * @param body         the text, exactly as typed (markup is text); for a file, its name
 * @param sentAt       when it was sent
 * @param outgoing     whether the user sent it (from this desktop or another of theirs)
 * @param corrected    whether its sender corrected it (XEP-0308); {@code body} is then the corrected text
 * @param mentionsMe   whether it names the user (@氏名 or @職員番号)
 * @param file         the file it shares, or {@code null}
 * @param kessaiId     the 決裁 it links to ({@code kairan:kessai/<id>} in the text), or {@code null}
 * @param readBy       the bare JIDs of those who have read it (XEP-0333 displayed), the sender left out
 * @param delivery     whether it has reached the chat server
 */
public record ChatMessage(String id, String conversation, String sender, String senderName, String body,
        Instant sentAt, boolean outgoing, boolean corrected, boolean mentionsMe, ChatFile file, String kessaiId,
        Set<String> readBy, Delivery delivery) {

    /** How far an outgoing message has got. */
    public enum Delivery {
        /** Typed while the connection was down: goes out, once, when it is back. */
        WAITING,
        /** Handed to the chat server (acknowledged through stream management). */
        SENT,
        /** Someone else's message. */
        RECEIVED
    }

    public ChatMessage {
        readBy = Set.copyOf(readBy);
    }

    public ChatMessage withReadBy(Set<String> readers) {
        return new ChatMessage(id, conversation, sender, senderName, body, sentAt, outgoing, corrected, mentionsMe,
                file, kessaiId, readers, delivery);
    }

    public ChatMessage withDelivery(Delivery now) {
        return new ChatMessage(id, conversation, sender, senderName, body, sentAt, outgoing, corrected, mentionsMe,
                file, kessaiId, readBy, now);
    }

    public ChatMessage corrected(String text, boolean mentions, String kessai) {
        return new ChatMessage(id, conversation, sender, senderName, text, sentAt, outgoing, true, mentions, file,
                kessai, readBy, delivery);
    }
}
