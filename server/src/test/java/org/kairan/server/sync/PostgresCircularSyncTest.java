package org.kairan.server.sync;

import java.nio.file.Path;

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
        return RunningServer.postgres(dataDir, database.emptied());
    }
}
