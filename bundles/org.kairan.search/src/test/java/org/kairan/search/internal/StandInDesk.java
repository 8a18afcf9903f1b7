package org.kairan.search.internal;

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

import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncStatus;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.SessionUser;

/**
 * Logged in as a 財政課 主事, with a counting replica (no records, versions set by the test); nothing else is used by
 * the search service. For tests of {@link DefaultSearchService} without a server.
 */
final class StandInDesk implements SyncService {

    /** A replica with no records whose versions the test moves, counting every read of a whole type. */
    static final class CountingReplica implements Replica {
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

    final CountingReplica replica = new CountingReplica();
    final Path directory;
    final Session session = new Session(new ServerAddress(URI.create("http://127.0.0.1:8470")), "token",
            Instant.now().plus(Duration.ofHours(8)), new SessionUser("120002", "佐藤 美咲", "さとう みさき", "1200",
                    "財政課", "主事", Set.of()), Session.DEFAULT_ZONE);

    StandInDesk(Path directory) {
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
