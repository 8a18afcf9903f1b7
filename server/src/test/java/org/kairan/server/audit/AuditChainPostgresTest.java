package org.kairan.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kairan.core.protocol.AuditEntry;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;

/** The chain survives a round trip through a real PostgreSQL, and the reason seal() truncates. */
@ExtendWith(PostgresExtension.class)
class AuditChainPostgresTest {

    private final AuditChain chain = new AuditChain();

    @BeforeAll
    static void createTable(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit (seq BIGINT PRIMARY KEY, at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                    + " staff_no VARCHAR(128), unit VARCHAR(256), position VARCHAR(128), name VARCHAR(128),"
                    + " action VARCHAR(64) NOT NULL, result VARCHAR(32) NOT NULL, detail VARCHAR(1000), hash CHAR(64))");
        }
    }

    private static void store(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
            ps.setString(3, e.staffNo());
            ps.setString(4, e.unit());
            ps.setString(5, e.position());
            ps.setString(6, e.name());
            ps.setString(7, e.action());
            ps.setString(8, e.result());
            ps.setString(9, e.detail());
            ps.setString(10, e.hash());
            ps.executeUpdate();
        }
    }

    private static List<AuditEntry> load(Connection c, long fromSeq, long toSeq) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setLong(1, fromSeq);
            ps.setLong(2, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return entries;
    }

    @Test
    void sealedEntriesVerifyAfterARoundTrip(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            String previous = AuditChain.GENESIS_HASH;
            Instant at = Instant.parse("2026-11-26T05:00:00.123456789Z");
            String[] names = {"佐藤 花子", "𠮷田 太郎", "髙橋 一郎"};
            for (int seq = 1; seq <= 3; seq++) {
                AuditEntry sealed = chain.seal(previous, new AuditEntry(seq, at.plusNanos(999L * seq), "12000" + seq,
                        "企画財政部 財政課 財政係", "主査", names[seq - 1], "LOGIN", "FAILURE",
                        "typed \u0000 and | and \\ and \uD800", null));
                store(c, sealed);
                previous = sealed.hash();
            }
            List<AuditEntry> readBack = load(c, 1, 3);
            assertEquals(3, readBack.size());
            assertTrue(chain.verify(readBack).intact(),
                    "sealed entries (NUL and lone surrogate replaced, time truncated) must verify after PostgreSQL: "
                            + chain.verify(readBack).message());
            assertEquals("𠮷田 太郎", readBack.get(1).name(), "a name outside the BMP comes back unchanged");
        }
    }

    @Test
    void postgresqlRoundsNanosecondsWhichIsWhySealTruncatesFirst(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            Instant nanos = Instant.parse("2026-11-26T06:00:00.123456789Z");
            AuditEntry unsealed = new AuditEntry(100, nanos, "120002", "u", "p", "n", "LOGIN", "SUCCESS", null, null);
            AuditEntry hashedWithoutSeal = new AuditEntry(100, nanos, "120002", "u", "p", "n", "LOGIN", "SUCCESS", null,
                    chain.hash(AuditChain.GENESIS_HASH, unsealed));
            store(c, hashedWithoutSeal);
            Instant stored = load(c, 100, 100).get(0).at();
            assertEquals(Instant.parse("2026-11-26T06:00:00.123457Z"), stored,
                    "PostgreSQL rounds .123456789 to .123457 — a hash over the unrounded time could never verify");
            assertEquals(Instant.parse("2026-11-26T06:00:00.123456Z"),
                    chain.seal(AuditChain.GENESIS_HASH, unsealed).at(), "seal truncates to what will be stored exactly");
        }
    }
}
