package org.kairan.server.login;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * SQL for what proves who someone is: password hashes, TOTP secrets (Base32), pending enrolments and
 * the consecutive-failure counters of the login throttle. Runs on the caller's transaction.
 */
public final class CredentialStore {

    /** Prefix of the counter key of a user id that matches nobody. */
    public static final String UNKNOWN_PREFIX = "?";

    /** A person's TOTP second factor. */
    public record TotpSecret(String secret, long lastUsedStep) {
    }

    /** A pending enrolment found by its token. */
    public record Enrolment(String staffNo, String secret, Instant createdAt) {
    }

    /** The failure counter of an account. */
    public record Attempts(int failures, Instant lastFailureAt) {
        public static final Attempts NONE = new Attempts(0, null);
    }

    public Optional<String> passwordHash(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM credential WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setPasswordHash(Connection c, String staffNo, String hash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE credential SET password_hash = ?, changed_at = ? WHERE staff_no = ?")) {
            ps.setString(1, hash);
            ps.setObject(2, utc(now));
            ps.setString(3, staffNo);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO credential (password_hash, changed_at, staff_no) VALUES (?, ?, ?)")) {
            ps.setString(1, hash);
            ps.setObject(2, utc(now));
            ps.setString(3, staffNo);
            ps.executeUpdate();
        }
    }

    /** The person's second factor, locked for update so that a code cannot be used twice concurrently. */
    public Optional<TotpSecret> totpForUpdate(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret, last_used_step FROM totp_secret WHERE staff_no = ? FOR UPDATE")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TotpSecret(rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    public boolean hasTotp(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM totp_secret WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void useTotpStep(Connection c, String staffNo, long step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE totp_secret SET last_used_step = ? WHERE staff_no = ?")) {
            ps.setLong(1, step);
            ps.setString(2, staffNo);
            ps.executeUpdate();
        }
    }

    public void enrolTotp(Connection c, String staffNo, String secret, long step, Instant now) throws SQLException {
        deleteTotp(c, staffNo);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO totp_secret (staff_no, secret, enrolled_at,"
                + " last_used_step) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, staffNo);
            ps.setString(2, secret);
            ps.setObject(3, utc(now));
            ps.setLong(4, step);
            ps.executeUpdate();
        }
    }

    /** Removes the second factor and any pending enrolment; returns whether there was a second factor. */
    public boolean deleteTotp(Connection c, String staffNo) throws SQLException {
        deleteEnrolments(c, staffNo);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM totp_secret WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            return ps.executeUpdate() > 0;
        }
    }

    /** Starts an enrolment, replacing any earlier pending one of the person. */
    public void startEnrolment(Connection c, String tokenHash, String staffNo, String secret, Instant now)
            throws SQLException {
        deleteEnrolments(c, staffNo);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO totp_enrolment (token_hash, staff_no, secret,"
                + " created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, staffNo);
            ps.setString(3, secret);
            ps.setObject(4, utc(now));
            ps.executeUpdate();
        }
    }

    public Optional<Enrolment> enrolmentForUpdate(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT staff_no, secret, created_at FROM totp_enrolment WHERE token_hash = ? FOR UPDATE")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Enrolment(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())) : Optional.empty();
            }
        }
    }

    public void deleteEnrolments(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM totp_enrolment WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            ps.executeUpdate();
        }
    }

    public Attempts attempts(Connection c, String accountKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, last_failure_at FROM login_attempt WHERE account_key = ?")) {
            ps.setString(1, accountKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Attempts.NONE;
                }
                OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                return new Attempts(rs.getInt(1), last == null ? null : last.toInstant());
            }
        }
    }

    /**
     * The account's counter, locked until the transaction ends: concurrent attempts on one account
     * take turns, so each sees the failures the others reserved.
     */
    public Attempts lockAttempts(Connection c, String accountKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_attempt (account_key, failures,"
                + " last_failure_at) VALUES (?, 0, NULL) ON CONFLICT DO NOTHING")) {
            ps.setString(1, accountKey);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, last_failure_at FROM login_attempt WHERE account_key = ? FOR UPDATE")) {
            ps.setString(1, accountKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                return new Attempts(rs.getInt(1), last == null ? null : last.toInstant());
            }
        }
    }

    /**
     * Takes back a failure reserved for an attempt whose password turned out right: the counter is
     * restored to what it was before, or, if other attempts counted in the meantime, lowered by one.
     */
    public void undoFailure(Connection c, String accountKey, Attempts before, Attempts reserved) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE login_attempt SET failures = ?, last_failure_at = ?"
                + " WHERE account_key = ? AND failures = ?")) {
            ps.setInt(1, before.failures());
            ps.setObject(2, before.lastFailureAt() == null ? null : utc(before.lastFailureAt()));
            ps.setString(3, accountKey);
            ps.setInt(4, reserved.failures());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE login_attempt SET failures = failures - 1"
                + " WHERE account_key = ? AND failures > 0")) {
            ps.setString(1, accountKey);
            ps.executeUpdate();
        }
    }

    /** Forgets failure counters of unknown user ids that have been quiet since the cut-off. */
    public int purgeUnknownSince(Connection c, Instant cutOff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM login_attempt WHERE account_key LIKE ? AND last_failure_at < ?")) {
            ps.setString(1, UNKNOWN_PREFIX + "%");
            ps.setObject(2, utc(cutOff));
            return ps.executeUpdate();
        }
    }

    /** Counts one more failure and returns the new counter. */
    public Attempts recordFailure(Connection c, String accountKey, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_attempt (account_key, failures,"
                + " last_failure_at) VALUES (?, 0, NULL) ON CONFLICT DO NOTHING")) {
            ps.setString(1, accountKey);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE login_attempt SET failures = failures + 1, last_failure_at = ? WHERE account_key = ?")) {
            ps.setObject(1, utc(now));
            ps.setString(2, accountKey);
            ps.executeUpdate();
        }
        return attempts(c, accountKey);
    }

    /** Forgets the failures (after a success or an administrator's unlock); returns whether there were any. */
    public boolean resetFailures(Connection c, String accountKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_attempt WHERE account_key = ?")) {
            ps.setString(1, accountKey);
            return ps.executeUpdate() > 0;
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
