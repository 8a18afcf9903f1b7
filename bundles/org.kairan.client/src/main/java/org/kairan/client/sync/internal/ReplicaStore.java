package org.kairan.client.sync.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCursor;

/**
 * The local replica of one user on one server: an embedded H2 file ({@code replica.mv.db}) with the records
 * the feed sent ({@code entity}: type, id, JSON data, pass) and where the feed stands ({@code meta}: cursor,
 * last sync, pass number, whether a reset pass is under way).
 * <p>
 * Each pulled page is applied in one transaction together with its cursor, so a crash never loses or
 * doubles a page. A reset pass ({@code reset: true}) starts a new pass number; records are written with the
 * pass that sent them, and the page that ends the pass ({@code more: false}) deletes every record of an
 * older pass. The pass state is stored, so a desktop restarted in the middle of a pass finishes it.
 * <p>
 * The replica can always be rebuilt from the server: a file that cannot be opened (damaged, another format,
 * an older schema) is deleted and started afresh, with a log line.
 */
final class ReplicaStore implements AutoCloseable {

    static final String NAME = "replica";
    /**
     * Bump when the tables change: an older replica is rebuilt from the server. 2: {@code data} is
     * CHARACTER VARYING, kept in the row (H2 keeps a CLOB longer than 256 characters apart, and reading
     * 5,000 案件 of 1.6 kB each took twice as long).
     */
    static final int SCHEMA_VERSION = 2;

    private static final Logger LOG = Logger.getLogger(ReplicaStore.class.getName());

    /** The stored position in the feed. */
    record Meta(String cursor, Instant lastSync, long pass, boolean resetInProgress) {
    }

    /** Numbers for {@link #version}: drawn from one sequence, so no two stores or changes share one. */
    private static final AtomicLong CHANGES = new AtomicLong();

    private final Path directory;
    private final Connection db;
    private final boolean rebuilt;
    private final long opened = CHANGES.incrementAndGet();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    private ReplicaStore(Path directory, Connection db, boolean rebuilt) {
        this.directory = directory;
        this.db = db;
        this.rebuilt = rebuilt;
    }

    /**
     * A number that changes with every applied page that changed records of the type (in this run), and
     * differs between stores: equal numbers mean the same records.
     */
    long version(String type) {
        return versions.getOrDefault(type, opened);
    }

    /**
     * Opens the replica in {@code directory}, creating it, or rebuilding it when the file is unusable.
     *
     * @throws SQLException the database is open in another process, or cannot be created at all
     */
    static ReplicaStore open(Path directory) throws SQLException {
        try {
            return new ReplicaStore(directory, openChecked(directory), false);
        } catch (SQLException e) {
            if (H2Files.inUseElsewhere(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "the replica in " + directory + " cannot be used (" + e.getMessage()
                    + "); it is deleted and rebuilt from the server");
            try {
                H2Files.delete(directory, NAME);
            } catch (IOException io) {
                e.addSuppressed(io);
                throw e;
            }
            return new ReplicaStore(directory, openChecked(directory), true);
        }
    }

    private static Connection openChecked(Path directory) throws SQLException {
        Connection db = H2Files.open(directory, NAME);
        try {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS meta(id INT PRIMARY KEY, schema_version INT NOT NULL, "
                        + "feed_cursor VARCHAR(8000), last_sync TIMESTAMP WITH TIME ZONE, pass BIGINT NOT NULL, "
                        + "reset_in_progress BOOLEAN NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS entity(type VARCHAR(64) NOT NULL, id VARCHAR(1000) NOT NULL, "
                        + "data CHARACTER VARYING NOT NULL, pass BIGINT NOT NULL, PRIMARY KEY(type, id))");
                s.execute("INSERT INTO meta SELECT 1, " + SCHEMA_VERSION + ", NULL, NULL, 0, FALSE "
                        + "WHERE NOT EXISTS (SELECT 1 FROM meta)");
                try (ResultSet rs = s.executeQuery("SELECT schema_version FROM meta WHERE id = 1")) {
                    int version = rs.next() ? rs.getInt(1) : -1;
                    if (version != SCHEMA_VERSION) {
                        throw new SQLException("replica schema " + version + ", expected " + SCHEMA_VERSION);
                    }
                }
            }
            db.setAutoCommit(false);
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Whether {@link #open} found the file unusable and started a new one. */
    boolean wasRebuilt() {
        return rebuilt;
    }

    Path directory() {
        return directory;
    }

    synchronized Meta meta() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT feed_cursor, last_sync, pass, reset_in_progress FROM meta WHERE id = 1")) {
            rs.next();
            Meta meta = new Meta(rs.getString(1), rs.getObject(2, Instant.class), rs.getLong(3),
                    rs.getBoolean(4));
            db.commit();
            return meta;
        }
    }

    /**
     * Applies one page and its cursor in one transaction.
     *
     * @return the entity types whose records changed
     */
    synchronized Set<String> apply(PullResponse page, Instant now) throws SQLException {
        Set<String> changed = new TreeSet<>();
        try {
            Meta meta = meta();
            long pass = meta.pass();
            boolean inReset = meta.resetInProgress();
            if (page.reset() && startsNewPass(inReset, meta.cursor(), page.cursor())) {
                pass++;
                inReset = true;
            }
            try (PreparedStatement upsert = db.prepareStatement(
                    "MERGE INTO entity(type, id, data, pass) KEY(type, id) VALUES (?, ?, ?, ?)");
                    PreparedStatement delete = db.prepareStatement("DELETE FROM entity WHERE type = ? AND id = ?")) {
                for (SyncChange change : page.changes()) {
                    if (change.deleted()) {
                        delete.setString(1, change.type());
                        delete.setString(2, change.id());
                        if (delete.executeUpdate() > 0) {
                            changed.add(change.type());
                        }
                    } else {
                        upsert.setString(1, change.type());
                        upsert.setString(2, change.id());
                        upsert.setString(3, change.data());
                        upsert.setLong(4, pass);
                        upsert.executeUpdate();
                        changed.add(change.type());
                    }
                }
            }
            if (inReset && !page.more()) {
                changed.addAll(dropOlderPasses(pass));
                inReset = false;
            }
            try (PreparedStatement m = db.prepareStatement("UPDATE meta SET feed_cursor = ?, pass = ?, "
                    + "reset_in_progress = ?, last_sync = CASE WHEN ? THEN ? ELSE last_sync END WHERE id = 1")) {
                m.setString(1, page.cursor());
                m.setLong(2, pass);
                m.setBoolean(3, inReset);
                m.setBoolean(4, !page.more());
                m.setObject(5, now);
                m.executeUpdate();
            }
            db.commit();
            for (String type : changed) {
                versions.put(type, CHANGES.incrementAndGet());
            }
            return changed;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    /**
     * Whether a {@code reset} page starts a new pass rather than continuing the one under way. Every page of
     * a pass says {@code reset: true}; the server starts a pass over (a new {@link SyncCursor#passStartedAt()},
     * or a new visibility fingerprint or feed) when the user's visibility changed again in the middle. When
     * the cursors cannot be read, the page continues the pass: keeping a stale record until the next pass is
     * better than dropping one this pass already sent.
     */
    static boolean startsNewPass(boolean inReset, String requestCursor, String pageCursor) {
        if (!inReset) {
            return true;
        }
        Optional<SyncCursor> before = SyncCursor.decode(requestCursor);
        Optional<SyncCursor> after = SyncCursor.decode(pageCursor);
        if (before.isEmpty() || after.isEmpty()) {
            return requestCursor == null; // pulling from the start is always a new pass
        }
        SyncCursor in = before.get();
        SyncCursor out = after.get();
        return !in.epoch().equals(out.epoch()) || !in.scope().equals(out.scope())
                || (out.passStartedAt() != 0 && out.passStartedAt() != in.passStartedAt());
    }

    private Set<String> dropOlderPasses(long pass) throws SQLException {
        Set<String> types = new TreeSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT DISTINCT type FROM entity WHERE pass < ?")) {
            q.setLong(1, pass);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement d = db.prepareStatement("DELETE FROM entity WHERE pass < ?")) {
            d.setLong(1, pass);
            d.executeUpdate();
        }
        return types;
    }

    /**
     * Forgets the cursor (the server refused it): the next pull starts from the beginning as a new pass, so
     * what that pass does not send again is dropped when it ends.
     */
    synchronized void forgetCursor() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE meta SET feed_cursor = NULL, pass = pass + 1, reset_in_progress = TRUE WHERE id = 1");
            db.commit();
        }
    }

    /** The JSON text of every record of a type, ordered by id. */
    synchronized List<String> all(String type) throws SQLException {
        List<String> data = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT data FROM entity WHERE type = ? ORDER BY id")) {
            q.setString(1, type);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    data.add(rs.getString(1));
                }
            }
        } finally {
            db.commit();
        }
        return data;
    }

    /** The JSON text of one record. */
    synchronized Optional<String> get(String type, String id) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT data FROM entity WHERE type = ? AND id = ?")) {
            q.setString(1, type);
            q.setString(2, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } finally {
            db.commit();
        }
    }

    /** How many records the replica holds. */
    synchronized long count() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM entity")) {
            rs.next();
            return rs.getLong(1);
        } finally {
            db.commit();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the replica", e);
        }
    }
}
