package org.kairan.server.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The {@code chat_account} table (V14): each staff member's XMPP address and password. */
final class ChatAccountStore {

    /** A stored account; {@code password} is {@code null} while it is disabled. */
    record StoredAccount(String staffNo, String jid, String password, Instant disabledAt) {
        boolean usable() {
            return disabledAt == null && password != null;
        }
    }

    Optional<StoredAccount> find(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT jid, password, disabled_at FROM chat_account WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OffsetDateTime disabled = rs.getObject(3, OffsetDateTime.class);
                return Optional.of(new StoredAccount(staffNo, rs.getString(1), rs.getString(2),
                        disabled == null ? null : disabled.toInstant()));
            }
        }
    }

    /** Staff numbers that have an account, usable or disabled. */
    Set<String> staffWithAccounts(Connection c) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no FROM chat_account");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /** Stores a usable account with this password (new, or re-enabled). */
    void save(Connection c, String staffNo, String jid, String password, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE chat_account SET jid = ?, password = ?, disabled_at = NULL WHERE staff_no = ?")) {
            ps.setString(1, jid);
            ps.setString(2, password);
            ps.setString(3, staffNo);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO chat_account (staff_no, jid, password, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, staffNo);
            ps.setString(2, jid);
            ps.setString(3, password);
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** Marks the account disabled and forgets its password; returns whether there was a usable one. */
    boolean markDisabled(Connection c, String staffNo, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chat_account SET password = NULL, disabled_at = ?"
                + " WHERE staff_no = ? AND disabled_at IS NULL")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(2, staffNo);
            return ps.executeUpdate() == 1;
        }
    }
}
