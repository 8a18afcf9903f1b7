package org.kairan.server.kessai;

import java.nio.file.Path;

import org.kairan.server.testing.DemoDesks;

/** 電子決裁 through sync on the embedded H2 database. */
class H2KessaiSyncTest extends KessaiSyncContractTest {

    @Override
    DemoDesks startDemo(Path dataDir) {
        return DemoDesks.start(dataDir, null);
    }
}
