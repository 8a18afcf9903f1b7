package org.kairan.server.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;
import org.kairan.server.testing.RunningServer;

/** The storage contract on a real PostgreSQL started by the test harness. */
@ExtendWith(PostgresExtension.class)
class PostgresStorageTest extends StorageContractTest {

    private final PostgresDatabase database;

    PostgresStorageTest(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    RunningServer startServer(Path dataDir) {
        // One database per class: empty it so every test starts from the migrations.
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reset the test database", e);
        }
        return RunningServer.postgres(dataDir, database);
    }
}
