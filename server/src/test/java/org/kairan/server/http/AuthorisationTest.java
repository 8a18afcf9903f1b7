package org.kairan.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.HealthStatus;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/** Every route checks who is asking: no token 401, the wrong role 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationTest {

    RunningServer running;
    String shuji;
    String auditor;
    String admin;

    /** Method and path of every route that needs a session. */
    private static final List<String> PROTECTED = List.of("GET /api/session", "POST /api/auth/logout",
            "POST /api/auth/password", "GET /api/directory", "GET /api/directory/staff?q=a",
            "GET /api/directory/staff/900004", "GET /api/directory/holders?unit=120200&position=x",
            "POST /api/admin/roster", "POST /api/admin/transfers", "POST /api/admin/users/900004/totp-reset",
            "POST /api/admin/users/900004/sessions/revoke", "POST /api/admin/users/900004/unlock",
            "GET /api/admin/audit", "GET /api/admin/audit/verify");

    private static final List<String> ADMIN_ONLY = List.of("POST /api/admin/roster", "POST /api/admin/transfers",
            "POST /api/admin/users/900004/totp-reset", "POST /api/admin/users/900004/sessions/revoke",
            "POST /api/admin/users/900004/unlock");

    private static final List<String> AUDIT = List.of("GET /api/admin/audit", "GET /api/admin/audit/verify");

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = RunningServer.h2(dataDir).withTestRoster();
        shuji = running.sessionFor(TestRoster.SHUJI);
        auditor = running.sessionFor(TestRoster.AUDITOR);
        admin = running.sessionFor(TestRoster.ADMIN);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpResponse<String> call(String route, String token) {
        String[] parts = route.split(" ", 2);
        return running.send(parts[0], parts[1], token, parts[0].equals("POST") ? "application/json" : null,
                parts[0].equals("POST") ? "{}".getBytes() : null);
    }

    @Test
    void aRefusedRequestWhoseBodyArrivesLateKeepsTheConnectionForTheNextRequest() throws Exception {
        java.net.URI base = running.uri("/");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/transfers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the body follows its headers late, as a client's second TCP segment may
            out.write(("{}GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String answers = readUntil(socket.getInputStream(), "\"status\":\"UP\"");
            assertTrue(answers.startsWith("HTTP/1.1 401"), "the request without a session is refused: " + answers);
            assertTrue(answers.contains("\"status\":\"UP\""),
                    "the next request on the same connection is answered too: " + answers);
        }
    }

    private static String readUntil(java.io.InputStream in, String marker) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while (!text.toString().contains(marker) && (read = in.read(buffer)) >= 0) {
            text.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void healthIsPublic() {
        HttpResponse<String> response = running.get("/health", null);
        assertEquals(200, response.statusCode(), "the health check needs no session");
        HealthStatus health = running.read(response, HealthStatus.class);
        assertEquals("UP", health.status(), "the server reports itself up");
        assertEquals("h2", health.database(), "the health check names the database");
    }

    @Test
    void everyProtectedRouteRefusesARequestWithoutToken() {
        for (String route : PROTECTED) {
            HttpResponse<String> response = call(route, null);
            assertEquals(401, response.statusCode(), route + " needs a session: " + response.body());
            assertEquals(ErrorCode.SESSION_EXPIRED, running.read(response, ApiError.class).error(),
                    route + " says the session is missing");
        }
    }

    @Test
    void ordinaryStaffGet403OnEveryAdministrationRoute() {
        for (String route : concat(ADMIN_ONLY, AUDIT)) {
            HttpResponse<String> response = call(route, shuji);
            assertEquals(403, response.statusCode(), route + " is not for ordinary staff: " + response.body());
            assertEquals(ErrorCode.FORBIDDEN, running.read(response, ApiError.class).error(), route + " says forbidden");
        }
    }

    @Test
    void anAuditorReadsTheAuditLogButAdministersNothing() {
        for (String route : AUDIT) {
            assertEquals(200, call(route, auditor).statusCode(), route + " is open to the auditor");
        }
        for (String route : ADMIN_ONLY) {
            assertEquals(403, call(route, auditor).statusCode(), route + " is closed to the auditor");
        }
    }

    @Test
    void anAdministratorReachesTheAdministrationRoutes() {
        for (String route : AUDIT) {
            assertEquals(200, call(route, admin).statusCode(), route + " is open to the administrator");
        }
        assertEquals(204, call("POST /api/admin/users/900004/unlock", admin).statusCode(),
                "the administrator may unlock an account");
    }

    @Test
    void everyLoggedInPersonReadsTheDirectory() {
        assertEquals(200, running.get("/api/directory", shuji).statusCode(), "staff read the directory");
        assertEquals(200, running.get("/api/directory/staff/900003", shuji).statusCode(), "staff look people up");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
