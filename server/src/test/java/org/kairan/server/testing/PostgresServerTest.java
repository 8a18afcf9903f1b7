package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void japaneseTextRoundTrips(PostgresDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE staff (staff_no TEXT PRIMARY KEY, name TEXT NOT NULL, kana TEXT NOT NULL,"
                        + " unit TEXT NOT NULL)");
            }
            String[][] rows = {{"120002", "佐藤 花子", "さとう はなこ", "企画財政部 財政課"},
                    {"120003", "𠮷田 太郎", "よしだ たろう", "総務部 情報政策課"},
                    {"120004", "髙橋 ①", "たかはし", "上下水道部 水道課"}};
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staff VALUES (?, ?, ?, ?)")) {
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setString(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
            List<String> names = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, length(name) FROM staff WHERE kana LIKE ? ORDER BY staff_no")) {
                query.setString(1, "%た%");
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        names.add(result.getString(1) + "/" + result.getInt(2));
                    }
                }
            }
            assertEquals(List.of("𠮷田 太郎/5", "髙橋 ①/4"), names,
                    "Japanese text (𠮷 outside the BMP, 髙, ①) must come back unchanged; 𠮷 is one character, not two");
        }
    }

    @Test
    void theClusterIsUtf8LocaleCLoopbackOnlyAndUnsynced(PostgresDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            assertEquals("UTF8", show(connection, "server_encoding"), "the database must be UTF-8");
            assertEquals("C", show(connection, "lc_collate"), "locale C for stable ordering");
            assertEquals("127.0.0.1", show(connection, "listen_addresses"), "the server listens on loopback only");
            assertEquals("off", show(connection, "fsync"), "fsync is off for speed");
            int major = Integer.parseInt(show(connection, "server_version_num")) / 10_000;
            assertTrue(major >= 15, "PostgreSQL 15 or newer, was " + major);
            try (Statement statement = connection.createStatement();
                    ResultSet rules = statement.executeQuery(
                            "SELECT type, coalesce(address, '') FROM pg_hba_file_rules WHERE error IS NULL")) {
                while (rules.next()) {
                    String type = rules.getString(1);
                    String address = rules.getString(2);
                    assertTrue(type.equals("local") || address.equals("127.0.0.1"),
                            "only Unix-socket and 127.0.0.1 connections are trusted, found " + type + " " + address);
                }
            }
        }
    }

    @Test
    void eachCallerGetsItsOwnDatabase(PostgresDatabase db) throws SQLException {
        PostgresDatabase other = PostgresServer.shared().createDatabase("other");
        assertNotEquals(db.name(), other.name(), "a second database has another name");
        try (Connection first = db.connect(); Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE only_here (id INT)");
        }
        try (Connection second = other.connect(); Statement statement = second.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM only_here"),
                    "a table of one database is not visible in another");
        }
    }

    @Test
    void theServerIsSharedAndRunsAsPostgresWhenRoot() throws Exception {
        PostgresServer server = PostgresServer.shared();
        assertSame(server, PostgresServer.shared(), "one server per JVM");
        assertTrue(server.port() > 0, "listening on a real port");
        assertTrue(Files.isDirectory(server.baseDirectory().resolve("data")), "the cluster lives in its temp dir");
        if ("root".equals(System.getProperty("user.name"))) {
            assertEquals("postgres", Files.getOwner(server.baseDirectory().resolve("data")).getName(),
                    "as root the cluster must belong to (and run as) the OS user postgres");
        }
    }

    @Test
    void databaseNamesAreSafeAndUnique() {
        assertEquals("directorystoretest_7", PostgresServer.databaseName("DirectoryStoreTest", 7));
        assertEquals("drop_database_x_1", PostgresServer.databaseName("\"; DROP DATABASE x; --", 1),
                "quotes, semicolons and spaces never reach SQL");
        assertEquals("t_42_3", PostgresServer.databaseName("42", 3), "a name starts with a letter");
        assertTrue(PostgresServer.databaseName("x".repeat(100), 12345).length() <= 63, "PostgreSQL's 63-byte limit");
        assertFalse(PostgresServer.databaseName("日本語", 1).isBlank(), "a non-ASCII hint still gives a name");
    }

    @Test
    void missingBinariesFailWithTheDebianPackageName(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresServer.findBinaries(empty, null), "no PostgreSQL must be an error, never a skip");
        assertTrue(e.getMessage().contains("apt-get install -y postgresql"),
                "the message must name the Debian package to install: " + e.getMessage());
    }

    @Test
    void theNewestInstalledVersionIsChosen(@TempDir Path root) throws IOException {
        for (String version : new String[] {"9.6", "13", "15", "16"}) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            for (String tool : new String[] {"initdb", "pg_ctl", "postgres"}) {
                if (version.equals("16") && tool.equals("postgres")) {
                    continue; // client-only install: not a server
                }
                Path file = Files.createFile(bin.resolve(tool));
                file.toFile().setExecutable(true);
            }
        }
        Files.createDirectories(root.resolve("notes"));
        assertEquals(root.resolve("15").resolve("bin"), PostgresServer.findBinaries(root, null),
                "the newest version with all server binaries wins, numerically (15 > 13 > 9.6)");
    }

    @Nested
    class NestedClasses {
        @Test
        void shareTheOuterClassDatabase(PostgresDatabase db) throws SQLException {
            try (Connection connection = db.connect()) {
                assertTrue(db.name().startsWith("postgresservertest_"), "nested classes use the outer class's database");
                assertEquals("UTF8", show(connection, "server_encoding"));
            }
        }
    }
}
