package org.kairan.chat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.hints.element.StoreHint;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatHistoryMarks;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.core.chat.DepartmentRoomPlan;
import org.kairan.core.protocol.ChatCredentials;

/**
 * One user's chat on this desktop, from login to logout: the XMPP connection, the 課 rooms joined, the messages
 * known, and the messages on their way out.
 *
 * <p>Nothing typed is lost: a message is kept in the {@link Outbox} from the moment it is typed until the chat server
 * acknowledges it (XEP-0198). If the connection drops, a resumed stream replays what was unacknowledged (Smack does);
 * if the chat server lost the session (it restarted), the rooms are joined again and everything still pending is
 * sent again, and the archive is read from shortly before the drop. Every message carries an origin id (XEP-0359), so
 * a message that arrives twice — a resend, a carbon, the room's echo, the archive — is shown once.
 */
final class ChatSession implements ConnectionListener {

    private static final Logger LOG = Logger.getLogger(ChatSession.class.getName());
    /** How far before the drop the archive is read again after the chat server lost the session. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);
    /** Seconds between attempts to enter rooms not entered yet (made by the server after the login, say). */
    static final int UPKEEP_SECONDS = 30;
    /** Seconds between attempts to reconnect after the connection dropped. */
    static final int RECONNECT_SECONDS = 2;

    private final ChatCredentials credentials;
    private final String me;
    private final String myName;
    private final ChatEvents events;
    private final MessageStore store = new MessageStore();
    private final People people;
    /** Called (once) when the chat server no longer takes the password this session was given. */
    private final Runnable onPasswordRefused;
    private final XMPPTCPConnection connection;
    private final Conversations conversations;
    private final HistoryReader history;
    private final Contacts contacts;
    private final FileSharing files;
    private final Outbox outbox;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kairan-chat");
        t.setDaemon(true);
        return t;
    });
    private volatile List<DepartmentRoomPlan.Room> rooms = List.of();
    private volatile ChatState state = ChatState.CONNECTING;
    private volatile Instant lastHeard;
    /** Whether the user was logged in to chat before (a later login without resumption must catch up). */
    private volatile boolean wasOnline;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean reconnecting = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param credentials    the account the Kairan server handed out
     * @param myName         the user's 氏名
     * @param people         the directory's people by chat address
     * @param events         where changes are announced
     * @param onPasswordRefused called when the chat server stops taking the password on reconnecting; the session
     *                       stops trying
     */
    ChatSession(ChatCredentials credentials, String myName, People people, ChatEvents events,
            Runnable onPasswordRefused) throws ChatException {
        this.credentials = credentials;
        this.me = credentials.jid();
        this.myName = myName;
        this.events = events;
        this.people = people;
        this.onPasswordRefused = onPasswordRefused;
        StanzaReader reader = new StanzaReader(me, credentials.conference(),
                new Mentions(StanzaReader.nicknameOf(me), myName), this::nameOf);
        this.connection = ChatConnections.open(credentials);
        Archive archive = new Archive(connection);
        this.conversations = new Conversations(me, store, reader, archive, events, this::nameOf, this::roomName);
        this.history = new HistoryReader(archive, reader, this::nameOf, this::roomName);
        this.contacts = new Contacts(Roster.getInstanceFor(connection), people, events);
        this.files = new FileSharing(connection, credentials, events);
        this.outbox = new Outbox(connection, () -> state == ChatState.ONLINE);
        // before login: Prosody hands over stored offline messages at once
        connection.addSyncStanzaListener(this::onStanza, StanzaTypeFilter.MESSAGE);
        connection.addStanzaAcknowledgedListener(this::onAcknowledged);
        connection.addConnectionListener(this);
        // carbons (XEP-0280) switched on at each login that is not a resumption: the user's other desktops see
        // what this one sends and reads
        CarbonManager.setEnabledByDefault(true);
        CarbonManager carbons = CarbonManager.getInstanceFor(connection);
        carbons.addCarbonCopyReceivedListener(this::onCarbon);
    }

    String me() {
        return me;
    }

    String conference() {
        return credentials.conference();
    }

    ChatState state() {
        return state;
    }

    MessageStore store() {
        return store;
    }

    Contacts contacts() {
        return contacts;
    }

    FileSharing files() {
        return files;
    }

    /** Logs in (blocking) and joins the rooms. */
    void start(List<DepartmentRoomPlan.Room> myRooms) throws ChatException {
        for (DepartmentRoomPlan.Room room : myRooms) {
            store.log(room.jid(), ConversationKind.ROOM, room.name());
        }
        this.rooms = List.copyOf(myRooms);
        background.scheduleWithFixedDelay(this::upkeep, UPKEEP_SECONDS, UPKEEP_SECONDS, TimeUnit.SECONDS);
        try {
            connection.connect();
            connection.login();
        } catch (SmackException | XMPPException | java.io.IOException e) {
            connection.disconnect();
            throw new ChatException(ChatException.Reason.NOT_CONNECTED,
                    "チャットサーバーに接続できません: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Reason.FAILED, "チャットへの接続が中断されました。", e);
        }
    }

    /**
     * Enters the rooms not entered yet and reads the contact list again while it is empty: a chat server whose rooms
     * and groups the Kairan server made after this login (it had just started) is caught up with.
     */
    private void upkeep() {
        if (state == ChatState.RECONNECTING) {
            reconnectIn(0);
            return;
        }
        if (state != ChatState.ONLINE) {
            return;
        }
        rooms.forEach(this::join);
        contacts.reloadIfEmpty();
    }

    /**
     * Tries to reconnect after {@code seconds}, and every {@value #RECONNECT_SECONDS} s after that until the user is
     * back online (resuming the stream if the chat server still has it). Smack's own ReconnectionManager is not used:
     * it gives up for good when a connection closes again while its login is finishing.
     */
    private void reconnectIn(int seconds) {
        if (closed || !reconnecting.compareAndSet(false, true)) {
            return;
        }
        try {
            background.schedule(this::reconnect, seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reconnecting.set(false); // closed meanwhile
        }
    }

    private void reconnect() {
        try {
            // unconditionally: a dropped stream that can be resumed still counts as connected and authenticated to
            // Smack (so that stanzas queue up), and connect() and login() then set it up again and resume it
            try {
                connection.connect();
            } catch (SmackException.AlreadyConnectedException e) {
                LOG.fine("connected meanwhile");
            }
            connection.login();
        } catch (SmackException.AlreadyLoggedInException e) {
            LOG.fine("reconnected meanwhile");
        } catch (SASLErrorException e) {
            // the Kairan server changed the password (access ended, or a new one after an unlock): not for retrying
            LOG.info("the chat server refused the password of " + me + "; asking the Kairan server again");
            reconnecting.set(false);
            closed = true;
            onPasswordRefused.run();
            return;
        } catch (SmackException | XMPPException | java.io.IOException e) {
            LOG.log(Level.FINE, "chat still cannot be reached", e);
            if (state != ChatState.ONLINE) {
                // a stream cut while it was set up: drop it, keeping what a resumption needs
                connection.instantShutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            reconnecting.set(false);
        }
        if (!closed && state != ChatState.ONLINE) {
            reconnectIn(RECONNECT_SECONDS);
        }
    }

    /** The rooms the directory now gives the user (a 人事異動): joins the new ones. */
    void roomsChanged(List<DepartmentRoomPlan.Room> myRooms) {
        List<DepartmentRoomPlan.Room> added = myRooms.stream()
                .filter(r -> rooms.stream().noneMatch(k -> k.jid().equals(r.jid()))).toList();
        this.rooms = List.copyOf(myRooms);
        for (DepartmentRoomPlan.Room room : added) {
            store.log(room.jid(), ConversationKind.ROOM, room.name());
            background.execute(() -> join(room));
        }
    }

    // --- connection

    @Override
    public void authenticated(XMPPConnection c, boolean resumed) {
        setState(ChatState.ONLINE);
        background.execute(() -> {
            if (!resumed) {
                contacts.load();
                rooms.forEach(this::join);
            }
            outbox.flush(!resumed);
            if (!resumed && wasOnline && lastHeard != null) {
                conversations.catchUp(lastHeard.minus(CATCH_UP_MARGIN),
                        rooms.stream().map(DepartmentRoomPlan.Room::jid).toList());
            }
            if (!wasOnline) {
                conversations.recent();
            }
            wasOnline = true;
        });
    }

    @Override
    public void connectionClosedOnError(Exception e) {
        LOG.log(Level.INFO, "chat connection of " + me + " dropped; reconnecting", e);
        outbox.streamLost();
        setState(ChatState.RECONNECTING);
        reconnectIn(RECONNECT_SECONDS);
    }

    @Override
    public void connectionClosed() {
        if (!closed) {
            setState(ChatState.RECONNECTING);
            reconnectIn(RECONNECT_SECONDS);
        }
    }

    private void setState(ChatState now) {
        if (state != now) {
            state = now;
            events.post(ChatTopics.STATE, now);
        }
    }

    private void join(DepartmentRoomPlan.Room room) {
        try {
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                    .getMultiUserChat(JidCreate.entityBareFrom(room.jid()));
            if (muc.isJoined()) {
                return;
            }
            muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(StanzaReader.nicknameOf(me)))
                    .requestNoHistory().build());
        } catch (XMPPException.XMPPErrorException e) {
            LOG.warning("cannot enter the room " + room.jid() + ": " + e.getStanzaError().getCondition());
        } catch (SmackException | XmppStringprepException e) {
            LOG.log(Level.INFO, "cannot enter the room " + room.jid() + " now", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- incoming

    private void onStanza(Stanza stanza) {
        if (stanza instanceof Message message) {
            lastHeard = Instant.now();
            conversations.heard(message, false);
        }
    }

    private void onCarbon(CarbonExtension.Direction direction, Message carbon, Message wrapping) {
        lastHeard = Instant.now();
        conversations.heard(carbon, direction == CarbonExtension.Direction.sent);
    }

    private void onAcknowledged(Stanza stanza) {
        if (!(stanza instanceof Message message)) {
            return;
        }
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        if (origin == null) {
            return;
        }
        String id = origin.getId();
        if (!outbox.acknowledged(id)) {
            return;
        }
        if (message.getBody() == null || MessageCorrectExtension.from(message) != null) {
            return;
        }
        conversations.sent(message.getTo().asBareJid().toString(), id);
    }

    // --- outgoing

    ChatMessage send(String address, String text) throws ChatException {
        String body = checked(text);
        ConversationKind kind = kindOf(address);
        String id = UUID.randomUUID().toString();
        ChatMessage local = new ChatMessage(id, address, me, myName, body, Instant.now(), true, false, false, null,
                Mentions.kessaiIn(body), Set.of(), ChatMessage.Delivery.WAITING);
        ChatMessage stored = store.with(address, kind, nameOf(address), log -> log.add(local, false));
        events.post(ChatTopics.MESSAGE, stored);
        conversations.announce(address);
        outbox.put(id, stanza(address, kind, id).setBody(body).addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
                .build());
        return stored;
    }

    ChatMessage sendFile(String address, ChatFile file) throws ChatException {
        ConversationKind kind = kindOf(address);
        String id = UUID.randomUUID().toString();
        ChatMessage local = new ChatMessage(id, address, me, myName, file.name(), Instant.now(), true, false, false,
                file, null, Set.of(), ChatMessage.Delivery.WAITING);
        ChatMessage stored = store.with(address, kind, nameOf(address), log -> log.add(local, false));
        events.post(ChatTopics.MESSAGE, stored);
        conversations.announce(address);
        StandardExtensionElement oob = StandardExtensionElement.builder(StanzaReader.OOB.getLocalPart(),
                StanzaReader.OOB.getNamespaceURI()).addElement("url", file.url()).addElement("desc", file.name())
                .build();
        outbox.put(id, stanza(address, kind, id).setBody(file.url()).addExtension(oob)
                .addExtension(StanzaReader.metadataOf(file))
                .addExtension(ChatMarkersElements.MarkableExtension.INSTANCE).build());
        return stored;
    }

    ChatMessage correctLast(String address, String text) throws ChatException {
        String body = checked(text);
        ConversationKind kind = kindOf(address);
        ChatMessage corrected = store.with(address, kind, nameOf(address), log -> {
            ChatMessage last = log.lastOutgoing();
            return last == null || last.file() != null ? null
                    : log.replace(last.corrected(body, false, Mentions.kessaiIn(body)));
        });
        if (corrected == null) {
            throw new ChatException(ChatException.Reason.NOTHING_TO_CORRECT,
                    "この会話で訂正できるメッセージがありません。");
        }
        events.post(ChatTopics.MESSAGE, corrected);
        conversations.announce(address);
        String id = UUID.randomUUID().toString();
        outbox.put(id, stanza(address, kind, id).setBody(body).addExtension(new MessageCorrectExtension(corrected.id()))
                .build());
        return corrected;
    }

    void markRead(String address) {
        if (!store.has(address)) {
            return;
        }
        ConversationKind kind = store.kindOf(address);
        ChatMessage last = store.with(address, kind, nameOf(address), ConversationLog::markRead);
        conversations.announce(address);
        if (last != null) {
            String id = UUID.randomUUID().toString();
            outbox.put(id, stanza(address, kind, id).addExtension(new ChatMarkersElements.DisplayedExtension(last.id()))
                    .addExtension(StoreHint.INSTANCE).build());
        }
    }

    void setPresence(ChatPresence presence) {
        if (state != ChatState.ONLINE) {
            return;
        }
        Presence.Mode mode = switch (presence) {
            case AWAY -> Presence.Mode.away;
            case BUSY -> Presence.Mode.dnd;
            default -> Presence.Mode.available;
        };
        try {
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                    .ofType(presence == ChatPresence.OFFLINE ? Presence.Type.unavailable : Presence.Type.available)
                    .setMode(mode).build());
        } catch (SmackException.NotConnectedException e) {
            LOG.fine("presence not sent: not connected");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConversationKind kindOf(String address) {
        ConversationKind known = store.kindOf(address);
        if (known != null) {
            return known;
        }
        return address.endsWith("@" + credentials.conference()) ? ConversationKind.ROOM : ConversationKind.DIRECT;
    }

    private static String checked(String text) throws ChatException {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new ChatException(ChatException.Reason.EMPTY, "メッセージが空です。");
        }
        if (body.length() > ChatService.MAX_MESSAGE_LENGTH) {
            throw new ChatException(ChatException.Reason.TOO_LONG, "メッセージが長すぎます（" + body.length()
                    + "文字、上限 " + ChatService.MAX_MESSAGE_LENGTH + "文字）。分けて送ってください。");
        }
        return body;
    }

    private MessageBuilder stanza(String address, ConversationKind kind, String id) {
        try {
            MessageBuilder builder = connection.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityBareFrom(address))
                    .ofType(kind == ConversationKind.ROOM ? Message.Type.groupchat : Message.Type.chat);
            builder.addExtension(new OriginIdElement(id));
            return builder;
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a chat address: " + address, e);
        }
    }

    /** How many messages are typed and not yet acknowledged by the chat server. */
    int pendingCount() {
        return outbox.size();
    }

    // --- history

    // --- names

    String nameOf(String address) {
        if (address == null) {
            return "";
        }
        String fromRoster = contacts.nameOf(address);
        if (fromRoster != null) {
            return fromRoster;
        }
        if (address.equals(me) && myName != null && !myName.isEmpty()) {
            return myName;
        }
        String fromDirectory = people.name(address);
        return fromDirectory != null ? fromDirectory : address.substring(0, Math.max(0, address.indexOf('@')));
    }

    private String roomName(String address) {
        return rooms.stream().filter(r -> r.jid().equals(address)).map(DepartmentRoomPlan.Room::name).findFirst()
                .orElse(StanzaReader.nicknameOf(address));
    }

    List<ChatMessage> open(String address) throws ChatException {
        return conversations.open(address, kindOf(address));
    }

    boolean loadEarlier(String address, int max) throws ChatException {
        return conversations.loadEarlier(address, kindOf(address), max);
    }

    ChatHistoryMarks readHistory(ChatHistoryMarks after, BiConsumer<Conversation, ChatMessage> sink)
            throws ChatException {
        if (state != ChatState.ONLINE) {
            throw new ChatException(ChatException.Reason.NOT_CONNECTED,
                    "チャットサーバーに接続していないため、履歴を読めません。");
        }
        return history.read(after, rooms.stream().map(DepartmentRoomPlan.Room::jid).toList(), sink);
    }

    List<Conversation> conversations() {
        return store.conversations();
    }

    /**
     * Logs out of chat and forgets the session's messages. The goodbye to the chat server happens on a thread of its
     * own: it may wait for the server's answer, and the caller may be the thread delivering everyone's events.
     */
    void close() {
        closed = true;
        background.shutdownNow();
        store.clear();
        Thread goodbye = new Thread(connection::disconnect, "kairan-chat-logout");
        goodbye.setDaemon(true);
        goodbye.start();
    }
}
