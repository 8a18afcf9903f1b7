package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        assertSame(fromServer.units(), fromReplica.units(), "the replica has every unit as the server has it");
        assertSame(fromServer.staff(), fromReplica.staff(), "the replica has every staff member as the server has them");
        assertSame(fromServer.assignments(), fromReplica.assignments(),
                "the replica has every assignment, past and future");
        assertSame(fromServer.positions(), fromReplica.positions(), "and every 役職");
        assertEquals(fromServer.assignments().size(), fromReplica.assignments().size(), "no assignment twice");
        // the worker may be in a sync of its own (the server's push announces every new feed entry): wait it out
        Desktop.await(Duration.ofSeconds(30), "after the sync the phase is online",
                () -> mayor.sync.status().phase() == SyncPhase.ONLINE);
        assertTrue(mayor.sync.status().lastSync() != null, "and the time of the sync is known");
        assertTrue(mayor.events.stream().anyMatch(e -> e[0].equals(SyncTopics.REPLICA_CHANGED)
                && ((Set<?>) e[1]).contains("staff")), "the UI was told that staff records changed");
    }

    /** Equal as sets, with a short message (sizes and a few differences) when not. */
    private static void assertSame(java.util.List<?> expected, java.util.List<?> actual, String message) {
        Set<Object> missing = new HashSet<>(expected);
        missing.removeAll(new HashSet<>(actual));
        Set<Object> extra = new HashSet<>(actual);
        extra.removeAll(new HashSet<>(expected));
        assertTrue(missing.isEmpty() && extra.isEmpty(), message + ": server " + expected.size() + ", replica "
                + actual.size() + ", missing e.g. " + missing.stream().limit(3).toList() + ", extra e.g. "
                + extra.stream().limit(3).toList());
    }

    @Test
    void aDamagedReplicaIsRebuiltFromTheServer() throws Exception {
        int units = mayor.sync.replica().directory(LocalDate.now()).units().size();
        assertTrue(units > 50, "before the damage the replica holds the demo city's units");
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
        assertTrue(staff > 300, "before the deletion the replica holds the demo city's staff");
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
