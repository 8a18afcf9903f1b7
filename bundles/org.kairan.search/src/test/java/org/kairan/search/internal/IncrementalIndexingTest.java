package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ClientTopics;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncStatus;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.SessionUser;
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

    /** A replica with no records whose versions the test moves, counting every read of a whole type. */
    private static final class CountingReplica implements Replica {
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        @Override
        public <T> List<T> all(String type, Class<T> recordType) {
            reads.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
            return List.of();
        }

        @Override
        public <T> Optional<T> get(String type, String id, Class<T> recordType) {
            return Optional.empty();
        }

        @Override
        public DirectorySnapshot directory(LocalDate today) {
            return new DirectorySnapshot(today, List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public boolean hasData() {
            return true;
        }

        @Override
        public long version(String type) {
            return versions.getOrDefault(type, 0L);
        }

        int reads(String type) {
            AtomicInteger n = reads.get(type);
            return n == null ? 0 : n.get();
        }
    }

    /** Logged in as a 財政課 主事, with the counting replica; nothing else is used by the search service. */
    private static final class LoggedIn implements SyncService {
        final CountingReplica replica = new CountingReplica();
        final Path directory;
        final Session session = new Session(new ServerAddress(URI.create("http://127.0.0.1:8470")), "token",
                Instant.now().plus(Duration.ofHours(8)), new SessionUser("120002", "佐藤 美咲", "さとう みさき", "1200",
                        "財政課", "主事", Set.of()), Session.DEFAULT_ZONE);

        LoggedIn(Path directory) {
            this.directory = directory;
        }

        @Override
        public Optional<Session> session() {
            return Optional.of(session);
        }

        @Override
        public Replica replica() {
            return replica;
        }

        @Override
        public Optional<Path> userDirectory() {
            return Optional.of(directory);
        }

        @Override
        public SyncStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void requestSync() {
        }

        @Override
        public void syncNow(SyncProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueuedAction enqueue(String commandType, Record payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueuedAction enqueue(String commandType, Record payload, List<OutboxFile> files) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutboxFile stageFile(Path source, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OutboxFile> stagedFile(String sha256) {
            return Optional.empty();
        }

        @Override
        public List<QueuedAction> actions() {
            return List.of();
        }

        @Override
        public <T> T payloadOf(QueuedAction action, Class<T> payloadType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void openOffline(Session stored) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<QueuedAction> action(String key) {
            return Optional.empty();
        }

        @Override
        public void dismiss(String key) {
        }
    }

    @Test
    void onlyTheKindsWhoseReplicaTypesChangedAreReadAgain() throws InterruptedException {
        LoggedIn desk = new LoggedIn(user);
        CountingReplica replica = desk.replica;
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
