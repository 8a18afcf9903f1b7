package org.kairan.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.search.PlaceName;
import org.kairan.core.search.PlaceNames;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/** The city's place names reach every desktop as one feed record, put there when the server starts with them. */
class PlaceNamesFeedTest {

    private static final String KEY = EntityTypes.PLACE_NAMES + "/" + PlaceNames.FEED_ID;
    private static final PlaceNames IORI = PlaceNames.parse("上里,かみさと\n水無瀬,みなせ\n");

    @TempDir
    Path dataDir;

    private RunningServer start(PlaceNames names) {
        return RunningServer.start(RunningServer.config(dataDir, null).toBuilder().placeNames(names).build());
    }

    /** The place-names changes a member of staff pulls from the cursor ({@code null}: from the start). */
    private static List<SyncChange> pulled(RunningServer running, String session, String cursor) {
        return SyncPages.pullAll(running, session, cursor, 500).changes().stream()
                .filter(c -> c.type().equals(EntityTypes.PLACE_NAMES)).toList();
    }

    private static String head(RunningServer running, String session) {
        return SyncPages.pullAll(running, session, null, 500).cursor();
    }

    @Test
    void everyMemberOfStaffReceivesTheListOnceUntilItChanges() throws Exception {
        String cursor;
        String shuji; // a session lives on across restarts
        try (RunningServer running = start(IORI).withTestRoster()) {
            shuji = running.sessionFor(TestRoster.SHUJI);
            List<SyncChange> changes = pulled(running, shuji, null);
            assertEquals(1, changes.size(), "one record: " + changes);
            PlaceNames received = running.json.readValue(changes.getFirst().data(), PlaceNames.class);
            assertEquals(List.of(new PlaceName("上里", "かみさと"), new PlaceName("水無瀬", "みなせ")), received.names(),
                    "the names as the city listed them, for a member of staff who is not an administrator");
            assertEquals(PlaceNames.FEED_ID, changes.getFirst().id());
            assertEquals("{\"entries\":\"上里,かみさと\\n水無瀬,みなせ\\n\"}", changes.getFirst().data(),
                    "one small record: the list as 表記,よみ lines");
            cursor = head(running, shuji);
        }
        try (RunningServer running = start(IORI)) {
            assertTrue(pulled(running, shuji, cursor).isEmpty(), "the same list again at a restart: nothing new to pull");
        }
        PlaceNames more = PlaceNames.parse(IORI.entries() + "北山,きたやま\n");
        try (RunningServer running = start(more)) {
            List<SyncChange> changes = pulled(running, shuji, cursor);
            assertEquals(1, changes.size(), "a changed list is pulled again");
            assertEquals(more, running.json.readValue(changes.getFirst().data(), PlaceNames.class));
            cursor = head(running, shuji);
        }
        try (RunningServer running = start(PlaceNames.NONE)) {
            List<SyncChange> changes = pulled(running, shuji, cursor);
            assertEquals(1, changes.size(), "a list withdrawn is an empty record, so that desktops stop using it");
            assertFalse(running.json.readValue(changes.getFirst().data(), PlaceNames.class).hasNames());
        }
    }

    @Test
    void aCityWithoutAListHasNoRecord() {
        try (RunningServer running = start(PlaceNames.NONE).withTestRoster()) {
            assertTrue(pulled(running, running.sessionFor(TestRoster.SHUJI), null).isEmpty(), "no list, no record: desktops search as without one");
        }
    }
}
