package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ConnectionState;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.PasswordChangeRequest;

/**
 * What happens to a session after login, against the real server: an administrator ends it, the
 * password is changed here or on another computer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAgainstServerTest {

    private RealServer server;

    @TempDir
    Path workspace;
    @TempDir
    Path otherComputer;

    @BeforeAll
    void startServer() throws Exception {
        server = RealServer.start("session");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSessionEndedByAnAdministratorIsReportedAsExpiredAndForgotten() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.FINANCE_CLERK);
        assertTrue(client.directory().staff().size() > 300, "the session works before the revocation");
        HttpKairanServerClient admin = RealServer.client(otherComputer);
        server.enrolThrough(admin, DemoAccounts.ADMIN);

        admin.revokeSessions(DemoAccounts.FINANCE_CLERK);

        assertThrows(SessionExpiredException.class, client::directory,
                "the next call with a revoked session says the session expired");
        assertEquals(ConnectionState.SESSION_EXPIRED, client.connectionState(), "the state says expired");
        assertTrue(client.session().isEmpty(), "the ended session is no longer current");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "and no longer stored");
        assertThrows(SessionExpiredException.class, client::directory, "further calls need a new login");
        assertTrue(admin.directory().staff().size() > 300, "the administrator's own session is untouched");
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        HttpKairanServerClient here = RealServer.client(workspace);
        Authenticator app = server.enrolThrough(here, DemoAccounts.CITIZEN_CLERK);
        HttpKairanServerClient elsewhere = RealServer.client(otherComputer);
        server.logInThrough(elsewhere, DemoAccounts.CITIZEN_CLERK, DemoAccounts.PASSWORD, app);
        String newPassword = "Sakura-2026-haru";

        assertThrows(WrongCredentialsException.class, () -> here.changePassword(
                new PasswordChangeRequest("not-the-password", newPassword)),
                "a wrong current password is refused as wrong credentials");
        RequestRejectedException weak = assertThrows(RequestRejectedException.class, () -> here.changePassword(
                new PasswordChangeRequest(DemoAccounts.PASSWORD, "short")), "a password under 10 characters is refused");
        assertEquals(ErrorCode.UNPROCESSABLE, weak.code(), "as unprocessable");
        RequestRejectedException userId = assertThrows(RequestRejectedException.class, () -> here.changePassword(
                new PasswordChangeRequest(DemoAccounts.PASSWORD, "  " + DemoAccounts.CITIZEN_CLERK + "    ")),
                "the user id as password is refused");
        assertEquals("newPassword", userId.apiError().orElseThrow().field(), "the server names the field");
        assertEquals(ConnectionState.CONNECTED, here.connectionState(), "refusals do not end the session");

        here.changePassword(new PasswordChangeRequest(DemoAccounts.PASSWORD, newPassword));

        assertTrue(here.directory().staff().size() > 300, "the session that changed the password stays valid");
        assertEquals(ConnectionState.CONNECTED, here.connectionState(), "and connected");
        assertThrows(SessionExpiredException.class, elsewhere::directory,
                "the same person's session on another computer has ended");
        assertThrows(WrongCredentialsException.class, () -> RealServer.client(otherComputer).login(server.address,
                new LoginRequest(DemoAccounts.CITIZEN_CLERK, DemoAccounts.PASSWORD, null)),
                "the old password no longer works");
        assertEquals(LoginStatus.TOTP_REQUIRED, RealServer.client(otherComputer).login(server.address,
                new LoginRequest(DemoAccounts.CITIZEN_CLERK, newPassword, null)).status(),
                "the new password is accepted (the second factor stays as it was)");
    }
}
