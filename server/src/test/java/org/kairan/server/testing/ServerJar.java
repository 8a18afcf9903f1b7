package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kairan.core.auth.Totp;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.demo.DemoCity;
import org.kairan.server.http.ApiJson;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server ({@code target/kairan-server.jar}) as a child process, for the tests that kill it
 * with SIGKILL: started on a data directory, its address read from the line it prints, its log in the test's
 * work directory, and plain HTTP calls to it.
 */
public final class ServerJar {

    private static final Pattern LISTENING = Pattern.compile("Kairan server listening on (http://127\\.0\\.0\\.1:\\d+)");

    /** A running child server and the address it announced. */
    public record Child(Process process, URI uri) {
    }

    /** A demo account logged in for the first time: its session and the secret of the second factor it enrolled. */
    public record Enrolled(String token, byte[] secret) {
    }

    private final Path work;
    private final Duration requestTimeout;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Totp totp = new Totp(Clock.systemUTC());

    /**
     * @param work           where the server's log goes ({@code server.log})
     * @param requestTimeout how long one request may take
     */
    public ServerJar(Path work, Duration requestTimeout) {
        this.work = work;
        this.requestTimeout = requestTimeout;
    }

    /** Starts the jar on {@code dataDir} and a free port, and waits (90 s at most) until it listens. */
    public Child start(Path dataDir, String... extra) throws Exception {
        String jar = System.getProperty("kairan.server.jar", "target/kairan-server.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "the shaded jar was built before the integration tests: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--data", dataDir.toString(), "--port", "0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile())).start();
        CompletableFuture<URI> announced = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        URI uri = announced.get(90, TimeUnit.SECONDS);
        assertNotNull(uri, "the server printed the line tests parse; log: " + log());
        return new Child(process, uri);
    }

    /** What the servers started here wrote to standard error. */
    public String log() throws IOException {
        Path log = work.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    public ObjectMapper json() {
        return json;
    }

    public HttpResponse<String> post(URI base, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first login of a demo account with the demo password: enrols a second factor, returns the session. */
    public Enrolled enrolDemoAccount(URI base, String staffNo) throws Exception {
        LoginResponse enrolment = json.readValue(post(base, "/api/auth/login", null,
                new LoginRequest(staffNo, DemoCity.PASSWORD, null)).body(), LoginResponse.class);
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, enrolment.status(), "the demo account " + staffNo + " enrols 2FA");
        byte[] secret = RunningServer.secretFromUri(enrolment.otpauthUri());
        String token = json.readValue(post(base, "/api/auth/totp/enrol", null, new TotpEnrolmentRequest(
                enrolment.enrolmentToken(), totp.codeAt(secret, totp.currentStep()))).body(), LoginResponse.class)
                .sessionToken();
        assertNotNull(token, staffNo + " is logged in");
        return new Enrolled(token, secret);
    }

    /** A later login of an enrolled demo account (with the next step's code: the enrolment's is used up). */
    public String logInAgain(URI base, String staffNo, Enrolled enrolled) throws Exception {
        String token = json.readValue(post(base, "/api/auth/login", null, new LoginRequest(staffNo, DemoCity.PASSWORD,
                totp.codeAt(enrolled.secret(), totp.currentStep() + 1))).body(), LoginResponse.class).sessionToken();
        assertNotNull(token, staffNo + " logs in again");
        return token;
    }
}
