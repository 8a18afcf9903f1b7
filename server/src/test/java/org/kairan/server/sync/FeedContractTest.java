package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/**
 * The change feed and the pull route on each supported database ({@link H2FeedTest},
 * {@link PostgresFeedTest}): the directory in the feed, paging, cursors, and seq order under
 * concurrent writers.
 */
abstract class FeedContractTest {

    @TempDir
    Path dataDir;

    RunningServer running;
    String admin;

    abstract RunningServer startServer(Path dataDir);

    @BeforeEach
    void start() {
        running = startServer(dataDir).withTestRoster();
        admin = running.sessionFor(TestRoster.ADMIN);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private DirectorySnapshot directory() {
        return running.read(running.get("/api/directory", admin), DirectorySnapshot.class);
    }

    private static Set<String> ids(SyncPages.Pulled pulled, String type) {
        return pulled.latest().values().stream().filter(c -> c.type().equals(type) && !c.deleted())
                .map(SyncChange::id).collect(Collectors.toSet());
    }

    @Test
    void aPullFromScratchReturnsTheWholeDirectoryPageByPage() {
        SyncPages.Pulled pulled = SyncPages.pullAll(running, admin, null, 3);
        DirectorySnapshot directory = directory();
        assertEquals(directory.positions().stream().map(p -> p.name()).collect(Collectors.toSet()),
                ids(pulled, EntityTypes.POSITION), "every 役職 is in the feed");
        assertEquals(directory.units().stream().map(u -> u.code()).collect(Collectors.toSet()),
                ids(pulled, EntityTypes.UNIT), "every unit is in the feed");
        assertEquals(directory.staff().stream().map(s -> s.staffNo()).collect(Collectors.toSet()),
                ids(pulled, EntityTypes.STAFF), "every person is in the feed");
        assertEquals(directory.assignments().stream().map(EntityTypes::assignmentId).collect(Collectors.toSet()),
                ids(pulled, EntityTypes.ASSIGNMENT), "every assignment is in the feed");
        assertTrue(pulled.pages().size() > 5, "a limit of 3 splits the directory into many pages");
        assertTrue(pulled.pages().stream().allMatch(p -> p.changes().size() <= 3), "no page is over the limit");
        assertTrue(pulled.pages().stream().allMatch(PullResponse::reset),
                "every page of the first pass says reset, so a client resuming mid-pass still ends it");
        List<Long> seqs = pulled.changes().stream().map(SyncChange::seq).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "changes come in strictly increasing seq order: " + seqs);
        }
        SyncChange kacho = pulled.latest().get(EntityTypes.STAFF + "/" + TestRoster.KACHO);
        assertTrue(kacho.data().contains("財政　一郎"), "a person's data is their StaffMember record: " + kacho.data());

        HttpResponse<String> again = SyncPages.page(running, admin, pulled.cursor(), null);
        PullResponse empty = running.read(again, PullResponse.class);
        assertEquals(0, empty.changes().size(), "nothing is new after the end of the feed");
        assertFalse(empty.reset(), "an up-to-date cursor is not a reset");
        assertFalse(empty.more(), "nothing more to pull");
        assertEquals(pulled.pages().getLast().head(), empty.head(), "the head did not move");
    }

    @Test
    void aClientResumingMidPassWithAStoredCursorFinishesTheSamePass() {
        PullResponse first = running.read(SyncPages.page(running, admin, null, 5), PullResponse.class);
        assertTrue(first.reset() && first.more(), "the first page of a pass from scratch says reset and more");
        // the client crashed here and resumes with the cursor it stored with the first page
        SyncPages.Pulled rest = SyncPages.pullAll(running, admin, first.cursor(), 5);
        assertTrue(rest.pages().stream().allMatch(PullResponse::reset),
                "the pages after a resumed mid-pass cursor still belong to the reset pass");
        assertEquals(first.changes().getLast().seq() + 1, rest.changes().getFirst().seq(),
                "the pass continues right after the stored page");
        PullResponse after = running.read(SyncPages.page(running, admin, rest.cursor(), null), PullResponse.class);
        assertFalse(after.reset(), "after the page with more:false the pass is over");
    }

    @Test
    void aTransferAppearsInTheFeedOfEveryone() {
        String kacho = running.sessionFor(TestRoster.KACHO);
        SyncPages.Pulled before = SyncPages.pullAll(running, kacho, null, 500);
        HttpResponse<String> transfer = running.postJson("/api/admin/transfers", admin, List.of(new TransferRequest(
                TestRoster.SHUJI, TestRoster.JOHO_KA, "主任", LocalDate.of(2026, 5, 1), AssignmentKind.PRIMARY)));
        assertEquals(204, transfer.statusCode(), "the 人事異動 is applied: " + transfer.body());
        SyncPages.Pulled after = SyncPages.pullAll(running, kacho, before.cursor(), 500);
        assertFalse(after.reset(), "财政課's 課長 can see the same as before: no reset");
        List<SyncChange> changes = after.changes();
        assertEquals(2, changes.size(), "the new 発令 and the end of the old 本務 are the only changes: " + changes);
        Assignment added = running.json.convertValue(readTree(changes.stream()
                .filter(c -> c.id().contains(TestRoster.JOHO_KA)).findFirst().orElseThrow().data()), Assignment.class);
        assertEquals(LocalDate.of(2026, 5, 1), added.effectiveFrom(), "the new 本務 starts on its 発令日");
        Assignment ended = running.json.convertValue(readTree(changes.stream()
                .filter(c -> c.id().contains(TestRoster.ZAISEI_KAKARI)).findFirst().orElseThrow().data()), Assignment.class);
        assertEquals(LocalDate.of(2026, 4, 30), ended.effectiveUntil(), "the old 本務 ends the day before");
    }

    private Object readTree(String json) {
        try {
            return running.json.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentWritersNeverLetAReaderSeeAGapThatLaterFills() throws Exception {
        ChangeFeed feed = new ChangeFeed(running.server.database(), new FeedSignal(), running.clock);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        long start = running.server.database().inTransaction(feed::head);
        ExecutorService pool = Executors.newFixedThreadPool(7);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    int n = i;
                    running.server.database().inTransaction(c -> {
                        feed.append(c, List.of(FeedEntry.upsert("test", writer + "/" + n + "a", Audience.ALL, "{}"),
                                FeedEntry.upsert("test", writer + "/" + n + "b", Audience.ALL, "{}")));
                        Thread.onSpinWait();
                        return null;
                    });
                }
                return null;
            }));
        }
        Future<Long> reader = pool.submit(() -> {
            long seen = start;
            while (writing.get() || seen < running.server.database().inTransaction(feed::head)) {
                long from = seen;
                List<FeedEntry> entries = running.server.database().inTransaction(c -> feed.read(c, from, Long.MAX_VALUE, 500));
                for (FeedEntry entry : entries) {
                    if (entry.seq() != seen + 1) {
                        problems.add("after seq " + seen + " the reader saw " + entry.seq());
                    }
                    seen = entry.seq();
                }
            }
            return seen - start;
        });
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        long read = reader.get(60, TimeUnit.SECONDS);
        pool.shutdownNow();
        assertTrue(problems.isEmpty(), "a reader never sees a seq before all smaller ones: " + problems);
        assertEquals(6 * 60 * 2, read, "the reader saw every entry the writers appended");
    }
}
