package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.AccountLockedException;
import org.kairan.client.ConnectionState;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

class HttpKairanServerClientTest {

    private static final String AUTHENTICATED = """
            {"status":"AUTHENTICATED","sessionToken":"tok-123","expiresAt":"2099-01-01T00:00:00Z",
             "user":{"staffNo":"120002","name":"佐藤 花子","kana":"さとう はなこ","unitCode":"120110",
                     "unitName":"財政係","position":"主事","roles":[]}}""";
    private static final String SESSION_USER = """
            {"staffNo":"120002","name":"佐藤 花子","kana":"さとう はなこ","unitCode":"120110",
             "unitName":"財政係","position":"主事","roles":["AUDITOR"],"somethingNew":true}""";

    @TempDir
    Path workspace;
    private FakeServer server;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpKairanServerClient newClient() {
        return new HttpKairanServerClient(workspace.resolve(".kairan"), Duration.ofSeconds(5), clock);
    }

    @Test
    void successfulLoginIsKeptInAnOwnerOnlyFileAndSurvivesARestart() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        server.answer("/api/session", 200, SESSION_USER);
        HttpKairanServerClient client = newClient();

        LoginResponse response = client.login(server.address(), new LoginRequest("120002", "pw", "123456"));

        assertEquals(LoginStatus.AUTHENTICATED, response.status(), "the server's answer is passed on");
        assertEquals(ConnectionState.CONNECTED, client.connectionState(), "a login means the server is reachable");
        Path file = Path.of(client.sessionStore());
        assertTrue(Files.isRegularFile(file), "the session is stored in the workspace");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "only the user may read the stored token");
        }

        HttpKairanServerClient restarted = newClient();
        assertTrue(restarted.session().isEmpty(), "a new run starts without a current session");
        Session resumed = restarted.resumeSession();
        assertEquals("佐藤 花子", resumed.user().name(), "the stored session is resumed after a restart");
        assertTrue(resumed.user().roles().size() == 1, "the user is refreshed from the server");
        assertEquals("Bearer tok-123", server.received.getLast().authorization(),
                "the stored token is sent as bearer token");
    }

    @Test
    void logoutForgetsTheSessionEvenWhenTheServerIsGone() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", "123456"));
        server.close();

        client.logout();

        assertTrue(client.session().isEmpty(), "no current session after logout");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "the stored token is deleted at logout");
        assertEquals(ConnectionState.LOGGED_OUT, client.connectionState(), "the state says logged out");
        assertThrows(SessionExpiredException.class, () -> newClient().resumeSession(),
                "after logout a restart finds no session");
    }

    @Test
    void logoutRevokesTheTokenOnTheServer() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        server.answer("/api/auth/logout", 204, null);
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", null));

        client.logout();

        FakeServer.Received last = server.received.getLast();
        assertEquals("/api/auth/logout", last.path(), "logout is sent to the server");
        assertEquals("Bearer tok-123", last.authorization(), "with the session's token");
    }

    @Test
    void wrongPasswordAndWrongCodeAreDistinguished() throws Exception {
        HttpKairanServerClient client = newClient();
        server.answer("/api/auth/login", 401, "{\"error\":\"INVALID_CREDENTIALS\",\"message\":\"wrong\"}");
        assertThrows(WrongCredentialsException.class,
                () -> client.login(server.address(), new LoginRequest("120002", "bad", null)),
                "401 INVALID_CREDENTIALS is a wrong user id or password");

        server.answer("/api/auth/totp/enrol", 401, "{\"error\":\"INVALID_TOTP\",\"message\":\"code\"}");
        assertThrows(WrongTotpException.class,
                () -> client.confirmEnrolment(server.address(), new TotpEnrolmentRequest("e", "000000")),
                "401 INVALID_TOTP is a wrong code");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "nothing is stored after failed logins");
    }

    @Test
    void lockoutAndThrottleCarryTheWaitingTime() {
        HttpKairanServerClient client = newClient();
        server.answer("/api/auth/login", 423,
                "{\"error\":\"ACCOUNT_LOCKED\",\"message\":\"locked\",\"retryAfterSeconds\":900}");
        AccountLockedException locked = assertThrows(AccountLockedException.class,
                () -> client.login(server.address(), new LoginRequest("120002", "bad", null)));
        assertTrue(locked.lockedOut(), "423 is a locked account");
        assertEquals(Duration.ofMinutes(15), locked.retryAfter(), "the wait comes from retryAfterSeconds");

        server.answer("/api/auth/login", new FakeServer.Answer(429, "{\"error\":\"TOO_MANY_ATTEMPTS\"}",
                Map.of("Retry-After", "7")));
        AccountLockedException throttled = assertThrows(AccountLockedException.class,
                () -> client.login(server.address(), new LoginRequest("120002", "bad", null)));
        assertFalse(throttled.lockedOut(), "429 is a throttle, not a lock");
        assertEquals(Duration.ofSeconds(7), throttled.retryAfter(), "without a body value the header is used");
    }

    @Test
    void anExpiredSessionIsForgottenAndReported() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", "123456"));
        server.answer("/api/directory", 401, "{\"error\":\"SESSION_EXPIRED\",\"message\":\"expired\"}");

        assertThrows(SessionExpiredException.class, client::directory, "401 SESSION_EXPIRED is an expired session");
        assertEquals(ConnectionState.SESSION_EXPIRED, client.connectionState(), "the state says expired");
        assertTrue(client.session().isEmpty(), "the expired session is no longer current");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "and no longer stored");
    }

    @Test
    void aStoppedServerIsUnreachableAndTheSessionIsKept() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", "123456"));
        server.close();

        assertThrows(ServerUnreachableException.class, client::directory, "a stopped server is unreachable");
        assertEquals(ConnectionState.UNREACHABLE, client.connectionState(), "the state says unreachable");
        assertTrue(client.session().isPresent(), "being offline does not end the session");
        assertTrue(Files.exists(Path.of(client.sessionStore())), "the stored session is kept while offline");
    }

    @Test
    void nobodyListeningIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        ServerAddress nowhere = ServerAddress.parse("http://127.0.0.1:" + freePort);
        assertThrows(ServerUnreachableException.class,
                () -> newClient().login(nowhere, new LoginRequest("120002", "pw", null)),
                "connection refused is reported as unreachable");
    }

    @Test
    void otherErrorsKeepTheirCodeAndAnHtmlErrorPageIsStillAnError() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED);
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", "123456"));

        server.answer("/api/directory", 403, "{\"error\":\"FORBIDDEN\",\"message\":\"no\"}");
        RequestRejectedException forbidden = assertThrows(RequestRejectedException.class, client::directory);
        assertEquals(ErrorCode.FORBIDDEN, forbidden.code(), "the server's code is kept");

        server.answer("/api/directory", 502, "<html>Bad gateway</html>");
        RequestRejectedException gateway = assertThrows(RequestRejectedException.class, client::directory);
        assertEquals(502, gateway.status(), "a non-JSON error keeps its status");
        assertEquals(ErrorCode.SERVER_ERROR, gateway.code(), "and counts as a server error");
    }

    @Test
    void aStoredSessionPastItsExpiryIsNotOffered() throws Exception {
        server.answer("/api/auth/login", 200, AUTHENTICATED.replace("2099-01-01T00:00:00Z", "2026-11-26T04:00:00Z"));
        HttpKairanServerClient client = newClient();
        client.login(server.address(), new LoginRequest("120002", "pw", "123456"));

        assertTrue(newClient().storedSession().isEmpty(), "a session that expired an hour ago is not resumed");
    }
}
