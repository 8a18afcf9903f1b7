package org.kairan.server.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;

/**
 * The results of commands by (user, key) in {@code applied_command}. A command claims its key first in
 * its transaction and records its result before commit; a concurrent duplicate waits on the primary key
 * and then fails, so only one of them applies.
 */
final class CommandLedger {

    /** A stored command: its type and request hash (to recognise a reused key) and its result. */
    record Stored(String type, String hash, CommandResult result) {
    }

    private static final String PENDING = "PENDING";

    Optional<Stored> find(Connection c, String staffNo, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT command_type, request_hash, outcome, code, message, seq"
                + " FROM applied_command WHERE staff_no = ? AND command_key = ?")) {
            ps.setString(1, staffNo);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(3).equals(PENDING)) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), rs.getString(2), new CommandResult(key,
                        CommandOutcome.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6))));
            }
        }
    }

    /** Inserts the key; fails with a duplicate-key error when another transaction has (or had) it. */
    void claim(Connection c, String staffNo, String key, String type, String hash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO applied_command (staff_no, command_key, command_type,"
                + " request_hash, outcome, seq, applied_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            ps.setString(1, staffNo);
            ps.setString(2, key);
            ps.setString(3, type);
            ps.setString(4, hash);
            ps.setString(5, PENDING);
            ps.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    void record(Connection c, String staffNo, CommandResult result) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE applied_command SET outcome = ?, code = ?, message = ?,"
                + " seq = ? WHERE staff_no = ? AND command_key = ?")) {
            ps.setString(1, result.outcome().name());
            ps.setString(2, result.code());
            ps.setString(3, result.message() == null ? null
                    : result.message().substring(0, Math.min(1000, result.message().length())));
            ps.setLong(4, result.seq());
            ps.setString(5, staffNo);
            ps.setString(6, result.key());
            ps.executeUpdate();
        }
    }
}
