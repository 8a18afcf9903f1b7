package org.kairan.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.testing.PostgresDatabase;
import org.kairan.server.testing.PostgresExtension;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/** The storage contract on a real PostgreSQL started by the test harness. */
@ExtendWith(PostgresExtension.class)
class PostgresStorageTest extends StorageContractTest {

    private final PostgresDatabase database;

    PostgresStorageTest(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    RunningServer startServer(Path dataDir) {
        return RunningServer.postgres(dataDir, database.emptied());
    }

    @Test
    void aSecondServerProcessOnTheSameDatabaseSeesATransferAtOnce(@TempDir Path otherDataDir) {
        try (RunningServer other = RunningServer.postgres(otherDataDir, database)) {
            String shuji = other.sessionFor(TestRoster.SHUJI);
            SessionUser before = other.read(other.get("/api/session", shuji), SessionUser.class);
            assertEquals(TestRoster.ZAISEI_KAKARI, before.unitCode(), "the other server knows the current 所属");

            HttpResponse<String> transfer = running.postJson("/api/admin/transfers", admin, List.of(
                    new TransferRequest(TestRoster.SHUJI, TestRoster.JOHO_KA, "主事", LocalDate.of(2026, 4, 1),
                            AssignmentKind.PRIMARY)));
            assertEquals(204, transfer.statusCode(), "the 人事異動 is applied through the first server: " + transfer.body());

            SessionUser after = other.read(other.get("/api/session", shuji), SessionUser.class);
            assertEquals(TestRoster.JOHO_KA, after.unitCode(),
                    "the other server process serves the new 所属 at once, without a restart");
            assertEquals("総務部 情報政策課", after.unitName(), "and its name as people write it");
        }
    }
}
