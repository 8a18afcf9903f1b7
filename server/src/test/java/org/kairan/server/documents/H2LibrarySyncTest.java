package org.kairan.server.documents;

import java.nio.file.Path;

import org.kairan.server.testing.DemoDesks;

/** The 課 document library through sync on the embedded H2 database. */
class H2LibrarySyncTest extends LibrarySyncContractTest {

    @Override
    DemoDesks startDemo(Path dataDir) {
        return DemoDesks.start(dataDir, null);
    }
}
