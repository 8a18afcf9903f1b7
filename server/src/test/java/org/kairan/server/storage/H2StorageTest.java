package org.kairan.server.storage;

import java.nio.file.Path;

import org.kairan.server.testing.RunningServer;

/** The storage contract on the embedded H2 database, the default. */
class H2StorageTest extends StorageContractTest {

    @Override
    RunningServer startServer(Path dataDir) {
        return RunningServer.h2(dataDir);
    }
}
