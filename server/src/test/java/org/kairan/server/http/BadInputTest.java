package org.kairan.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.testing.RosterUploads;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * A client's mistakes: every one gets a 4xx with a JSON {@link ApiError} saying what was wrong, never a
 * 500, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    RunningServer running;
    String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = RunningServer.h2(dataDir).withTestRoster();
        admin = running.sessionFor(TestRoster.ADMIN);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private static final String JSON = "application/json";
    private static final String TRANSFER = "{\"staffNo\":\"900004\",\"unitCode\":\"120200\",\"position\":\"主任\","
            + "\"effectiveFrom\":\"2026-04-01\"";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                bad("malformed JSON", "POST", "/api/auth/login", JSON, "{\"userId\":", 400, ErrorCode.BAD_REQUEST, null),
                bad("trailing garbage", "POST", "/api/auth/login", JSON, "{\"userId\":\"a\",\"password\":\"b\"} x", 400,
                        ErrorCode.BAD_REQUEST, null),
                bad("number for a string", "POST", "/api/auth/login", JSON, "{\"userId\":1,\"password\":\"x\"}", 400,
                        ErrorCode.BAD_REQUEST, "userId"),
                bad("object for a string", "POST", "/api/auth/login", JSON, "{\"userId\":{},\"password\":\"x\"}", 400,
                        ErrorCode.BAD_REQUEST, "userId"),
                bad("missing field", "POST", "/api/auth/login", JSON, "{\"password\":\"x\"}", 400,
                        ErrorCode.BAD_REQUEST, "userId"),
                bad("array for an object", "POST", "/api/auth/login", JSON, "[]", 400, ErrorCode.BAD_REQUEST, null),
                bad("null body", "POST", "/api/auth/login", JSON, "null", 400, ErrorCode.BAD_REQUEST, null),
                bad("empty body", "POST", "/api/auth/login", JSON, "", 400, ErrorCode.BAD_REQUEST, null),
                bad("text instead of JSON", "POST", "/api/auth/login", "text/plain", "userId=a", 415,
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE, null),
                bad("no content type", "POST", "/api/auth/login", null, "{}", 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        null),
                bad("wrong method on login", "GET", "/api/auth/login", null, null, 405, ErrorCode.METHOD_NOT_ALLOWED,
                        null),
                bad("wrong method on the directory", "DELETE", "/api/directory", null, null, 405,
                        ErrorCode.METHOD_NOT_ALLOWED, null),
                bad("unknown route", "GET", "/api/nowhere", null, null, 404, ErrorCode.NOT_FOUND, null),
                bad("unknown route below a family", "GET", "/api/directory/rooms", null, null, 404,
                        ErrorCode.NOT_FOUND, null),
                bad("unknown staff number", "GET", "/api/directory/staff/999999", null, null, 404,
                        ErrorCode.NOT_FOUND, null),
                bad("holders without position", "GET", "/api/directory/holders?unit=120200", null, null, 400,
                        ErrorCode.BAD_REQUEST, "position"),
                bad("holders with an impossible date", "GET",
                        "/api/directory/holders?unit=120200&position=%E8%AA%B2%E9%95%B7&date=2026-02-30", null, null,
                        400, ErrorCode.BAD_REQUEST, "date"),
                bad("holders of an unknown unit", "GET",
                        "/api/directory/holders?unit=999999&position=%E8%AA%B2%E9%95%B7", null, null, 404,
                        ErrorCode.NOT_FOUND, null),
                bad("transfers as an object", "POST", "/api/admin/transfers", JSON, TRANSFER + "}", 400,
                        ErrorCode.BAD_REQUEST, null),
                bad("no transfers", "POST", "/api/admin/transfers", JSON, "[]", 400, ErrorCode.BAD_REQUEST, null),
                bad("transfer with an impossible date", "POST", "/api/admin/transfers", JSON,
                        "[" + TRANSFER.replace("2026-04-01", "2026-13-01") + "}]", 400, ErrorCode.BAD_REQUEST,
                        "[0].effectiveFrom"),
                bad("transfer with an unknown kind", "POST", "/api/admin/transfers", JSON,
                        "[" + TRANSFER + ",\"kind\":\"MANAGER\"}]", 400, ErrorCode.BAD_REQUEST, "[0].kind"),
                bad("transfer without a date", "POST", "/api/admin/transfers", JSON,
                        "[{\"staffNo\":\"900004\",\"unitCode\":\"120200\",\"position\":\"主任\"}]", 400,
                        ErrorCode.BAD_REQUEST, "[0].effectiveFrom"),
                bad("transfer of an unknown person", "POST", "/api/admin/transfers", JSON,
                        "[" + TRANSFER.replace("900004", "999999") + "}]", 422, ErrorCode.UNPROCESSABLE,
                        "[0].staffNo"),
                bad("transfer to an unknown post", "POST", "/api/admin/transfers", JSON,
                        "[" + TRANSFER.replace("主任", "大臣") + "}]", 422, ErrorCode.UNPROCESSABLE, "[0].position"),
                bad("admin action on an unknown person", "POST", "/api/admin/users/999999/unlock", null, null, 404,
                        ErrorCode.NOT_FOUND, null),
                bad("unknown admin action", "POST", "/api/admin/users/900004/promote", null, null, 404,
                        ErrorCode.NOT_FOUND, null),
                bad("roster as JSON", "POST", "/api/admin/roster", JSON, "{}", 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        null),
                bad("empty CSV roster", "POST", "/api/admin/roster", "text/csv", "", 400, ErrorCode.BAD_REQUEST, null),
                bad("multipart without boundary", "POST", "/api/admin/roster", "multipart/form-data", "x", 400,
                        ErrorCode.BAD_REQUEST, null),
                bad("audit with a bad date", "GET", "/api/admin/audit?from=yesterday", null, null, 400,
                        ErrorCode.BAD_REQUEST, "from"),
                bad("password change without the new one", "POST", "/api/auth/password", JSON,
                        "{\"currentPassword\":\"x\"}", 400, ErrorCode.BAD_REQUEST, "newPassword"),
                bad("unknown enrolment token", "POST", "/api/auth/totp/enrol", JSON,
                        "{\"enrolmentToken\":\"abc\",\"code\":\"123456\"}", 401, ErrorCode.SESSION_EXPIRED, null));
    }

    private static Arguments bad(String what, String method, String path, String contentType, String body, int status,
            ErrorCode error, String field) {
        return Arguments.of(what, method, path, contentType, body, status, error, field);
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("mistakes")
    void aClientMistakeIsA4xxWithAReasonAndWritesNothing(String what, String method, String path, String contentType,
            String body, int status, ErrorCode error, String field) {
        List<Long> before = fingerprint();
        HttpResponse<String> response = running.send(method, path, admin, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, response.statusCode(), what + " is answered " + status + ": " + response.body());
        assertJsonError(response, error, field);
        assertEquals(before, fingerprint(), what + " writes nothing");
    }

    @Test
    void anOversizedJsonBodyIsRefusedWith413() {
        List<Long> before = fingerprint();
        byte[] big = new byte[5 << 20];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = running.post("/api/auth/login", null, JSON, big);
        assertEquals(413, response.statusCode(), "a 5 MiB body is too large (4 MiB): " + response.body());
        assertJsonError(response, ErrorCode.PAYLOAD_TOO_LARGE, null);
        assertEquals(before, fingerprint(), "an oversized body writes nothing");
    }

    @Test
    void anOversizedBodyWithoutLengthIsStoppedWhileReading() {
        byte[] big = new byte[5 << 20];
        Arrays.fill(big, (byte) ' ');
        HttpRequest.Builder request = HttpRequest.newBuilder(running.uri("/api/admin/transfers"))
                .header("Content-Type", JSON).header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        HttpResponse<String> response = running.send(request);
        assertEquals(413, response.statusCode(), "a chunked 5 MiB body is refused once past the limit");
        assertJsonError(response, ErrorCode.PAYLOAD_TOO_LARGE, null);
    }

    @Test
    void aRosterOverTheRosterLimitIsRefusedWith413() {
        byte[] big = new byte[21 << 20];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> response = running.send(
                RosterUploads.multipart(running.uri("/api/admin/roster"), admin, null, big));
        assertEquals(413, response.statusCode(), "a 21 MiB roster is over the 20 MiB limit");
        assertJsonError(response, ErrorCode.PAYLOAD_TOO_LARGE, null);
    }

    @Test
    void aMultipartRosterWithAnUnknownPartIsRefused() {
        HttpRequest.Builder request = RosterUploads.multipart(running.uri("/api/admin/roster"), admin,
                "x".getBytes(StandardCharsets.UTF_8), null);
        String body = "--b\r\nContent-Disposition: form-data; name=\"people\"\r\n\r\nx\r\n--b--\r\n";
        HttpResponse<String> response = running.send(request.setHeader("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(400, response.statusCode(), "an unknown part is a client mistake: " + response.body());
        assertTrue(response.body().contains("people"), "the error names the unknown part");
    }

    @Test
    void aGarbageBearerTokenIsASessionError() {
        HttpResponse<String> response = running.get("/api/session", "not-a-token");
        assertEquals(401, response.statusCode(), "a malformed token is refused");
        assertJsonError(response, ErrorCode.SESSION_EXPIRED, null);
    }

    private void assertJsonError(HttpResponse<String> response, ErrorCode code, String field) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "errors are JSON");
        ApiError error = running.read(response, ApiError.class);
        assertEquals(code, error.error(), "the error code says what kind of mistake it was: " + response.body());
        assertNotNull(error.message(), "the error says what was wrong");
        assertTrue(error.message().length() > 10, "the message is a real explanation: " + error.message());
        if (field != null) {
            assertEquals(field, error.field(), "the error names the offending field");
        }
    }

    /** Row counts of every table a request could write to. */
    private List<Long> fingerprint() {
        return running.server.database().inTransaction(c -> {
            List<Long> counts = new ArrayList<>();
            for (String table : List.of("org_unit", "staff", "assignment", "staff_role", "credential", "totp_secret",
                    "totp_enrolment", "user_session", "login_attempt", "audit_log")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
            return counts;
        });
    }
}
