package org.kairan.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The server's HTTP API spoken directly (docs/API.md), for what a test must set up or check beside
 * the client under test: enrol an account, log in as another person, ask whether a token still works
 * or whether the next login asks for enrolment. Failures are assertion errors naming the call.
 */
public final class ServerApi {

    /** An HTTP answer: status and body. */
    public record Answer(int status, byte[] body) {
    }

    /** A logged-in account: its session token and the authenticator that holds its second factor. */
    public record Login(String token, Authenticator authenticator) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public ServerApi(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** GET with an optional bearer token. */
    public Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** POST with a JSON body (or none) and an optional bearer token. */
    public Answer post(String path, String token, Object body) {
        HttpRequest.Builder builder = request(path, token);
        if (body == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json").POST(
                        HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return send(builder.build());
    }

    /** A password login (no code); the server's answer, whatever its status. */
    public Answer login(String userId, String password, String totpCode) {
        return post("/api/auth/login", null, new LoginRequest(userId, password, totpCode));
    }

    /** What a successful login answer says ({@code AUTHENTICATED}, {@code TOTP_REQUIRED}, …). */
    public LoginResponse loginResponse(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("login answered " + answer.status() + ": " + text(answer));
        }
        return read(answer, LoginResponse.class);
    }

    /**
     * First login of a demo account that has no second factor yet: enrols one (as a person scanning the
     * QR code would) and returns the session and the authenticator.
     */
    public Login enrol(String staffNo, String password) {
        LoginResponse first = loginResponse(login(staffNo, password, null));
        if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
            throw new AssertionError(staffNo + " was expected to need enrolment, the server said " + first.status());
        }
        Authenticator authenticator = Authenticator.fromUri(first.otpauthUri());
        Answer confirmed = post("/api/auth/totp/enrol", null,
                new TotpEnrolmentRequest(first.enrolmentToken(), authenticator.nextCode()));
        LoginResponse done = loginResponse(confirmed);
        if (done.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("enrolment of " + staffNo + " did not log in: " + done.status());
        }
        return new Login(done.sessionToken(), authenticator);
    }

    /** A full login of an enrolled account; returns its session token. */
    public String logIn(String staffNo, String password, Authenticator authenticator) {
        LoginResponse response = loginResponse(login(staffNo, password, authenticator.nextCode()));
        if (response.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("login of " + staffNo + " with a fresh code was not accepted: "
                    + response.status());
        }
        return response.sessionToken();
    }

    /** Whether the server still accepts a session token ({@code GET /api/session} answers 200). */
    public boolean accepts(String token) {
        int status = get("/api/session", token).status();
        if (status != 200 && status != 401) {
            throw new AssertionError("GET /api/session answered " + status);
        }
        return status == 200;
    }

    public <T> T read(Answer answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + type.getSimpleName() + " from " + text(answer), e);
        }
    }

    public static String text(Answer answer) {
        return new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + request.uri(), e);
        }
    }
}
