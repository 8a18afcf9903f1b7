package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCursor;

/**
 * The replica's file on its own (the pages are written by hand here; the tests against the server are in
 * {@link SyncAgainstServerTest}): a page and its cursor are one transaction, a reset pass drops what it did
 * not send even across a restart, and a damaged file is replaced by an empty one.
 */
class ReplicaStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @TempDir
    Path dir;

    private static SyncChange unit(long seq, String id) {
        return new SyncChange(seq, "unit", id, false, "{\"code\":\"" + id + "\"}");
    }

    private static PullResponse page(String cursor, boolean reset, boolean more, SyncChange... changes) {
        return new PullResponse(cursor, reset, more, 100, List.of(changes));
    }

    @Test
    void aPageAndItsCursorSurviveAReopenTogether() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertEquals(Set.of("unit"), store.apply(page("c1", false, false, unit(1, "A"), unit(2, "B")), NOW),
                    "applying a page reports the types it changed");
        }
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertFalse(store.wasRebuilt(), "a healthy replica is opened as it is");
            assertEquals("c1", store.meta().cursor(), "the cursor of the applied page is stored");
            assertEquals(NOW, store.meta().lastSync(), "a page ending the feed records the time of the sync");
            assertEquals(2, store.count(), "and its records with it");
        }
    }

    @Test
    void aRecordOfMegabytesIsKeptWholeInTheRow() throws Exception {
        String body = "議事録本文。".repeat(400_000); // 2.4 M characters: the text of a long document
        String data = "{\"code\":\"L\",\"text\":\"" + body + "\"}";
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, new SyncChange(1, "unit", "L", false, data)), NOW);
        }
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertEquals(data, store.get("unit", "L").orElseThrow(), "read back character for character");
            assertEquals(List.of(data), store.all("unit"));
        }
    }

    @Test
    void aDeletionRemovesTheRecord() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, unit(1, "A"), unit(2, "B")), NOW);
            store.apply(page("c2", false, false, new SyncChange(3, "unit", "A", true, null)), NOW);
            assertTrue(store.get("unit", "A").isEmpty(), "a deleted record leaves the replica");
            assertTrue(store.get("unit", "B").isPresent(), "the others stay");
        }
    }

    @Test
    void aResetPassDropsWhatItDidNotSendEvenWhenTheDesktopRestartsInTheMiddle() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, unit(1, "A"), unit(2, "B"), unit(3, "C")), NOW);
            store.apply(page("r1", true, true, unit(1, "A")), NOW);
            assertEquals(3, store.count(), "nothing is dropped before the pass ends");
            assertTrue(store.meta().resetInProgress(), "the pass under way is stored");
        }
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertTrue(store.meta().resetInProgress(), "a restarted desktop knows a pass is under way");
            Set<String> changed = store.apply(page("r2", false, false, unit(3, "C")), NOW);
            assertEquals(Set.of("unit"), changed, "the end of the pass reports the types it dropped from");
            assertTrue(store.get("unit", "A").isPresent(), "a record sent in the first half of the pass stays");
            assertTrue(store.get("unit", "C").isPresent(), "a record sent in the second half stays");
            assertTrue(store.get("unit", "B").isEmpty(), "a record the pass did not send is dropped");
            assertFalse(store.meta().resetInProgress(), "the pass is over");
        }
    }

    private static String cursor(long seq, String scope, long passStartedAt) {
        return new SyncCursor("feed-1", "120002", seq, scope, passStartedAt).encode();
    }

    @Test
    void aPassWhosePagesAllSayResetKeepsEveryPageAndDropsTheRest() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page(cursor(3, "s1", 0), false, false, unit(1, "A"), unit(2, "B"), unit(3, "C")), NOW);
            store.apply(page(cursor(10, "s2", 111), true, true, unit(1, "A")), NOW);
            store.apply(page(cursor(20, "s2", 111), true, true, unit(3, "C")), NOW);
            store.apply(page(cursor(30, "s2", 0), true, false, unit(4, "D")), NOW);

            assertTrue(store.get("unit", "A").isPresent() && store.get("unit", "C").isPresent()
                    && store.get("unit", "D").isPresent(), "every page of the pass is kept");
            assertTrue(store.get("unit", "B").isEmpty(), "what the pass did not send is dropped");
            assertFalse(store.meta().resetInProgress(), "the pass is over");
        }
    }

    @Test
    void aPassTheServerStartsOverDropsWhatOnlyTheAbandonedPassSent() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page(cursor(3, "s1", 0), false, false, unit(1, "A"), unit(2, "B")), NOW);
            store.apply(page(cursor(10, "s2", 111), true, true, unit(2, "B")), NOW);
            store.apply(page(cursor(10, "s3", 222), true, true, unit(1, "A")), NOW); // visibility changed again
            store.apply(page(cursor(30, "s3", 0), true, false), NOW);

            assertTrue(store.get("unit", "A").isPresent(), "what the new pass sent is kept");
            assertTrue(store.get("unit", "B").isEmpty(), "what only the abandoned pass sent is dropped");
        }
    }

    @Test
    void aForgottenCursorStartsAPassThatDropsWhatIsNotSentAgain() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, unit(1, "A"), unit(2, "B")), NOW);
            store.forgetCursor();
            assertNull(store.meta().cursor(), "the next pull starts from the beginning");
            store.apply(page("c9", false, false, unit(1, "A")), NOW);
            assertEquals(1, store.count(), "what the new pass did not send is dropped");
        }
    }

    @Test
    void aDamagedFileIsReplacedByAnEmptyReplica() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, unit(1, "A")), NOW);
        }
        Path file = dir.resolve(ReplicaStore.NAME + ".mv.db");
        assertTrue(Files.exists(file), "the replica lives in " + file);
        Files.write(file, "this is not an H2 database, just garbage that was written over it".repeat(200).getBytes());
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertTrue(store.wasRebuilt(), "a damaged replica is rebuilt");
            assertNull(store.meta().cursor(), "the rebuilt replica pulls from the beginning");
            assertEquals(0, store.count(), "and holds nothing until it has");
        }
    }

    @Test
    void aReplicaOfAnotherSchemaIsRebuilt() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            store.apply(page("c1", false, false, unit(1, "A")), NOW);
        }
        try (var db = H2Files.open(dir, ReplicaStore.NAME); var s = db.createStatement()) {
            s.executeUpdate("UPDATE meta SET schema_version = 99");
        }
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            assertTrue(store.wasRebuilt(), "a replica written by another version is rebuilt");
            assertEquals(0, store.count(), "from nothing");
        }
    }

    @Test
    void theVersionOfATypeChangesOnlyWhenItsRecordsChange() throws Exception {
        try (ReplicaStore store = ReplicaStore.open(dir)) {
            long units = store.version("unit");
            long kessai = store.version("kessai");
            store.apply(page("c1", false, false, unit(1, "A")), NOW);
            assertTrue(store.version("unit") != units, "a page with units changes the version of units");
            assertEquals(kessai, store.version("kessai"), "and leaves other types' versions alone");
            long afterA = store.version("unit");
            store.apply(page("c2", false, false), NOW);
            assertEquals(afterA, store.version("unit"), "an empty page changes nothing");
        }
        try (ReplicaStore reopened = ReplicaStore.open(dir)) {
            assertTrue(reopened.version("kessai") > 0, "a reopened store has versions of its own");
        }
    }
}
