package org.kairan.server.documents;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.testing.LibraryClient;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * One real server on H2 with the test roster for the tests of a class, and the library's API as a member of
 * 財政課 (the 主事) would use it: each test adds its own documents and waits for the server's worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibraryServerCase {

    @TempDir
    static Path dataDir;

    RunningServer running;
    LibraryClient library;
    /** The 財政課 主事's session. */
    String shuji;

    @BeforeAll
    void start() {
        running = RunningServer.h2(dataDir).withTestRoster();
        library = new LibraryClient(running);
        shuji = running.sessionFor(TestRoster.SHUJI);
    }

    @AfterAll
    void stop() {
        running.close();
    }
}
