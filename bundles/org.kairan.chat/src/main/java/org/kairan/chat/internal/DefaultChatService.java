package org.kairan.chat.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatHistoryMarks;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.chat.DepartmentRoomPlan;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.core.protocol.ErrorCode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@link ChatService} following the Kairan session: a session start asks the Kairan server for the user's chat
 * account ({@code GET /api/chat/credentials}) and logs in to chat, trying again every {@value #RETRY_SECONDS} s while
 * the server or the chat server cannot be reached; a session end logs out. The user's 課 rooms come from the
 * directory of the local replica (or the server's), as {@link DepartmentRoomPlan} gives them; a replica change (a
 * 人事異動) joins new ones.
 */
@Component(service = { ChatService.class, EventHandler.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + ClientTopics.SESSION,
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.REPLICA_CHANGED })
public final class DefaultChatService implements ChatService, EventHandler {

    private static final Logger LOG = Logger.getLogger(DefaultChatService.class.getName());
    static final int RETRY_SECONDS = 10;

    @Reference
    private KairanServerClient client;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private ChatEvents events;
    private Supplier<OrganisationDirectory> directory;
    /**
     * The directory as last read, kept until the replica changes or the session does: names and かな are asked for
     * every message and every contact, and reading the replica's directory decodes all staff and units.
     */
    private volatile OrganisationDirectory directoryRead;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kairan-chat-login");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private volatile ChatSession current;
    /** The Kairan session chat follows, or null. */
    private volatile Session following;
    private volatile ChatState state = ChatState.OFF;

    /** For Declarative Services; {@link #activate()} finishes the set-up. */
    public DefaultChatService() {
    }

    /**
     * For tests and non-OSGi use: call {@link #sessionStarted(Session)} after logging in {@code client}.
     *
     * @param directory the organisation as of today, or {@code null} when it is not known
     */
    public DefaultChatService(KairanServerClient client, Supplier<OrganisationDirectory> directory, ChatEvents events) {
        this.client = client;
        this.directory = directory;
        this.events = events;
    }

    @Activate
    void activate() {
        this.events = this::postThroughEventAdmin;
        this.directory = this::replicaDirectory;
        client.session().ifPresent(this::sessionStarted);
    }

    @Deactivate
    void deactivate() {
        sessionEnded();
        starter.shutdownNow();
    }

    private void postThroughEventAdmin(String topic, Object data) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
        }
    }

    private OrganisationDirectory replicaDirectory() {
        SyncService replicas = sync;
        try {
            if (replicas != null && replicas.replica().hasData()) {
                return new OrganisationDirectory(replicas.replica().directory(client.officeToday()));
            }
            return new OrganisationDirectory(client.directory());
        } catch (KairanClientException | RuntimeException e) {
            LOG.log(Level.FINE, "no directory for chat now", e);
            return null;
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object data = event.getProperty(ClientTopics.DATA);
        if (ClientTopics.SESSION.equals(event.getTopic())) {
            if (data instanceof Session session) {
                sessionStarted(session);
            } else {
                sessionEnded();
            }
        } else if (SyncTopics.REPLICA_CHANGED.equals(event.getTopic())) {
            directoryRead = null;
            ChatSession session = current;
            if (session != null) {
                starter.execute(() -> session.roomsChanged(roomsOf(following)));
            }
        }
    }

    /** A Kairan session started: log in to chat in the background (again every few seconds until it works). */
    public void sessionStarted(Session session) {
        synchronized (lock) {
            if (following != null && following.user().staffNo().equals(session.user().staffNo()) && current != null) {
                following = session;
                return;
            }
            closeCurrent();
            following = session;
            directoryRead = null;
        }
        setState(ChatState.CONNECTING);
        starter.execute(() -> logIn(session));
    }

    private void logIn(Session session) {
        if (following != session) {
            return;
        }
        try {
            ChatCredentials credentials = client.chatCredentials();
            ChatSession chat = new ChatSession(credentials, session.user().name(), this::directoryMember, this::relay,
                    () -> passwordRefused(session));
            chat.start(roomsOf(session, credentials.conference()));
            synchronized (lock) {
                if (following != session) {
                    chat.close();
                    return;
                }
                current = chat;
            }
            setState(chat.state());
        } catch (RequestRejectedException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                LOG.info("the office runs Kairan without chat");
                setState(ChatState.UNAVAILABLE);
                return;
            }
            retryLater(session, e);
        } catch (SessionExpiredException e) {
            LOG.info("no chat: the Kairan session ended");
            setState(ChatState.OFF);
        } catch (KairanClientException | ChatException e) {
            retryLater(session, e);
        }
    }

    /** The chat server no longer takes the password: ask the Kairan server for the account again (it says why not). */
    private void passwordRefused(Session session) {
        synchronized (lock) {
            if (following != session) {
                return;
            }
            closeCurrent();
        }
        setState(ChatState.CONNECTING);
        starter.execute(() -> logIn(session));
    }

    private void retryLater(Session session, Exception why) {
        LOG.log(Level.INFO, "chat login failed; trying again in " + RETRY_SECONDS + " s: " + why.getMessage());
        setState(ChatState.RECONNECTING);
        if (following == session && !starter.isShutdown()) {
            starter.schedule(() -> logIn(session), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The Kairan session ended: log out of chat. */
    public void sessionEnded() {
        synchronized (lock) {
            following = null;
            directoryRead = null;
            closeCurrent();
        }
        setState(ChatState.OFF);
    }

    private void closeCurrent() {
        ChatSession chat = current;
        current = null;
        if (chat != null) {
            chat.close();
        }
    }

    private void relay(String topic, Object data) {
        if (ChatTopics.STATE.equals(topic)) {
            setState((ChatState) data);
        } else {
            events.post(topic, data);
        }
    }

    private void setState(ChatState now) {
        if (state != now) {
            state = now;
            events.post(ChatTopics.STATE, now);
        }
    }

    private List<DepartmentRoomPlan.Room> roomsOf(Session session) {
        ChatSession chat = current;
        return session == null || chat == null ? List.of() : roomsOf(session, chat.conference());
    }

    private List<DepartmentRoomPlan.Room> roomsOf(Session session, String conference) {
        OrganisationDirectory known = directory();
        if (known == null) {
            return List.of();
        }
        return DepartmentRoomPlan.roomsOf(known, client.officeToday(), conference, session.user().staffNo());
    }

    private OrganisationDirectory directory() {
        OrganisationDirectory read = directoryRead;
        if (read == null) {
            read = directory.get();
            directoryRead = read;
        }
        return read;
    }

    private StaffMember directoryMember(String address) {
        OrganisationDirectory known = directory();
        if (known == null || address.indexOf('@') < 0) {
            return null;
        }
        String local = address.substring(0, address.indexOf('@'));
        return known.member(local).or(() -> known.member(local.toUpperCase(Locale.ROOT))).orElse(null);
    }

    private ChatSession connected() throws ChatException {
        ChatSession chat = current;
        if (chat == null) {
            throw new ChatException(ChatException.Reason.NOT_CONNECTED, "チャットにログインしていません。");
        }
        return chat;
    }

    // --- ChatService

    @Override
    public ChatState state() {
        return state;
    }

    @Override
    public Optional<String> me() {
        ChatSession chat = current;
        return chat == null ? Optional.empty() : Optional.of(chat.me());
    }

    @Override
    public List<ChatContact> contacts() {
        ChatSession chat = current;
        return chat == null ? List.of() : chat.contacts().list();
    }

    @Override
    public List<Conversation> conversations() {
        ChatSession chat = current;
        return chat == null ? List.of() : chat.conversations();
    }

    @Override
    public List<ChatMessage> messages(String conversation) {
        ChatSession chat = current;
        return chat == null ? List.of() : chat.store().messages(conversation);
    }

    @Override
    public List<ChatMessage> open(String conversation) throws ChatException {
        return connected().open(conversation);
    }

    @Override
    public boolean loadEarlier(String conversation, int max) throws ChatException {
        return connected().loadEarlier(conversation, max);
    }

    @Override
    public ChatMessage send(String conversation, String text) throws ChatException {
        return connected().send(conversation, text);
    }

    @Override
    public ChatMessage correctLast(String conversation, String text) throws ChatException {
        return connected().correctLast(conversation, text);
    }

    @Override
    public void markRead(String conversation) {
        ChatSession chat = current;
        if (chat != null) {
            chat.markRead(conversation);
        }
    }

    @Override
    public ChatMessage sendFile(String conversation, Path file) throws ChatException {
        ChatSession chat = connected();
        ChatFile shared = chat.files().upload(conversation, file);
        return chat.sendFile(conversation, shared);
    }

    @Override
    public void download(ChatFile file, Path target) throws ChatException {
        connected().files().download(file, target);
    }

    @Override
    public long maxFileSize() {
        ChatSession chat = current;
        return chat == null ? -1 : chat.files().maxFileSize();
    }

    @Override
    public void setPresence(ChatPresence presence) {
        ChatSession chat = current;
        if (chat != null) {
            chat.setPresence(presence);
        }
    }

    @Override
    public ChatHistoryMarks readHistory(ChatHistoryMarks after, BiConsumer<Conversation, ChatMessage> sink)
            throws ChatException {
        return connected().readHistory(after, sink);
    }

    @Override
    public String nameOf(String address) {
        ChatSession chat = current;
        if (chat != null) {
            return chat.nameOf(address);
        }
        StaffMember member = directoryMember(address);
        return member != null ? member.name() : address;
    }

    /** How many messages typed here the chat server has not acknowledged yet (for tests and the status line). */
    public int unacknowledged() {
        ChatSession chat = current;
        return chat == null ? 0 : chat.pendingCount();
    }
}
