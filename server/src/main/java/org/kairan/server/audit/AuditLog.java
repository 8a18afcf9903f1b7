package org.kairan.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.server.storage.DatabaseException;

/**
 * The audit log in the database: 日時・所属・役職・氏名・操作・結果 of every security-relevant action,
 * each entry hash-chained to the one before ({@link AuditChain}). An entry is appended in the same
 * transaction as the action it records, so an action and its record are committed together or not
 * at all.
 *
 * <p>Appends are serialised by updating the single row of {@code audit_head} first: the row lock makes
 * concurrent transactions (on H2 and on PostgreSQL, in one server process or several) take turns, so
 * the chain stays linear. Append last in a transaction to hold that lock briefly.
 */
public final class AuditLog {

    /** 操作 names. */
    public static final String LOGIN = "LOGIN";
    public static final String LOGOUT = "LOGOUT";
    public static final String LOCKOUT = "LOCKOUT";
    public static final String TOTP_ENROL = "TOTP_ENROL";
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    public static final String PASSWORD_SET = "PASSWORD_SET";
    public static final String TOTP_RESET = "TOTP_RESET";
    public static final String SESSIONS_REVOKE = "SESSIONS_REVOKE";
    public static final String UNLOCK = "UNLOCK";
    public static final String ROSTER_IMPORT = "ROSTER_IMPORT";
    public static final String TRANSFER = "TRANSFER";
    public static final String AUDIT_READ = "AUDIT_READ";
    public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
    public static final String DEMO_SETUP = "DEMO_SETUP";

    /** 結果 names. */
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    private static final int MAX_SHORT = 128;
    private static final int MAX_UNIT = 256;
    private static final int MAX_DETAIL = 1000;

    private final AuditChain chain;
    private final Clock clock;

    public AuditLog(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /** Appends one entry on the caller's transaction. */
    public AuditEntry append(Connection c, AuditActor actor, String action, String result, String detail)
            throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("audit_head row is missing");
            }
        }
        long seq;
        String previous;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            previous = rs.getString(2);
        }
        AuditEntry sealed = chain.seal(previous, new AuditEntry(seq, clock.instant(), cut(actor.staffNo(), MAX_SHORT),
                cut(actor.unit(), MAX_UNIT), cut(actor.position(), MAX_SHORT), cut(actor.name(), MAX_SHORT),
                action, result, cut(detail, MAX_DETAIL), null));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, logged_at, staff_no, unit, position_name,"
                + " person_name, action, result, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sealed.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(sealed.at(), ZoneOffset.UTC));
            ps.setString(3, sealed.staffNo());
            ps.setString(4, sealed.unit());
            ps.setString(5, sealed.position());
            ps.setString(6, sealed.name());
            ps.setString(7, sealed.action());
            ps.setString(8, sealed.result());
            ps.setString(9, sealed.detail());
            ps.setString(10, sealed.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
            ps.setString(1, sealed.hash());
            ps.executeUpdate();
        }
        return sealed;
    }

    /** Entries with {@code from <= at < to} (either bound may be {@code null}), oldest first, at most {@code limit}. */
    public List<AuditEntry> entries(Connection c, Instant from, Instant to, int limit) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE logged_at >= ? AND logged_at < ? ORDER BY seq")) {
            ps.setObject(1, OffsetDateTime.ofInstant(from == null ? Instant.EPOCH : from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to,
                    ZoneOffset.UTC));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        return entries;
    }

    /** The last entry's seq and hash as {@code audit_head} records them; empty while the log is empty. */
    public java.util.Optional<AuditChain.Checkpoint> head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getLong(1) == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new AuditChain.Checkpoint(rs.getLong(1), rs.getString(2)));
        }
    }

    /**
     * Checks the whole chain, streaming it from the database in seq order, and that it still reaches
     * the head recorded in {@code audit_head} (so deleting the last entries is noticed too).
     */
    public AuditVerification verify(Connection c) throws SQLException {
        AuditChain.Checkpoint head = head(c).orElse(null);
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                return chain.verify(() -> new ResultIterator(rs), head);
            }
        }
    }

    private static final String SELECT = "SELECT seq, logged_at, staff_no, unit, position_name, person_name, action, result,"
            + " detail, hash FROM audit_log";

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        return new AuditEntry(rs.getLong(1), at == null ? null : at.toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Reads entries one at a time, so a long log is never held in memory at once. */
    private static final class ResultIterator implements Iterator<AuditEntry> {
        private final ResultSet rs;
        private Boolean hasNext;

        ResultIterator(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rs.next();
                } catch (SQLException e) {
                    throw new DatabaseException("reading the audit log failed", e);
                }
            }
            return hasNext;
        }

        @Override
        public AuditEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                return entry(rs);
            } catch (SQLException e) {
                throw new DatabaseException("reading the audit log failed", e);
            }
        }
    }
}
