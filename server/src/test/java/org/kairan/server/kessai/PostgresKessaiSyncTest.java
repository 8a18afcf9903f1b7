package org.kairan.server.kessai;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;

/** 電子決裁 through sync on a real PostgreSQL started by the test harness. */
@ExtendWith(PostgresExtension.class)
class PostgresKessaiSyncTest extends KessaiSyncContractTest {

    private final PostgresDatabase database;

    PostgresKessaiSyncTest(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    DemoDesks startDemo(Path dataDir) {
        return DemoDesks.start(dataDir, database.emptied());
    }
}
