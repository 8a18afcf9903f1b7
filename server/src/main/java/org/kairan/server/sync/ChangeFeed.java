package org.kairan.server.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kairan.server.storage.Database;

/**
 * The append-only change feed in the database. Entries are appended on the caller's transaction;
 * {@code seq} is allocated by updating the single {@code feed_head} row, whose lock is held until the
 * transaction ends, so transactions append one after the other and commit in seq order: a reader never
 * sees seq 11 before seq 10. Append after the change it records and before any audit entry
 * ({@code audit_head} is locked after {@code feed_head} everywhere, so the two locks never deadlock).
 */
public final class ChangeFeed {

    private final Database database;
    private final FeedSignal signal;
    private final Clock clock;

    public ChangeFeed(Database database, FeedSignal signal, Clock clock) {
        this.database = database;
        this.signal = signal;
        this.clock = clock;
    }

    /** Appends the entry; returns its seq. */
    public long append(Connection c, FeedEntry entry) throws SQLException {
        return append(c, List.of(entry));
    }

    /** Appends the entries in order; returns the seq of the last one (the head), or the head when empty. */
    public long append(Connection c, List<FeedEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return head(c);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_head SET seq = seq + ? WHERE id = 1")) {
            ps.setLong(1, entries.size());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("feed_head row is missing");
            }
        }
        long last = head(c);
        long seq = last - entries.size();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_feed (seq, entity_type, entity_id, deleted,"
                + " audience, data, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (FeedEntry entry : entries) {
                ps.setLong(1, ++seq);
                ps.setString(2, entry.type());
                ps.setString(3, entry.id());
                ps.setBoolean(4, entry.deleted());
                ps.setString(5, entry.audience());
                if (entry.data() == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setString(6, entry.data());
                }
                ps.setObject(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        database.afterCommit(() -> signal.moved(last));
        return last;
    }

    /** The last seq committed (or appended by the caller's own transaction). */
    public long head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM feed_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The id of this feed, made once: a cursor of another feed (a replaced database) is recognised by it. */
    public String epoch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT epoch FROM feed_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            String epoch = rs.getString(1);
            if (epoch != null) {
                return epoch;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_head SET epoch = ? WHERE id = 1 AND epoch IS NULL")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
        return epoch(c);
    }

    /**
     * Gives the feed a new id (after a database was restored from a backup): every desktop's cursor is then
     * of another feed, so each rebuilds its replica from the restored data instead of trusting a position the
     * restore took back. Returns the new id.
     */
    public String renewEpoch(Connection c) throws SQLException {
        String epoch = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_head SET epoch = ? WHERE id = 1")) {
            ps.setString(1, epoch);
            ps.executeUpdate();
        }
        return epoch;
    }

    /** Up to {@code max} entries with {@code after < seq <= upTo}, in seq order, each the newest of its record (as of upTo). */
    public List<FeedEntry> read(Connection c, long after, long upTo, int max) throws SQLException {
        List<FeedEntry> entries = new ArrayList<>();
        // An entry superseded (up to upTo) by a newer one of the same record for the same audience is skipped:
        // the newer one decides the same visibility and carries the newer state. A fresh replica gets each
        // record once, not its history (a 回覧 with 100 確認 is one record, not 101 growing copies).
        try (PreparedStatement ps = c.prepareStatement("SELECT f.seq, f.entity_type, f.entity_id, f.deleted,"
                + " f.audience, f.data FROM change_feed f WHERE f.seq > ? AND f.seq <= ? AND NOT EXISTS ("
                + "SELECT 1 FROM change_feed n WHERE n.entity_type = f.entity_type AND n.entity_id = f.entity_id"
                + " AND n.seq > f.seq AND n.seq <= ? AND n.audience = f.audience) ORDER BY f.seq LIMIT ?")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setLong(3, upTo);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return entries;
    }
}
