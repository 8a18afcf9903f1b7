package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/** The administrator's command line: set a password, verify the audit chain. */
class AdminCommandsTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int admin(String stdin, String... args) {
        out.reset();
        err.reset();
        return new AdminCommands(new ServerConfigReader(Map.of()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    @Test
    void setPasswordReadsStandardInputAndTheNewPasswordLogsIn() {
        try (RunningServer running = RunningServer.h2(dataDir).withTestRoster()) {
            running.server.stop();
        }
        assertEquals(0, admin("a-new-initial-password\n", "set-password", TestRoster.SHUJI, "--data", dataDir.toString()),
                "the password is set: " + err);
        assertEquals(1, admin("short\n", "set-password", TestRoster.SHUJI, "--data", dataDir.toString()),
                "a weak password is refused");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 10"), "and the reason is printed: " + err);
        assertEquals(1, admin("a-new-initial-password\n", "set-password", "999999", "--data", dataDir.toString()),
                "an unknown 職員番号 is refused");
        try (RunningServer running = RunningServer.start(RunningServer.config(dataDir, null))) {
            var response = running.login(TestRoster.SHUJI, "a-new-initial-password", null);
            assertEquals(200, response.statusCode(), "the person logs in with the new password: " + response.body());
            assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED,
                    running.read(response, org.kairan.core.protocol.LoginResponse.class).status(),
                    "and enrols a second factor");
        }
    }

    @Test
    void verifyAuditSaysOkThenFindsATamperedEntry() {
        try (RunningServer running = RunningServer.h2(dataDir).withTestRoster()) {
            running.sessionFor(TestRoster.SHUJI);
        }
        assertEquals(0, admin("", "verify-audit", "--data", dataDir.toString()), "an intact chain exits 0: " + err);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("OK:"), "and says OK: " + out);
        try (RunningServer running = RunningServer.start(RunningServer.config(dataDir, null))) {
            running.server.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_log SET person_name = '別人' WHERE seq = 3")) {
                    return ps.executeUpdate();
                }
            });
        }
        assertEquals(1, admin("", "verify-audit", "--data", dataDir.toString()), "a broken chain exits 1");
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("BROKEN:") && out.toString(StandardCharsets.UTF_8)
                .contains("3"), "and names the entry: " + out);
    }

    @Test
    void aNewFeedEpochAfterARestoreMakesEveryDesktopRebuildItsReplica() {
        String cursor;
        String token;
        try (RunningServer running = RunningServer.h2(dataDir).withTestRoster()) {
            token = running.sessionFor(TestRoster.SHUJI);
            cursor = SyncPages.pullAll(running, token, null, 500).cursor();
            assertFalse(SyncPages.pullAll(running, token, cursor, 500).pages().getFirst().reset(),
                    "before, the stored cursor continues where it was");
        }
        assertEquals(0, admin("", "new-feed-epoch", "--data", dataDir.toString()), "the command succeeds: " + err);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("rebuilds"), "and says what happens next: " + out);
        try (RunningServer running = RunningServer.start(RunningServer.config(dataDir, null))) {
            SyncPages.Pulled after = SyncPages.pullAll(running, token, cursor, 500); // sessions survive a restart
            assertTrue(after.pages().stream().allMatch(p -> p.reset()),
                    "the old cursor is of another feed now: the desktop gets a reset pass and rebuilds its replica");
            assertTrue(after.latest().size() > 10, "with the whole directory again");
        }
    }
}
