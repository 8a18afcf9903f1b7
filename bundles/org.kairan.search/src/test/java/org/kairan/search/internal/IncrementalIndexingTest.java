package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ClientTopics;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.sync.EntityTypes;
import org.kairan.search.IndexState;
import org.osgi.service.event.Event;

/**
 * The search service reads again only the kinds whose replica types changed: a 決裁 synced does not make it decode
 * every page of the 課 libraries, and the other way round. The replica here is a counting stand-in (empty, its
 * versions set by the test); what it counts is how often each type was read whole.
 */
class IncrementalIndexingTest {

    @TempDir
    Path user;

    @Test
    void onlyTheKindsWhoseReplicaTypesChangedAreReadAgain() throws InterruptedException {
        StandInDesk desk = new StandInDesk(user);
        StandInDesk.CountingReplica replica = desk.replica;
        DefaultSearchService search = new DefaultSearchService(desk, state -> { });
        try {
            changed(search, Set.of(EntityTypes.KESSAI));
            assertEquals(1, replica.reads(EntityTypes.KESSAI), "the first run over a new index reads 決裁");
            assertEquals(1, replica.reads(EntityTypes.DOCUMENT_TEXT), "and the libraries' text");

            replica.versions.put(EntityTypes.KESSAI, 5L);
            changed(search, Set.of(EntityTypes.KESSAI));
            assertEquals(2, replica.reads(EntityTypes.KESSAI), "a 決裁 synced: 決裁 read again");
            assertEquals(1, replica.reads(EntityTypes.DOCUMENT_TEXT), "but not every page of the libraries");

            replica.versions.put(EntityTypes.DOCUMENT_TEXT, 9L);
            changed(search, Set.of(EntityTypes.DOCUMENT_TEXT));
            assertEquals(2, replica.reads(EntityTypes.DOCUMENT_TEXT), "a page's text synced: the libraries again");
            assertEquals(2, replica.reads(EntityTypes.KESSAI), "and not the 決裁");

            replica.versions.put(EntityTypes.STAFF, 3L);
            changed(search, Set.of(EntityTypes.STAFF));
            assertEquals(3, replica.reads(EntityTypes.KESSAI), "a person's reading changed: 決裁 carry readings …");
            assertEquals(3, replica.reads(EntityTypes.DOCUMENT_TEXT), "… and so do the libraries' names in text");

            changed(search, Set.of(EntityTypes.KESSAI));
            assertEquals(3, replica.reads(EntityTypes.KESSAI), "told of a change that did not move a version: nothing read");
            IndexState state = search.state();
            assertEquals(null, state.problem(), "and the index is fine: " + state);
        } finally {
            search.deactivate();
        }
        assertFalse(search.isUpdating());
    }

    /** Tells the service the replica changed, as the sync service's event does, and waits for its run. */
    private static void changed(DefaultSearchService search, Set<String> types) throws InterruptedException {
        search.handleEvent(new Event(SyncTopics.REPLICA_CHANGED, Map.of(ClientTopics.DATA, types)));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(20);
        } while (search.isUpdating() && System.nanoTime() < end);
        assertFalse(search.isUpdating(), "the index run ends");
    }
}
