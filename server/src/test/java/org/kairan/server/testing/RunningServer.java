package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;
import org.kairan.server.audit.AuditActor;
import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;
import org.kairan.server.http.ApiJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Kairan server on a free loopback port with a hand-moved clock, and an HTTP client that talks
 * to it as the desktop client does.
 */
public final class RunningServer implements AutoCloseable {

    public final MutableClock clock;
    public final KairanServer server;
    public final ObjectMapper json = ApiJson.newObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, byte[]> totpSecrets = new HashMap<>();

    private RunningServer(MutableClock clock, KairanServer server) {
        this.clock = clock;
        this.server = server;
        this.base = server.uri();
    }

    /** A fresh H2 server in the directory. */
    public static RunningServer h2(Path dataDir) {
        return start(config(dataDir, null));
    }

    /** A fresh server on the PostgreSQL database. */
    public static RunningServer postgres(Path dataDir, PostgresDatabase database) {
        return start(config(dataDir, database));
    }

    public static ServerConfig config(Path dataDir, PostgresDatabase database) {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
        ServerConfig.Builder config = ServerConfig.defaults(dataDir).toBuilder().port(0).clock(clock);
        if (database != null) {
            config.database(database.jdbcUrl(), database.user(), database.password());
        }
        return config.build();
    }

    public static RunningServer start(ServerConfig config) {
        KairanServer server = KairanServer.newServer(config);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException("the server did not start", e);
        }
        return new RunningServer((MutableClock) config.clock(), server);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    // --- seeding --------------------------------------------------------------------------------

    /** Imports the test roster and gives everybody in it {@link TestRoster#PASSWORD}. */
    public RunningServer withTestRoster() {
        ImportReport report = server.rosterImporter().importRoster(
                TestRoster.UNITS.getBytes(StandardCharsets.UTF_8), TestRoster.STAFF.getBytes(StandardCharsets.UTF_8),
                AuditActor.system("test"));
        assertTrue(report.applied(), "the test roster imports cleanly: " + report.rejected());
        for (String staffNo : List.of(TestRoster.ADMIN, TestRoster.AUDITOR, TestRoster.KACHO, TestRoster.SHUJI)) {
            server.accounts().setPassword(staffNo, TestRoster.PASSWORD.toCharArray(), AuditActor.system("test"));
        }
        return this;
    }

    // --- HTTP -----------------------------------------------------------------------------------

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(authorised(request, token));
    }

    public HttpResponse<String> postJson(String path, String token, Object body) {
        try {
            return post(path, token, "application/json", json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(authorised(request, token));
    }

    public HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(authorised(request, token));
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request with another body handler (e.g. bytes, to see a gzipped answer as sent). */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AssertionError("the answer is JSON of " + type.getSimpleName() + ": " + response.body(), e);
        }
    }

    public <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AssertionError("the answer is JSON: " + response.body(), e);
        }
    }

    // --- logging in -----------------------------------------------------------------------------

    public HttpResponse<String> login(String userId, String password, String totpCode) {
        return postJson("/api/auth/login", null, new LoginRequest(userId, password, totpCode));
    }

    /**
     * Logs the person in with {@link TestRoster#PASSWORD}, enrolling a second factor first if they
     * have none, and returns the session token.
     */
    public String sessionFor(String staffNo) {
        return sessionForPassword(staffNo, TestRoster.PASSWORD);
    }

    /** Like {@link #sessionFor} with another password. */
    public String sessionForPassword(String staffNo, String password) {
        byte[] secret = totpSecrets.get(staffNo);
        if (secret == null) {
            HttpResponse<String> first = login(staffNo, password, null);
            assertEquals(200, first.statusCode(), "a right password is accepted: " + first.body());
            LoginResponse enrolment = read(first, LoginResponse.class);
            assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, enrolment.status(), "the first login enrols 2FA");
            secret = secretFromUri(enrolment.otpauthUri());
            HttpResponse<String> confirmed = postJson("/api/auth/totp/enrol", null,
                    new TotpEnrolmentRequest(enrolment.enrolmentToken(), code(secret)));
            assertEquals(200, confirmed.statusCode(), "the enrolment code is accepted: " + confirmed.body());
            totpSecrets.put(staffNo, secret);
            return read(confirmed, LoginResponse.class).sessionToken();
        }
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> response = login(staffNo, password, code(secret));
        assertEquals(200, response.statusCode(), "password and TOTP code log in: " + response.body());
        LoginResponse login = read(response, LoginResponse.class);
        assertEquals(LoginStatus.AUTHENTICATED, login.status(), "password and TOTP code log in");
        return login.sessionToken();
    }

    /** The secret the server handed out for the person's enrolment. */
    public byte[] enrolledSecret(String staffNo) {
        return totpSecrets.get(staffNo);
    }

    public void forgetSecret(String staffNo) {
        totpSecrets.remove(staffNo);
    }

    public static byte[] secretFromUri(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        for (String part : query.split("&")) {
            if (part.startsWith("secret=")) {
                return new Base32().decode(part.substring("secret=".length()));
            }
        }
        throw new AssertionError("the otpauth URI carries a secret: " + otpauthUri);
    }

    /** The code an authenticator app shows now. */
    public String code(byte[] secret) {
        Totp totp = new Totp(clock);
        return totp.codeAt(secret, totp.currentStep());
    }

    @Override
    public void close() {
        server.stop();
    }
}
