package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.SyncTopics;
import org.kairan.client.testing.DemoAccounts;

/**
 * Logging out and in again on one desktop. The client posts the session's end and start through EventAdmin,
 * so the sync service switches replicas on that thread while the screens follow the session on the UI thread
 * and the previous person's sync worker may still be running: the service says when the new person's replica
 * is open, and the previous person's worker neither brings their session back nor takes the next one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaSwitchTest {

    private RealServer server;

    @BeforeAll
    void start() throws Exception {
        server = RealServer.start("sync-replica-switch");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLoginWhoseReplicaIsCurrentStillTellsTheScreensToReadIt(@TempDir Path ws) throws Exception {
        Desktop mayor = Desktop.logIn(server, DemoAccounts.MAYOR, ws);
        mayor.syncNow();
        mayor.close(); // logged out as far as the sync service is concerned; the replica is up to date

        List<String> told = new CopyOnWriteArrayList<>();
        DefaultSyncService[] service = new DefaultSyncService[1];
        service[0] = new DefaultSyncService(mayor.client, ws.resolve(".kairan"), Clock.systemUTC(), (topic, data) -> {
            if (SyncTopics.REPLICA_CHANGED.equals(topic) && data instanceof Set<?> types && types.isEmpty()) {
                told.add(service[0].replica().hasData() ? "the mayor's replica is readable" : "nothing to read yet");
            }
        });
        try {
            service[0].sessionStarted(mayor.client.session().orElseThrow());
            assertEquals(List.of("the mayor's replica is readable"), told,
                    "opening the replica says that all of it changed, once it can be read: a screen that read too early"
                            + " (nothing, or the previous person's replica) reads again although the sync brings"
                            + " nothing new");
        } finally {
            service[0].sessionEnded();
        }
    }

    @Test
    void theWorkerOfSomeoneWhoLoggedOutDoesNotTakeTheNextPersonsSession(@TempDir Path ws) throws Exception {
        try (Desktop mayor = Desktop.logIn(server, DemoAccounts.MAYOR, ws)) {
            mayor.syncNow();
            // the logout's event has not reached the sync service yet: the mayor's engine still runs
            mayor.client.logout();
            HttpKairanServerClient next = RealServer.client(ws); // the same workspace: the same session file
            server.enrolThrough(next, DemoAccounts.FINANCE_CLERK);
            String clerksToken = next.session().orElseThrow().token();

            assertThrows(SessionExpiredException.class, mayor::syncNow,
                    "the mayor's engine stops: there is no session of the mayor to resume");
            assertTrue(mayor.client.session().isEmpty(), "the logged-out client did not take the clerk's session: "
                    + mayor.client.session().map(s -> s.user().staffNo()));
            assertTrue(server.api.accepts(clerksToken), "and the clerk's session is untouched");
        }
    }
}
