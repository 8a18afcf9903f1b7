package org.kairan.server.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;
import org.kairan.server.testing.RunningServer;

/** 回覧 through sync on a real PostgreSQL started by the test harness. */
@ExtendWith(PostgresExtension.class)
class PostgresCircularSyncTest extends CircularSyncContractTest {

    private final PostgresDatabase database;

    PostgresCircularSyncTest(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    RunningServer startServer(Path dataDir) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reset the test database", e);
        }
        return RunningServer.postgres(dataDir, database);
    }
}
