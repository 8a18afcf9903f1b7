package org.kairan.chat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
 * <p>Nothing typed is lost: a message is kept in {@link #pending} from the moment it is typed until the chat server
 * acknowledges it (XEP-0198). If the connection drops, a resumed stream replays what was unacknowledged (Smack does);
 * if the chat server lost the session (it restarted), the rooms are joined again and everything still pending is
 * sent again, and the archive is read from shortly before the drop. Every message carries an origin id (XEP-0359), so
 * a message that arrives twice — a resend, a carbon, the room's echo, the archive — is shown once.
 */
final class ChatSession implements ConnectionListener {

    private static final Logger LOG = Logger.getLogger(ChatSession.class.getName());
    /** Messages read from the archive when a conversation is opened, and per scroll-back. */
    static final int HISTORY_PAGE = 50;
    /** Messages of the user's own archive read at login to list the recent 1:1 conversations. */
    static final int RECENT_PAGE = 200;
    /** How far before the drop the archive is read again after the chat server lost the session. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);
    private static final int CATCH_UP_MAX = 1000;
    /** Seconds between attempts to enter rooms not entered yet (made by the server after the login, say). */
    static final int UPKEEP_SECONDS = 30;
    /** Seconds between attempts to reconnect after the connection dropped. */
    static final int RECONNECT_SECONDS = 2;

    private final ChatCredentials credentials;
    private final String me;
    private final String myName;
    private final ChatEvents events;
    private final MessageStore store = new MessageStore();
    private final StanzaReader reader;
    private final UnaryOperator<String> directoryNames;
    /** Called (once) when the chat server no longer takes the password this session was given. */
    private final Runnable onPasswordRefused;
    private final XMPPTCPConnection connection;
    private final Archive archive;
    private final Contacts contacts;
    private final FileSharing files;
    /** Typed and not yet acknowledged by the chat server, in the order typed: origin id → stanza. */
    private final Map<String, Message> pending = new LinkedHashMap<>();
    /** Of {@link #pending}, those handed to Smack on the current stream (Smack resends them on resumption). */
    private final Set<String> handed = new java.util.HashSet<>();
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
     * @param directoryNames 氏名 of an address from the directory, or {@code null} when it does not know it
     * @param events         where changes are announced
     * @param onPasswordRefused called when the chat server stops taking the password on reconnecting; the session
     *                       stops trying
     */
    ChatSession(ChatCredentials credentials, String myName, UnaryOperator<String> directoryNames, ChatEvents events,
            Runnable onPasswordRefused) throws ChatException {
        this.credentials = credentials;
        this.me = credentials.jid();
        this.myName = myName;
        this.events = events;
        this.directoryNames = directoryNames;
        this.onPasswordRefused = onPasswordRefused;
        this.reader = new StanzaReader(me, credentials.conference(),
                new Mentions(StanzaReader.nicknameOf(me), myName), this::nameOf);
        this.connection = ChatConnections.open(credentials);
        this.archive = new Archive(connection);
        this.contacts = new Contacts(Roster.getInstanceFor(connection), events);
        this.files = new FileSharing(connection, credentials, events);
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
            flush(!resumed);
            if (!resumed && wasOnline && lastHeard != null) {
                catchUp(lastHeard.minus(CATCH_UP_MARGIN));
            }
            if (!wasOnline) {
                recentConversations();
            }
            wasOnline = true;
        });
    }

    @Override
    public void connectionClosedOnError(Exception e) {
        LOG.log(Level.INFO, "chat connection of " + me + " dropped; reconnecting", e);
        synchronized (pending) {
            handed.clear();
        }
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

    /** Reads the rooms' archives and the user's own from {@code since}, to fill what a lost session missed. */
    private void catchUp(Instant since) {
        List<String> addresses = new ArrayList<>();
        rooms.forEach(r -> addresses.add(r.jid()));
        addresses.add(null); // the user's own archive: every 1:1 conversation
        for (String address : addresses) {
            ConversationKind kind = address == null ? ConversationKind.DIRECT : ConversationKind.ROOM;
            try {
                for (Archive.Entry entry : archive.since(address, kind, since, CATCH_UP_MAX)) {
                    reader.read(entry.message(), false, entry.stamp(), entry.archiveId()).ifPresent(i -> apply(i, true));
                }
            } catch (ChatException e) {
                LOG.log(Level.INFO, "cannot catch up " + (address == null ? "the user's archive" : address), e);
            }
        }
    }

    /**
     * Reads the latest page of the user's own archive at the first login, so the 1:1 conversations of the last days
     * are listed (with their latest messages, not counted as unread) before anyone writes.
     */
    private void recentConversations() {
        try {
            for (Archive.Entry entry : archive.page(null, ConversationKind.DIRECT, null, RECENT_PAGE)) {
                reader.read(entry.message(), false, entry.stamp(), entry.archiveId()).ifPresent(i -> apply(i, false));
            }
        } catch (ChatException e) {
            LOG.log(Level.INFO, "the recent conversations of " + me + " could not be read", e);
        }
    }

    // --- incoming

    private void onStanza(Stanza stanza) {
        if (stanza instanceof Message message) {
            lastHeard = Instant.now();
            reader.read(message, false, null, null).ifPresent(i -> apply(i, true));
        }
    }

    private void onCarbon(CarbonExtension.Direction direction, Message carbon, Message wrapping) {
        lastHeard = Instant.now();
        reader.read(carbon, direction == CarbonExtension.Direction.sent, null, null).ifPresent(i -> apply(i, true));
    }

    /** Applies what a stanza means; {@code live} messages from others count as unread. */
    private void apply(Incoming incoming, boolean live) {
        String address = incoming.conversation();
        switch (incoming) {
            case Incoming.Posted posted -> {
                String name = posted.kind() == ConversationKind.ROOM ? roomName(address) : nameOf(address);
                ChatMessage added = store.with(address, posted.kind(), name, log -> log.add(posted.message(), live));
                if (added != null) {
                    events.post(ChatTopics.MESSAGE, added);
                    announce(address);
                }
            }
            case Incoming.Correction correction -> {
                ChatMessage corrected = store.with(address, correction.kind(), nameOf(address), log -> {
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
                List<ChatMessage> changed = store.with(address, displayed.kind(), nameOf(address), log -> {
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

    private void announce(String address) {
        Conversation summary = store.summary(address);
        if (summary != null) {
            events.post(ChatTopics.CONVERSATION, summary);
        }
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
        synchronized (pending) {
            if (pending.remove(id) == null) {
                return;
            }
            handed.remove(id);
        }
        if (message.getBody() == null || MessageCorrectExtension.from(message) != null) {
            return;
        }
        String address = message.getTo().asBareJid().toString();
        ChatMessage sent = store.with(address, store.kindOf(address), nameOf(address), log -> {
            ChatMessage known = log.find(id);
            return known == null || known.delivery() != ChatMessage.Delivery.WAITING ? null
                    : log.replace(known.withDelivery(ChatMessage.Delivery.SENT));
        });
        if (sent != null) {
            events.post(ChatTopics.MESSAGE, sent);
        }
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
        announce(address);
        transmit(id, stanza(address, kind, id).setBody(body).addExtension(ChatMarkersElements.MarkableExtension.INSTANCE)
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
        announce(address);
        StandardExtensionElement oob = StandardExtensionElement.builder(StanzaReader.OOB.getLocalPart(),
                StanzaReader.OOB.getNamespaceURI()).addElement("url", file.url()).addElement("desc", file.name())
                .build();
        transmit(id, stanza(address, kind, id).setBody(file.url()).addExtension(oob)
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
        announce(address);
        String id = UUID.randomUUID().toString();
        transmit(id, stanza(address, kind, id).setBody(body).addExtension(new MessageCorrectExtension(corrected.id()))
                .build());
        return corrected;
    }

    void markRead(String address) {
        if (!store.has(address)) {
            return;
        }
        ConversationKind kind = store.kindOf(address);
        ChatMessage last = store.with(address, kind, nameOf(address), ConversationLog::markRead);
        announce(address);
        if (last != null) {
            String id = UUID.randomUUID().toString();
            transmit(id, stanza(address, kind, id).addExtension(new ChatMarkersElements.DisplayedExtension(last.id()))
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

    /** Keeps the stanza until the chat server acknowledges it, and hands it over now if connected. */
    private void transmit(String id, Message stanza) {
        synchronized (pending) {
            pending.put(id, stanza);
        }
        flush(false);
    }

    /**
     * Hands over what is pending and not yet handed on this stream, in the order typed; with {@code again}, also what
     * was handed on a stream the chat server lost.
     */
    private void flush(boolean again) {
        synchronized (pending) {
            if (again) {
                handed.clear();
            }
            for (Map.Entry<String, Message> entry : pending.entrySet()) {
                if (handed.contains(entry.getKey())) {
                    continue;
                }
                // not while a stream is being set up again: a stanza written then corrupts the negotiation
                if (state != ChatState.ONLINE) {
                    return;
                }
                try {
                    connection.sendStanza(entry.getValue());
                    handed.add(entry.getKey());
                } catch (SmackException.NotConnectedException e) {
                    return; // sent again after the reconnection
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many messages are typed and not yet acknowledged by the chat server. */
    int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    // --- history

    List<ChatMessage> open(String address) throws ChatException {
        ConversationKind kind = kindOf(address);
        boolean read = store.with(address, kind, nameOf(address), log -> log.historyRead);
        if (!read) {
            readPage(address, kind, null);
        }
        return store.messages(address);
    }

    boolean loadEarlier(String address, int max) throws ChatException {
        ConversationKind kind = kindOf(address);
        String before = store.with(address, kind, nameOf(address), log -> log.archiveExhausted ? "" : log.oldestArchiveId);
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
        for (Archive.Entry entry : page) {
            reader.read(entry.message(), false, entry.stamp(), entry.archiveId()).ifPresent(i -> apply(i, false));
        }
        store.with(address, kind, nameOf(address), log -> {
            log.historyRead = true;
            if (!page.isEmpty()) {
                log.oldestArchiveId = page.get(0).archiveId();
            }
            log.archiveExhausted = page.size() < max;
            return null;
        });
        return !page.isEmpty();
    }

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
        String fromDirectory = directoryNames.apply(address);
        return fromDirectory != null ? fromDirectory : address.substring(0, Math.max(0, address.indexOf('@')));
    }

    private String roomName(String address) {
        return rooms.stream().filter(r -> r.jid().equals(address)).map(DepartmentRoomPlan.Room::name).findFirst()
                .orElse(StanzaReader.nicknameOf(address));
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
