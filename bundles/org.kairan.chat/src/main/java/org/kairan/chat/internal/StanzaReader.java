package org.kairan.chat.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.Jid;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ConversationKind;

/**
 * Reads a message stanza — live, a carbon of the user's other desktop, or one forwarded from an archive — as what it
 * means here: a message, a correction or a read marker, in which conversation. Room occupants' nicknames are their
 * 職員番号, so a room message's sender is {@code <nickname>@<domain>}. A message is known by its origin id (XEP-0359),
 * the same on every desktop and in every archive, else its stanza id, else the archive's id.
 */
final class StanzaReader {

    /** Out-of-band data (XEP-0066): a shared file's URL and name. */
    static final QName OOB = new QName("jabber:x:oob", "x");
    /** File metadata (XEP-0446): a shared file's name, size and media type, for the receiver to show. */
    static final QName FILE_METADATA = new QName("urn:xmpp:file:metadata:0", "file");

    private final String me;
    private final String domain;
    private final String conferenceDomain;
    private final Mentions mentions;
    private final UnaryOperator<String> nameOf;

    StanzaReader(String me, String conferenceDomain, Mentions mentions, UnaryOperator<String> nameOf) {
        this.me = me;
        this.domain = me.substring(me.indexOf('@') + 1);
        this.conferenceDomain = conferenceDomain;
        this.mentions = mentions;
        this.nameOf = nameOf;
    }

    /** The room nickname of a person: their 職員番号. */
    static String nicknameOf(String bareJid) {
        return bareJid.substring(0, bareJid.indexOf('@'));
    }

    /**
     * Reads a stanza.
     *
     * @param message    the stanza
     * @param sentByMe   whether it is a carbon of a message the user sent from another desktop
     * @param stamp      when it was sent if an archive or carbon says so, else {@code null} (its delay, else now)
     * @param archiveId  its id in an archive, or {@code null}
     */
    Optional<Incoming> read(Message message, boolean sentByMe, Instant stamp, String archiveId) {
        if (message.getType() == Message.Type.error || message.getFrom() == null && !sentByMe) {
            return Optional.empty();
        }
        boolean room = isRoom(message.getFrom()) || isRoom(message.getTo()) && sentByMe;
        String conversation;
        String sender;
        if (room) {
            Jid roomJid = isRoom(message.getFrom()) ? message.getFrom() : message.getTo();
            conversation = roomJid.asBareJid().toString();
            if (roomJid.getResourceOrNull() == null) {
                return Optional.empty(); // the room itself speaking (subject, configuration notices)
            }
            sender = roomJid.getResourceOrEmpty().toString().toLowerCase(Locale.ROOT) + "@" + domain;
        } else {
            String from = message.getFrom() == null ? me : message.getFrom().asBareJid().toString();
            boolean mine = sentByMe || from.equals(me);
            if (mine && message.getTo() == null) {
                return Optional.empty();
            }
            conversation = mine ? message.getTo().asBareJid().toString() : from;
            sender = mine ? me : from;
        }
        ConversationKind kind = room ? ConversationKind.ROOM : ConversationKind.DIRECT;
        String body = message.getBody();
        ChatMarkersElements.DisplayedExtension displayed = ChatMarkersElements.DisplayedExtension.from(message);
        if (displayed != null && (body == null || body.isEmpty())) {
            return Optional.of(new Incoming.Displayed(conversation, kind, sender, displayed.getId()));
        }
        if (body == null || body.isEmpty()) {
            return Optional.empty(); // chat states, receipts, anything without text
        }
        MessageCorrectExtension correction = MessageCorrectExtension.from(message);
        if (correction != null) {
            return Optional.of(new Incoming.Correction(conversation, kind, sender, correction.getIdInitialMessage(),
                    body));
        }
        boolean outgoing = sender.equals(me);
        ChatFile file = fileOf(message);
        String text = file == null ? body : file.name();
        ChatMessage posted = new ChatMessage(idOf(message, archiveId), conversation, sender, nameOf.apply(sender), text,
                stampOf(message, stamp), outgoing, false, !outgoing && mentions.mentionsMe(body), file,
                Mentions.kessaiIn(body), Set.of(), outgoing ? ChatMessage.Delivery.SENT : ChatMessage.Delivery.RECEIVED);
        return Optional.of(new Incoming.Posted(conversation, kind, posted));
    }

    /** Whether the text counts as naming the user (for corrections, which carry only the new text). */
    boolean mentionsMe(String sender, String text) {
        return !sender.equals(me) && mentions.mentionsMe(text);
    }

    private boolean isRoom(Jid jid) {
        return jid != null && jid.getDomain().toString().equals(conferenceDomain);
    }

    static String idOf(Message message, String archiveId) {
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        if (origin != null && origin.getId() != null) {
            return origin.getId();
        }
        if (message.getStanzaId() != null) {
            return message.getStanzaId();
        }
        return archiveId != null ? archiveId : UUID.randomUUID().toString();
    }

    private static Instant stampOf(Message message, Instant stamp) {
        if (stamp != null) {
            return stamp;
        }
        DelayInformation delay = DelayInformation.from(message);
        return delay != null ? delay.getStamp().toInstant() : Instant.now();
    }

    private static ChatFile fileOf(Message message) {
        if (!(message.getExtensionElement(OOB.getLocalPart(), OOB.getNamespaceURI()) instanceof StandardExtensionElement x)) {
            return null;
        }
        StandardExtensionElement url = x.getFirstElement("url");
        if (url == null || url.getText() == null || url.getText().isBlank()) {
            return null;
        }
        StandardExtensionElement desc = x.getFirstElement("desc");
        String link = url.getText().strip();
        String name = desc != null && desc.getText() != null && !desc.getText().isBlank() ? desc.getText().strip()
                : link.substring(link.lastIndexOf('/') + 1);
        long size = -1;
        String mediaType = null;
        if (message.getExtensionElement(FILE_METADATA.getLocalPart(),
                FILE_METADATA.getNamespaceURI()) instanceof StandardExtensionElement metadata) {
            size = sizeIn(metadata.getFirstElement("size"));
            StandardExtensionElement type = metadata.getFirstElement("media-type");
            mediaType = type == null || type.getText() == null || type.getText().isBlank() ? null : type.getText().strip();
        }
        return new ChatFile(link, name, size, mediaType);
    }

    private static long sizeIn(StandardExtensionElement size) {
        try {
            return size == null || size.getText() == null ? -1 : Math.max(-1, Long.parseLong(size.getText().strip()));
        } catch (NumberFormatException e) {
            return -1; // a size that is no number is no size
        }
    }

    /** The file metadata element (XEP-0446) that goes with a shared file. */
    static StandardExtensionElement metadataOf(ChatFile file) {
        StandardExtensionElement.Builder metadata = StandardExtensionElement.builder(FILE_METADATA.getLocalPart(),
                FILE_METADATA.getNamespaceURI()).addElement("name", file.name());
        if (file.size() >= 0) {
            metadata.addElement("size", Long.toString(file.size()));
        }
        if (file.mediaType() != null) {
            metadata.addElement("media-type", file.mediaType());
        }
        return metadata.build();
    }
}
