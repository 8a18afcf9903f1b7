package org.kairan.server.login;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for sessions, found by the SHA-256 of their token. Runs on the caller's transaction. */
public final class SessionStore {

    /** A stored session. */
    public record StoredSession(String staffNo, Instant lastSeenAt) {
    }

    public void create(Connection c, String tokenHash, String staffNo, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_session (token_hash, staff_no, created_at,"
                + " last_seen_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, staffNo);
            ps.setObject(3, CredentialStore.utc(now));
            ps.setObject(4, CredentialStore.utc(now));
            ps.executeUpdate();
        }
    }

    public Optional<StoredSession> find(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT staff_no, last_seen_at FROM user_session WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredSession(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant())) : Optional.empty();
            }
        }
    }

    public void touch(Connection c, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?"
                + " AND last_seen_at < ?")) {
            ps.setObject(1, CredentialStore.utc(now));
            ps.setString(2, tokenHash);
            ps.setObject(3, CredentialStore.utc(now));
            ps.executeUpdate();
        }
    }

    public boolean delete(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            return ps.executeUpdate() > 0;
        }
    }

    /** Ends every session of the person except the one given ({@code null}: all); returns how many ended. */
    public int deleteAllOf(Connection c, String staffNo, String exceptTokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE staff_no = ? AND token_hash <> ?")) {
            ps.setString(1, staffNo);
            ps.setString(2, exceptTokenHash == null ? "" : exceptTokenHash);
            return ps.executeUpdate();
        }
    }

    /** Removes sessions idle since before the cut-off. */
    public int deleteIdleSince(Connection c, Instant cutOff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE last_seen_at < ?")) {
            ps.setObject(1, CredentialStore.utc(cutOff));
            return ps.executeUpdate();
        }
    }
}
