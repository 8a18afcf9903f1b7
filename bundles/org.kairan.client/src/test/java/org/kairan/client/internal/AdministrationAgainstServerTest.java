package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.AccountLockedException;
import org.kairan.client.ConnectionState;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.RosterFiles;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.RejectedRow;

/**
 * An administrator's actions through the client against the real server: second-factor reset, unlock,
 * ending someone's sessions and the roster import (all or nothing), and that nobody else may do them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationAgainstServerTest {

    private static final String STAFF_HEADER = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n";
    /** A new 主事 in 財政課 財政係 (unit 120201 of the demo city). */
    private static final String NEW_PERSON = "900001,新井　陽菜,あらい　ひな,hina.arai@city.iori.example.jp,120201,主事,2026-04-01,本務,\n";
    /** A row naming a unit the city does not have. */
    private static final String UNKNOWN_UNIT = "900002,木下　蓮,きのした　れん,,999999,主事,2026-04-01,本務,\n";

    private RealServer server;
    private HttpKairanServerClient admin;

    @TempDir
    Path workspace;
    @TempDir
    Path files;

    @BeforeAll
    void startServerAndLogInTheAdministrator(@TempDir Path adminWorkspace) throws Exception {
        server = RealServer.start("administration");
        admin = RealServer.client(adminWorkspace);
        server.enrolThrough(admin, DemoAccounts.ADMIN);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSecondFactorResetMakesTheNextLoginEnrolAgainAndEndsThePersonsSessions() throws Exception {
        ServerApi.Login before = server.api.enrol(DemoAccounts.FINANCE_HEAD, DemoAccounts.PASSWORD);

        admin.resetSecondFactor(DemoAccounts.FINANCE_HEAD);

        assertFalse(server.api.accepts(before.token()), "the person's sessions end with the reset");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, server.api.loginResponse(server.api.login(
                DemoAccounts.FINANCE_HEAD, DemoAccounts.PASSWORD, null)).status(),
                "the person's next login asks to enrol a second factor again");
    }

    @Test
    void endingSomeonesSessionsLogsThemOutEverywhere() throws Exception {
        ServerApi.Login person = server.api.enrol(DemoAccounts.FINANCE_CLERK, DemoAccounts.PASSWORD);
        String second = server.api.logIn(DemoAccounts.FINANCE_CLERK, DemoAccounts.PASSWORD, person.authenticator());

        admin.revokeSessions(DemoAccounts.FINANCE_CLERK);

        assertFalse(server.api.accepts(person.token()), "the first session has ended");
        assertFalse(server.api.accepts(second), "and the second too");
        assertTrue(admin.session().isPresent(), "the administrator stays logged in");
    }

    @Test
    void unlockingLetsTheRightPasswordThroughAtOnce() throws Exception {
        HttpKairanServerClient person = RealServer.client(workspace);
        AccountLockedException refused = null;
        for (int attempt = 0; attempt < 5 && refused == null; attempt++) {
            try {
                person.login(server.address, new LoginRequest(DemoAccounts.AUDITOR,
                        "wrong-" + attempt, null));
            } catch (AccountLockedException e) {
                refused = e;
            } catch (WrongCredentialsException e) {
                // the free failures
            }
        }
        assertTrue(refused != null, "repeated failures make the server refuse for a while");

        admin.unlockLogin(DemoAccounts.AUDITOR);

        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, person.login(server.address,
                new LoginRequest(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null)).status(),
                "after the unlock the right password is accepted without waiting");
    }

    @Test
    void onlyAdministratorsMayActAndUnknownPeopleAreNamedAsSuch() throws Exception {
        HttpKairanServerClient clerk = RealServer.client(workspace);
        server.enrolThrough(clerk, DemoAccounts.CITIZEN_CLERK);
        for (var action : List.<Executable>of(
                () -> clerk.resetSecondFactor(DemoAccounts.MAYOR), () -> clerk.unlockLogin(DemoAccounts.MAYOR),
                () -> clerk.revokeSessions(DemoAccounts.MAYOR),
                () -> clerk.importRoster(new RosterFiles(null, staffFile("forbidden.csv", NEW_PERSON,
                        StandardCharsets.UTF_8))))) {
            RequestRejectedException e = assertThrows(RequestRejectedException.class, action,
                    "a person without the 管理者 role is refused");
            assertEquals(ErrorCode.FORBIDDEN, e.code(), "as forbidden");
        }
        assertEquals(ConnectionState.CONNECTED, clerk.connectionState(), "a refusal keeps the session connected");
        RequestRejectedException unknown = assertThrows(RequestRejectedException.class,
                () -> admin.resetSecondFactor("999999"), "an unknown 職員番号 is refused");
        assertEquals(ErrorCode.NOT_FOUND, unknown.code(), "as not found");
    }

    @Test
    void aRosterWithOneBadRowIsReportedAndNothingIsWrittenWhileAGoodOneIsApplied() throws Exception {
        DirectorySnapshot before = admin.directory();

        ImportReport rejected = admin.importRoster(new RosterFiles(null,
                staffFile("bad.csv", NEW_PERSON + UNKNOWN_UNIT, StandardCharsets.UTF_8)));

        assertFalse(rejected.applied(), "one bad row means the roster is not applied");
        assertEquals(1, rejected.rejected().size(), "exactly the bad row is reported: " + rejected.rejected());
        RejectedRow row = rejected.rejected().getFirst();
        assertEquals(3, row.line(), "the report names the line (the header is line 1)");
        assertTrue(row.reason().contains("999999") || row.reason().contains("所属"),
                "the reason says what is wrong: " + row.reason());
        assertTrue(row.text().contains("木下"), "and shows the row: " + row.text());
        assertEquals(before.staff().size(), admin.directory().staff().size(), "nothing was written");

        ImportReport applied = admin.importRoster(new RosterFiles(null,
                staffFile("good.csv", NEW_PERSON, Charset.forName("windows-31j"))));

        assertTrue(applied.applied(), "a roster without bad rows is applied: " + applied.rejected());
        assertEquals("windows-31j", applied.encoding(), "a Shift_JIS file from Excel is read as windows-31j");
        assertEquals(1, applied.staffAccepted(), "its one row is accepted");
        assertTrue(admin.directory().staff().stream().anyMatch(m -> m.staffNo().equals("900001")
                && m.name().equals("新井　陽菜")), "the new person is in the directory with their name");
    }

    private Path staffFile(String name, String rows, Charset charset) throws IOException {
        return Files.write(files.resolve(name), (STAFF_HEADER + rows).getBytes(charset));
    }
}
