package org.kairan.client.sync.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.kairan.client.KairanClientException;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;

/**
 * One desktop in a test: the real client logged in to the real server, and the sync service on its own
 * workspace, fed the session events the client would post through EventAdmin in OSGi.
 */
final class Desktop implements AutoCloseable {

    /** One authenticator per account and server: each account enrols once. */
    private static final Map<String, Authenticator> AUTHENTICATORS = new ConcurrentHashMap<>();

    final HttpKairanServerClient client;
    final DefaultSyncService sync;
    final List<Object[]> events = new CopyOnWriteArrayList<>();
    final Path workspace;
    final String staffNo;

    private Desktop(HttpKairanServerClient client, Path workspace, String staffNo) {
        this.client = client;
        this.workspace = workspace;
        this.staffNo = staffNo;
        this.sync = new DefaultSyncService(client, workspace.resolve(".kairan"), Clock.systemUTC(),
                (topic, data) -> events.add(new Object[] { topic, data }));
    }

    /** Logs {@code staffNo} in (enrolling at the first login on this server) and starts syncing. */
    static Desktop logIn(RealServer server, String staffNo, Path workspace) throws KairanClientException {
        return logIn(server, staffNo, workspace, server.address);
    }

    /** The same, with the client talking to {@code via} (a proxy in front of the server). */
    static Desktop logIn(RealServer server, String staffNo, Path workspace, ServerAddress via)
            throws KairanClientException {
        HttpKairanServerClient client = RealServer.client(workspace);
        String account = server.address + "/" + staffNo;
        Authenticator known = AUTHENTICATORS.get(account);
        if (known == null) {
            AUTHENTICATORS.put(account, server.enrolThrough(client, staffNo, via));
        } else if (via.equals(server.address)) {
            server.logInThrough(client, staffNo, DemoAccounts.PASSWORD, known);
        } else {
            throw new IllegalStateException("log in through a proxy only at the first login");
        }
        Desktop desktop = new Desktop(client, workspace, staffNo);
        desktop.sync.sessionStarted(client.session().orElseThrow());
        return desktop;
    }

    /** A desktop started on a workspace whose stored session is still valid (a restart of the desktop). */
    static Desktop resume(Path workspace) throws KairanClientException {
        HttpKairanServerClient client = RealServer.client(workspace);
        Session session = client.resumeSession();
        Desktop desktop = new Desktop(client, workspace, session.user().staffNo());
        desktop.sync.sessionStarted(session);
        return desktop;
    }

    void syncNow() throws KairanClientException {
        sync.syncNow(SyncProgress.NONE);
    }

    QueuedAction post(String circularId, String unitCode, String title) {
        return sync.enqueue(CommandTypes.POST_CIRCULAR, new PostCircular(circularId, unitCode, title, title + "の本文"));
    }

    QueuedAction acknowledge(String circularId) {
        return sync.enqueue(CommandTypes.ACKNOWLEDGE_CIRCULAR, new CircularRef(circularId));
    }

    QueuedAction withdraw(String circularId) {
        return sync.enqueue(CommandTypes.WITHDRAW_CIRCULAR, new CircularRef(circularId));
    }

    java.util.Optional<Circular> circular(String id) {
        return sync.replica().get(EntityTypes.CIRCULAR, id, Circular.class);
    }

    /** Waits until {@code condition} holds (polling), failing with {@code expected} after {@code timeout}. */
    static void await(Duration timeout, String expected, BooleanSupplier condition) throws InterruptedException {
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
        sync.sessionEnded();
    }
}
