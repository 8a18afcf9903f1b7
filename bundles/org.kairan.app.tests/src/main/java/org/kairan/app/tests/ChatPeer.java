package org.kairan.app.tests;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.chat.ChatTransport;
import org.kairan.core.protocol.ChatCredentials;

/**
 * A colleague at another desktop, for the chat tests: a plain XMPP client (Smack) logged in with the chat account the
 * Kairan server hands out to them ({@code GET /api/chat/credentials}), writing as any XMPP client would — an origin id
 * and a markable hint on each message, a read marker (XEP-0333 displayed) when they have read one, the 課 room joined
 * under their 職員番号.
 */
final class ChatPeer implements AutoCloseable {

    private final ChatCredentials credentials;
    private final XMPPTCPConnection connection;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    private ChatPeer(ChatCredentials credentials, XMPPTCPConnection connection) {
        this.credentials = credentials;
        this.connection = connection;
    }

    /** Logs in to chat as the holder of the Kairan session {@code token}. */
    static ChatPeer logIn(ServerApi api, String token) throws Exception {
        ServerApi.Answer answer = api.get("/api/chat/credentials", token);
        if (answer.status() != 200) {
            throw new AssertionError("GET /api/chat/credentials answered " + answer.status() + ": "
                    + ServerApi.text(answer));
        }
        ChatCredentials credentials = api.read(answer, ChatCredentials.class);
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(credentials.domain()).setHost(credentials.host()).setPort(credentials.port())
                .setUsernameAndPassword(credentials.jid().substring(0, credentials.jid().indexOf('@')),
                        credentials.password())
                .setResource("peer-" + UUID.randomUUID().toString().substring(0, 8))
                .setSecurityMode(SecurityMode.required);
        if (credentials.certificate() != null && !credentials.certificate().isBlank()) {
            config.setCustomX509TrustManager(ChatTransport.trusting(credentials.certificate()));
        }
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        ChatPeer peer = new ChatPeer(credentials, connection);
        connection.addAsyncStanzaListener(s -> peer.received.add((Message) s), StanzaTypeFilter.MESSAGE);
        connection.connect();
        connection.login();
        return peer;
    }

    String address() {
        return credentials.jid();
    }

    String staffNo() {
        return credentials.jid().substring(0, credentials.jid().indexOf('@'));
    }

    /** A message with this text that reached the peer, if one did. */
    Optional<Message> receivedWith(String body) {
        return received.stream().filter(m -> body.equals(m.getBody())).findFirst();
    }

    /** Whether a message sharing a file of this name (XEP-0066 out-of-band data) reached the peer. */
    boolean receivedFile(String name) {
        return received.stream().anyMatch(m -> m.getBody() != null && m.toXML().toString().contains("jabber:x:oob")
                && m.toXML().toString().contains(name));
    }

    /** What reached the peer, as XML (for a failing test's message). */
    List<String> receivedXml() {
        return received.stream().map(m -> m.toXML().toString()).toList();
    }

    /** Sends a 1:1 message; returns its origin id. */
    String send(String to, String text) throws Exception {
        return sendMessage(to, Message.Type.chat, text);
    }

    /** Says that the peer has read the message with this id (XEP-0333 displayed), as a client does when it shows it. */
    void markDisplayed(String to, String messageId) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(to))
                .ofType(Message.Type.chat).addExtension(new ChatMarkersElements.DisplayedExtension(messageId))
                .build());
    }

    /** Says in a room that the peer has read the message with this id, as a client does when it shows it. */
    void markDisplayedInRoom(String room, String messageId) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(room))
                .ofType(Message.Type.groupchat).addExtension(new ChatMarkersElements.DisplayedExtension(messageId))
                .build());
    }

    /** Enters a room under the peer's 職員番号 (as the desktops do). */
    void join(String room) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(
                JidCreate.entityBareFrom(room));
        muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(staffNo())).requestNoHistory().build());
    }

    /** Writes in a room the peer has entered; returns the message's origin id. */
    String sendToRoom(String room, String text) throws Exception {
        return sendMessage(room, Message.Type.groupchat, text);
    }

    private String sendMessage(String to, Message.Type type, String text) throws Exception {
        String id = UUID.randomUUID().toString();
        MessageBuilder message = connection.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(to))
                .ofType(type).setBody(text);
        message.addExtension(new OriginIdElement(id));
        message.addExtension(ChatMarkersElements.MarkableExtension.INSTANCE);
        connection.sendStanza(message.build());
        return id;
    }

    /** The origin id of a message the peer received (how the sender's desktop knows it). */
    static String originId(Message message) {
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        return origin != null ? origin.getId() : message.getStanzaId();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
