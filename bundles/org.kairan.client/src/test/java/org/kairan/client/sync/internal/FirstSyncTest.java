package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.sync.SyncTopics;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.organisation.DirectorySnapshot;

/**
 * The first sync of the demo city fills the replica with the same organisation the server's directory
 * route answers, and a replica that was damaged or deleted is rebuilt from the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstSyncTest {

    private RealServer server;
    private Desktop mayor;

    @BeforeAll
    void start(@TempDir Path workspace) throws Exception {
        server = RealServer.start("sync-first");
        mayor = Desktop.logIn(server, DemoAccounts.MAYOR, workspace);
        mayor.syncNow();
    }

    @AfterAll
    void stop() {
        if (mayor != null) {
            mayor.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReplicasDirectoryIsTheServersDirectory() throws Exception {
        DirectorySnapshot fromServer = mayor.client.directory();
        DirectorySnapshot fromReplica = mayor.sync.replica().directory(LocalDate.now());

        assertTrue(fromServer.staff().size() > 300, "the demo city has its ~400 staff");
        assertEquals(new HashSet<>(fromServer.units()), new HashSet<>(fromReplica.units()),
                "the replica has every unit as the server has it");
        assertEquals(new HashSet<>(fromServer.staff()), new HashSet<>(fromReplica.staff()),
                "the replica has every staff member as the server has them");
        assertEquals(new HashSet<>(fromServer.assignments()), new HashSet<>(fromReplica.assignments()),
                "the replica has every assignment, past and future");
        assertEquals(new HashSet<>(fromServer.positions()), new HashSet<>(fromReplica.positions()),
                "and every 役職");
        assertEquals(fromServer.assignments().size(), fromReplica.assignments().size(), "no assignment twice");
        assertEquals(SyncPhase.ONLINE, mayor.sync.status().phase(), "after the sync the phase is online");
        assertTrue(mayor.sync.status().lastSync() != null, "and the time of the sync is known");
        assertTrue(mayor.events.stream().anyMatch(e -> e[0].equals(SyncTopics.REPLICA_CHANGED)
                && ((Set<?>) e[1]).contains("staff")), "the UI was told that staff records changed");
    }

    @Test
    void aDamagedReplicaIsRebuiltFromTheServer() throws Exception {
        int units = mayor.sync.replica().directory(LocalDate.now()).units().size();
        mayor.sync.sessionEnded();
        Path dir = DefaultSyncService.replicaDirectory(mayor.workspace.resolve(".kairan"), server.address,
                DemoAccounts.MAYOR);
        Files.write(dir.resolve("replica.mv.db"), "garbage, not a database ".repeat(500).getBytes());

        mayor.sync.sessionStarted(mayor.client.session().orElseThrow());
        mayor.syncNow();

        assertEquals(units, mayor.sync.replica().directory(LocalDate.now()).units().size(),
                "a damaged replica is rebuilt with every unit again");
    }

    @Test
    void aDeletedReplicaIsRebuiltFromTheServer() throws Exception {
        int staff = mayor.sync.replica().directory(LocalDate.now()).staff().size();
        mayor.sync.sessionEnded();
        Path dir = DefaultSyncService.replicaDirectory(mayor.workspace.resolve(".kairan"), server.address,
                DemoAccounts.MAYOR);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "replica.*")) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
        mayor.sync.sessionStarted(mayor.client.session().orElseThrow());
        mayor.syncNow();

        assertEquals(staff, mayor.sync.replica().directory(LocalDate.now()).staff().size(),
                "a deleted replica is rebuilt with every staff member again");
        assertTrue(Files.exists(dir.resolve("actions.mv.db")), "the action queue is a file of its own, left alone");
    }
}
