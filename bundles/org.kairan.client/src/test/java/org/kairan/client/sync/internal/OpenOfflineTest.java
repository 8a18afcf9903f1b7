package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.testing.DemoAccounts;

/**
 * The desktop starts while the server is down: with the stored session the replica opens offline, and
 * once the server answers the session is resumed and syncing goes on by itself.
 */
class OpenOfflineTest {

    private RealServer server;
    private DefaultSyncService sync;

    @AfterEach
    void stop() {
        if (sync != null) {
            sync.sessionEnded();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStoredSessionOpensTheReplicaOfflineAndResumesWhenTheServerIsBack(@TempDir Path ws) throws Exception {
        server = RealServer.start("sync-open-offline");
        try (Desktop first = Desktop.logIn(server, DemoAccounts.SECOND_ADMIN, ws)) {
            first.syncNow();
        }
        server.process.stop();

        HttpKairanServerClient client = RealServer.client(ws);
        assertThrows(ServerUnreachableException.class, client::resumeSession, "the server is down at start-up");
        Session stored = client.storedSession().orElseThrow();
        sync = new DefaultSyncService(client, ws.resolve(".kairan"), Clock.systemUTC(), SyncEvents.NONE);
        sync.openOffline(stored);

        assertTrue(sync.replica().directory(LocalDate.now()).staff().size() > 300,
                "opened offline, the replica of the last run is readable at once");
        Desktop.await(Duration.ofSeconds(20), "the phase says offline",
                () -> sync.status().phase() == SyncPhase.OFFLINE);

        server.process.startAgain();

        Desktop.await(Duration.ofSeconds(60), "once the server is back the service resumes the stored session",
                () -> client.session().isPresent());
        Desktop.await(Duration.ofSeconds(30), "and syncs: the phase becomes online",
                () -> sync.status().phase() == SyncPhase.ONLINE);
        assertEquals(DemoAccounts.SECOND_ADMIN, client.session().orElseThrow().user().staffNo(),
                "as the same user");
    }
}
