package org.kairan.server.sync;

import java.nio.file.Path;

import org.kairan.server.testing.RunningServer;

/** 回覧 through sync on the embedded H2 database. */
class H2CircularSyncTest extends CircularSyncContractTest {

    @Override
    RunningServer startServer(Path dataDir) {
        return RunningServer.h2(dataDir);
    }
}
