package org.kairan.client.kessai.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.kairan.client.ClientTopics;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.documents.internal.DefaultLibraryService;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.RealServer;
import org.kairan.client.kessai.InboxNotice;
import org.kairan.client.kessai.KessaiTopics;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.internal.DefaultSyncService;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginStatus;
import org.osgi.service.event.Event;

/**
 * One person's desktop against the real server: the real client logged in (through a {@code via} address, e.g. a
 * {@link org.kairan.client.testing.NetworkCable}, when given), the sync service, the 決裁 service, the library
 * service and the minutes service on its own workspace, wired as EventAdmin would wire them. Public: the minutes
 * tests use it from their own package.
 */
public final class ServerDesktop implements AutoCloseable {

    /** One authenticator per account and server: each account enrols once. */
    private static final Map<String, Authenticator> AUTHENTICATORS = new ConcurrentHashMap<>();

    public final HttpKairanServerClient client;
    public final DefaultSyncService sync;
    public final DefaultKessaiService kessai;
    /** The 課 libraries on this desktop (no events of its own: it reads the replica and the queue when asked). */
    public final DefaultLibraryService library;
    /** The 議事録 on this desktop (reads the replica and the queue when asked). */
    public final org.kairan.client.minutes.internal.DefaultMinutesService minutes;
    public final List<InboxNotice> notices = new CopyOnWriteArrayList<>();
    private volatile boolean forwarding;

    private ServerDesktop(HttpKairanServerClient client, Path workspace) {
        this(client, workspace, Clock.systemDefaultZone());
    }

    /** {@code inboxClock}: what the 決裁 service takes for now (e.g. a day weeks ahead, for what 決裁済 keeps). */
    private ServerDesktop(HttpKairanServerClient client, Path workspace, Clock inboxClock) {
        this.client = client;
        this.sync = new DefaultSyncService(client, workspace.resolve(".kairan"), Clock.systemDefaultZone(),
                (topic, data) -> {
                    if (forwarding) {
                        kessaiService().handleEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
                    }
                });
        this.kessai = new DefaultKessaiService(sync, client, inboxClock, (topic, data) -> {
            if (KessaiTopics.INBOX.equals(topic)) {
                notices.add((InboxNotice) data);
            }
        });
        this.library = new DefaultLibraryService(sync, client);
        this.minutes = new org.kairan.client.minutes.internal.DefaultMinutesService(sync, client);
        forwarding = true;
    }

    private DefaultKessaiService kessaiService() {
        return kessai;
    }

    /** Logs {@code staffNo} in through {@code via} (enrolling at the first login on this server) and starts syncing. */
    public static ServerDesktop logIn(RealServer server, String staffNo, Path workspace, ServerAddress via)
            throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        String account = server.address + "/" + staffNo;
        Authenticator known = AUTHENTICATORS.get(account);
        if (known == null) {
            AUTHENTICATORS.put(account, server.enrolThrough(client, staffNo, via));
        } else if (client.login(via, new LoginRequest(staffNo, DemoAccounts.PASSWORD, known.nextCode()))
                .status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError(staffNo + " logs in with the password and a fresh code");
        }
        ServerDesktop desktop = new ServerDesktop(client, workspace);
        desktop.sync.sessionStarted(client.session().orElseThrow());
        return desktop;
    }

    /**
     * One more desktop of someone logged in already: the client resumes {@code session} on {@code workspace}
     * through {@code via}, without a login (each login spends a TOTP step). Not synced yet.
     */
    public static ServerDesktop resuming(Session session, Path workspace, ServerAddress via, Clock inboxClock)
            throws Exception {
        ServerDesktop desktop = new ServerDesktop(RealServer.clientResuming(workspace, session, via), workspace,
                inboxClock);
        desktop.sync.sessionStarted(desktop.client.session().orElseThrow());
        return desktop;
    }

    /**
     * The desktop started again on {@code workspace}, with the session it stored, as it opens when the server
     * cannot be reached at start-up. Not synced.
     */
    public static ServerDesktop restartedOffline(Path workspace) {
        HttpKairanServerClient client = RealServer.client(workspace);
        ServerDesktop desktop = new ServerDesktop(client, workspace);
        desktop.sync.sessionStarted(client.storedSession().orElseThrow());
        return desktop;
    }

    public static ServerDesktop logIn(RealServer server, String staffNo, Path workspace) throws Exception {
        return logIn(server, staffNo, workspace, server.address);
    }

    /**
     * Syncs now (send, then pull everything) and waits until the inbox was brought up to date and announced;
     * a network failure is the test's to expect.
     */
    public void syncNow() throws Exception {
        try {
            sync.syncNow(SyncProgress.NONE);
        } finally {
            awaitAnnounced();
        }
    }

    /** Waits until the 決裁 service has announced what the last changes brought. */
    public void awaitAnnounced() throws InterruptedException {
        await(Duration.ofSeconds(30), "the inbox is brought up to date after a change", () -> !kessai.isAnnouncing());
    }

    /** The notices' arrivals' titles, in order. */
    public List<String> announcedTitles() {
        return notices.stream().flatMap(n -> n.titles().stream()).toList();
    }

    /** Waits until {@code condition} holds (polling), failing with {@code expected} after {@code timeout}. */
    public static void await(Duration timeout, String expected, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(expected + " (not within " + timeout.toSeconds() + " s)");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        forwarding = false;
        sync.sessionEnded();
    }
}
