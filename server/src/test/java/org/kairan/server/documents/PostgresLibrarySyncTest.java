package org.kairan.server.documents;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;

/** The 課 document library through sync on a real PostgreSQL started by the test harness. */
@ExtendWith(PostgresExtension.class)
class PostgresLibrarySyncTest extends LibrarySyncContractTest {

    private final PostgresDatabase database;

    PostgresLibrarySyncTest(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    DemoDesks startDemo(Path dataDir) {
        return DemoDesks.start(dataDir, database.emptied());
    }
}
