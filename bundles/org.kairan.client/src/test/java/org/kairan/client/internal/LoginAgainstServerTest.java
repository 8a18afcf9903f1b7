package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.AccountLockedException;
import org.kairan.client.ConnectionState;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

/**
 * Logging in through the client against the real server: enrolment at first login, the code at every
 * later one, the session kept in an owner-only file and resumed by the next start of the desktop,
 * logout ending the session on the server, and the server's answers to wrong passwords, wrong codes
 * and repeated failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginAgainstServerTest {

    private RealServer server;

    @TempDir
    Path workspace;

    @BeforeAll
    void startServer() throws Exception {
        server = RealServer.start("login");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstLoginEnrolsASecondFactorAndTheSessionIsKeptForTheOwnerOnlyAcrossARestart() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        LoginResponse first = client.login(server.address,
                new LoginRequest(DemoAccounts.FINANCE_HEAD, DemoAccounts.PASSWORD, null));
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, first.status(), "a first login asks to enrol a second factor");
        assertTrue(first.otpauthUri().startsWith("otpauth://totp/"), "with an otpauth URI for the QR code");
        assertTrue(client.session().isEmpty(), "no session before the enrolment is confirmed");

        Authenticator app = Authenticator.fromUri(first.otpauthUri());
        assertThrows(WrongTotpException.class, () -> client.confirmEnrolment(server.address,
                new TotpEnrolmentRequest(first.enrolmentToken(), app.wrongCode())),
                "a wrong confirmation code is a wrong code, not a wrong password");
        LoginResponse done = client.confirmEnrolment(server.address,
                new TotpEnrolmentRequest(first.enrolmentToken(), app.nextCode()));

        assertEquals(LoginStatus.AUTHENTICATED, done.status(), "the right code completes the login");
        assertEquals(ConnectionState.CONNECTED, client.connectionState(), "a login means the server is reachable");
        Path file = Path.of(client.sessionStore());
        assertTrue(Files.isRegularFile(file), "the session is stored in the workspace");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "only the user may read the stored token");
        }
        assertFalse(Files.readString(file).contains(DemoAccounts.PASSWORD), "the password is never stored");

        HttpKairanServerClient restarted = RealServer.client(workspace);
        assertTrue(restarted.session().isEmpty(), "a new run starts without a current session");
        Session resumed = restarted.resumeSession();
        assertEquals(DemoAccounts.FINANCE_HEAD, resumed.user().staffNo(), "the stored session is resumed");
        assertTrue(resumed.user().unitName().contains("財政課"),
                "the person is read again from the server, with their 所属: " + resumed.user().unitName());
        assertEquals(ConnectionState.CONNECTED, restarted.connectionState(), "the resumed session is connected");
        assertTrue(restarted.directory().staff().size() > 300, "the resumed session can read the directory");
    }

    @Test
    void anEnrolledAccountIsAskedForItsCodeAndWrongPasswordsAndWrongCodesAreToldApart() throws Exception {
        Authenticator app = server.api.enrol(DemoAccounts.MAYOR, DemoAccounts.PASSWORD).authenticator();
        HttpKairanServerClient client = RealServer.client(workspace);

        assertThrows(WrongCredentialsException.class, () -> client.login(server.address,
                new LoginRequest(DemoAccounts.MAYOR, "not-the-password", null)), "a wrong password is wrong credentials");
        LoginResponse withoutCode = client.login(server.address,
                new LoginRequest(DemoAccounts.MAYOR, DemoAccounts.PASSWORD, null));
        assertEquals(LoginStatus.TOTP_REQUIRED, withoutCode.status(), "the right password alone asks for the code");
        assertTrue(client.session().isEmpty(), "the password alone does not log in");
        assertThrows(WrongTotpException.class, () -> client.login(server.address,
                new LoginRequest(DemoAccounts.MAYOR, DemoAccounts.PASSWORD, app.wrongCode())),
                "a wrong code with the right password is a wrong code");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "nothing is stored after failed logins");

        server.logInThrough(client, DemoAccounts.MAYOR, DemoAccounts.PASSWORD, app);
        assertEquals(DemoAccounts.MAYOR, client.session().orElseThrow().user().staffNo(), "password and code log in");
    }

    @Test
    void logoutEndsTheSessionOnTheServerAndHere() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.CITIZEN_CLERK);
        String token = client.session().orElseThrow().token();
        assertTrue(server.api.accepts(token), "the server accepts the session before logout");

        client.logout();

        assertFalse(server.api.accepts(token), "after logout the server refuses the token");
        assertTrue(client.session().isEmpty(), "no current session after logout");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "the stored token is deleted at logout");
        assertEquals(ConnectionState.LOGGED_OUT, client.connectionState(), "the state says logged out");
        assertThrows(SessionExpiredException.class, () -> RealServer.client(workspace).resumeSession(),
                "after logout a restart finds no session");
    }

    @Test
    void repeatedFailuresAreRefusedForTheGrowingTimeTheServerNames() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        LoginRequest wrong = new LoginRequest(DemoAccounts.AUDITOR, "wrong-password", null);
        assertThrows(WrongCredentialsException.class, () -> client.login(server.address, wrong), "1st failure");
        assertThrows(WrongCredentialsException.class, () -> client.login(server.address, wrong), "2nd failure");

        AccountLockedException third = assertThrows(AccountLockedException.class,
                () -> client.login(server.address, wrong), "the 3rd failure in a row is answered with a wait");
        assertFalse(third.lockedOut(), "a few failures delay; they do not lock the account");
        assertWait(2, third.retryAfter(), "the first wait is 2 s (docs/API.md)");
        AccountLockedException meanwhile = assertThrows(AccountLockedException.class, () -> client.login(
                server.address, new LoginRequest(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null)),
                "during the wait even the right password is refused");
        assertTrue(meanwhile.retryAfter().compareTo(Duration.ofSeconds(2)) <= 0
                && !meanwhile.retryAfter().isZero(), "and the refusal says how long is left: " + meanwhile.retryAfter());

        Thread.sleep(third.retryAfter().plusMillis(300).toMillis());
        AccountLockedException fourth = assertThrows(AccountLockedException.class,
                () -> client.login(server.address, wrong), "the next failure after the wait is refused again");
        assertWait(4, fourth.retryAfter(), "and the wait doubles");

        Thread.sleep(fourth.retryAfter().plusMillis(300).toMillis());
        LoginResponse right = client.login(server.address,
                new LoginRequest(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null));
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, right.status(),
                "after the wait the right password is checked again and accepted");
    }

    /** The server rounds the time left up to whole seconds, counted from the failure: a slow request may see 1 s less. */
    static void assertWait(long seconds, Duration wait, String message) {
        assertTrue(wait.toSeconds() <= seconds && wait.toSeconds() >= seconds - 1, message + ", was " + wait);
    }

    @Test
    void aStoredSessionPastItsExpiryIsNotOfferedAtTheNextStart() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.SECOND_AUDITOR);
        Session session = client.session().orElseThrow();
        assertTrue(session.expiresAt() != null, "the server says when the session expires");
        assertTrue(RealServer.client(workspace).storedSession().isPresent(), "a fresh session is offered at start");

        Clock afterExpiry = Clock.offset(Clock.systemUTC(), Duration.between(java.time.Instant.now(),
                session.expiresAt()).plusMinutes(1));
        assertTrue(RealServer.client(workspace, afterExpiry).storedSession().isEmpty(),
                "a start after the session's expiry time does not offer it");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "and forgets it");
    }
}
