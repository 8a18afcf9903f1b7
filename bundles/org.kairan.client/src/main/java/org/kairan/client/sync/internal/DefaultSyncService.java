package org.kairan.client.sync.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.client.ClientTopics;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.JsonCodec;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncStatus;
import org.kairan.client.sync.SyncTopics;
import org.osgi.framework.BundleContext;
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
 * {@link SyncService} following the client's session: a {@link ClientTopics#SESSION} start opens the user's
 * replica and queue under {@code <workspace>/.kairan/replica/<host-port>/<職員番号>/}, starts a
 * {@link SyncEngine} and posts {@link SyncTopics#REPLICA_CHANGED} with no types (the whole replica changed);
 * an end stops it and closes the files; a {@link ClientTopics#CONNECTION} back to
 * connected asks for a sync at once.
 */
@Component(service = { SyncService.class, EventHandler.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + ClientTopics.SESSION,
        EventConstants.EVENT_TOPIC + "=" + ClientTopics.CONNECTION })
public final class DefaultSyncService implements SyncService, EventHandler {

    private static final Logger LOG = Logger.getLogger(DefaultSyncService.class.getName());
    private static final String INSTANCE_AREA = "osgi.instance.area";

    /** The open replica, queue and engine of one user. */
    private record Open(Session session, ServerAddress server, String staffNo, Path directory, ReplicaStore replica,
            ActionQueue queue, SyncEngine engine, Replica reader) {
    }

    private final JsonCodec json = new JsonCodec();
    private Clock clock;
    private Path kairanDirectory;
    private SyncEvents events;
    private volatile Open open;

    @Reference
    private KairanServerClient client;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** For Declarative Services; {@link #activate(BundleContext)} finishes the set-up. */
    public DefaultSyncService() {
    }

    /**
     * For tests and non-OSGi use: replicas under {@code kairanDirectory/replica}; call
     * {@link #handleEvent(Event)} with the client's session events (or {@link #sessionStarted(Session)}).
     */
    public DefaultSyncService(KairanServerClient client, Path kairanDirectory, Clock clock, SyncEvents events) {
        this.client = client;
        this.kairanDirectory = kairanDirectory;
        this.clock = clock;
        this.events = events;
    }

    @Activate
    void activate(BundleContext context) {
        this.kairanDirectory = HttpKairanServerClient.workspace(context.getProperty(INSTANCE_AREA)).resolve(".kairan");
        this.clock = Clock.systemUTC();
        this.events = this::postThroughEventAdmin;
        client.session().ifPresent(session -> {
            try {
                sessionStarted(session);
            } catch (IllegalStateException e) {
                // the service must come up anyway: the parts that need it say "not synced" instead of failing
                LOG.log(Level.WARNING, "the replica of " + session.user().staffNo() + " cannot be opened", e);
            }
        });
    }

    @Deactivate
    void deactivate() {
        sessionEnded();
    }

    private void postThroughEventAdmin(String topic, Object data) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object data = event.getProperty(ClientTopics.DATA);
        if (ClientTopics.SESSION.equals(event.getTopic())) {
            if (data instanceof Session session) {
                try {
                    sessionStarted(session);
                } catch (IllegalStateException e) {
                    LOG.log(Level.WARNING, "the replica of " + session.user().staffNo() + " cannot be opened", e);
                }
            } else {
                sessionEnded();
            }
        } else if (ClientTopics.CONNECTION.equals(event.getTopic()) && data == ConnectionState.CONNECTED) {
            Open current = open;
            if (current != null && current.engine().phase() == SyncPhase.OFFLINE) {
                current.engine().requestSync();
            }
        }
    }

    /** A session started: open that user's replica and sync (a sync soon if it is open already). */
    public void sessionStarted(Session session) {
        openFor(session);
    }

    @Override
    public void openOffline(Session stored) {
        openFor(stored);
    }

    private synchronized void openFor(Session session) {
        String staffNo = session.user().staffNo();
        Open current = open;
        if (current != null && current.server().equals(session.server()) && current.staffNo().equals(staffNo)
                && current.engine().isRunning()) {
            current.engine().requestSync();
            return;
        }
        sessionEnded();
        Path directory = replicaDirectory(kairanDirectory, session.server(), staffNo);
        ReplicaStore replica = null;
        try {
            replica = ReplicaStore.open(directory);
            ActionQueue queue = ActionQueue.open(directory);
            Outbox outbox = new Outbox(directory, queue);
            outbox.sweep(clock.instant());
            SyncEngine engine = new SyncEngine(client, session.server(), staffNo, replica, queue, outbox, clock, events);
            open = new Open(session, session.server(), staffNo, directory, replica, queue, engine,
                    new StoredReplica(replica, json));
            engine.start();
            // The live replica() now reads this person's replica: whatever a screen read before (nothing, the
            // previous person's, or a replica closing under it) is out of date, also when the sync brings
            // nothing new. Screens follow the session on the UI thread while this runs on the EventAdmin thread,
            // so a screen reacting to the session alone may read too early and never again.
            events.post(SyncTopics.REPLICA_CHANGED, java.util.Set.of());
        } catch (SQLException e) {
            if (replica != null) {
                replica.close();
            }
            throw new IllegalStateException("the replica in " + directory + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The session ended: stop syncing and close the files. */
    public synchronized void sessionEnded() {
        Open current = open;
        open = null;
        if (current != null) {
            current.engine().close();
            current.queue().close();
            current.replica().close();
            events.post(SyncTopics.STATUS, SyncStatus.STOPPED);
        }
    }

    /** {@code <kairan>/replica/<host>-<port>/<職員番号>}, with characters unsafe in file names replaced. */
    static Path replicaDirectory(Path kairanDirectory, ServerAddress server, String staffNo) {
        int port = server.uri().getPort() >= 0 ? server.uri().getPort()
                : "https".equals(server.uri().getScheme()) ? 443 : 80;
        return kairanDirectory.resolve("replica").resolve(safe(server.uri().getHost() + "-" + port))
                .resolve(safe(staffNo));
    }

    private static String safe(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    @Override
    public Optional<Session> session() {
        Open current = open;
        return current == null ? Optional.empty() : Optional.of(current.session());
    }

    @Override
    public SyncStatus status() {
        Open current = open;
        return current == null ? SyncStatus.STOPPED : current.engine().status();
    }

    /** A view that always reads the replica of whoever is logged in now (empty when nobody is). */
    private final Replica live = new Replica() {
        private Replica current() {
            Open current = open;
            return current == null ? StoredReplica.EMPTY : current.reader();
        }

        @Override
        public <T> List<T> all(String type, Class<T> recordType) {
            return current().all(type, recordType);
        }

        @Override
        public <T> Optional<T> get(String type, String id, Class<T> recordType) {
            return current().get(type, id, recordType);
        }

        @Override
        public org.kairan.core.organisation.DirectorySnapshot directory(java.time.LocalDate today) {
            return current().directory(today);
        }

        @Override
        public boolean hasData() {
            return current().hasData();
        }

        @Override
        public long version(String type) {
            return current().version(type);
        }
    };

    /** A live view: it follows the session, so a part may keep the reference across logins. */
    @Override
    public Replica replica() {
        return live;
    }

    @Override
    public void requestSync() {
        Open current = open;
        if (current != null) {
            current.engine().requestSync();
        }
    }

    @Override
    public void syncNow(SyncProgress progress) throws KairanClientException {
        Open current = open;
        if (current == null) {
            throw new org.kairan.client.SessionExpiredException("not logged in", null);
        }
        try {
            current.engine().syncNow(progress);
        } catch (SQLException e) {
            throw new IllegalStateException("the replica cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public QueuedAction enqueue(String commandType, Record payload) {
        return opened().engine().enqueue(commandType, json.writeText(payload));
    }

    @Override
    public QueuedAction enqueue(String commandType, Record payload, List<OutboxFile> files) {
        return opened().engine().enqueue(commandType, json.writeText(payload), files);
    }

    @Override
    public OutboxFile stageFile(Path source, long maxBytes) throws IOException {
        return opened().engine().stage(source, maxBytes);
    }

    @Override
    public Optional<OutboxFile> stagedFile(String sha256) {
        Open current = open;
        return current == null ? Optional.empty() : current.engine().staged(sha256);
    }

    @Override
    public Optional<Path> userDirectory() {
        Open current = open;
        return current == null ? Optional.empty() : Optional.of(current.directory());
    }

    @Override
    public List<QueuedAction> actions() {
        Open current = open;
        return current == null ? List.of() : current.engine().actions();
    }

    @Override
    public <T> T payloadOf(QueuedAction action, Class<T> payloadType) {
        return json.readText(action.payload(), payloadType);
    }

    @Override
    public Optional<QueuedAction> action(String key) {
        Open current = open;
        return current == null ? Optional.empty() : current.engine().action(key);
    }

    @Override
    public void dismiss(String key) {
        Open current = open;
        if (current != null) {
            current.engine().dismiss(key);
        }
    }

    private Open opened() {
        Open current = open;
        if (current == null) {
            throw new IllegalStateException("nobody is logged in: there is no queue to add an action to");
        }
        return current;
    }
}
