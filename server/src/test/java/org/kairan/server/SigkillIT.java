package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.core.auth.Totp;
import org.kairan.server.demo.DemoCity;
import org.kairan.server.http.ApiJson;
import org.kairan.server.testing.RunningServer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server as an operator runs it: {@code java -jar kairan-server.jar} on the default H2
 * database, killed with SIGKILL in the middle of a burst of writes, then started again on the same
 * data directory. Every write that was answered 2xx must still be there.
 */
class SigkillIT {

    private static final Pattern LISTENING = Pattern.compile("Kairan server listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String ADMIN = "110001";
    private static final String PERSON = "120002";

    @TempDir
    Path work;

    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Totp totp = new Totp(Clock.systemUTC());

    /** A child server process and the URL it announced. */
    private record Child(Process process, URI uri) {
    }

    private Child startServer(Path dataDir, String... extra) throws Exception {
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

    private String log() throws IOException {
        Path log = work.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    private HttpResponse<String> post(URI base, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheServerIsKilledMidBurst() throws Exception {
        Path dataDir = work.resolve("data");
        Child first = startServer(dataDir, "--demo");

        LoginResponse enrolment = json.readValue(post(first.uri(), "/api/auth/login", null,
                new LoginRequest(ADMIN, DemoCity.PASSWORD, null)).body(), LoginResponse.class);
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, enrolment.status(), "the demo administrator enrols 2FA");
        byte[] secret = RunningServer.secretFromUri(enrolment.otpauthUri());
        String token = json.readValue(post(first.uri(), "/api/auth/totp/enrol", null, new TotpEnrolmentRequest(
                enrolment.enrolmentToken(), totp.codeAt(secret, totp.currentStep()))).body(), LoginResponse.class)
                .sessionToken();
        assertNotNull(token, "the administrator is logged in");

        Set<LocalDate> acknowledged = burstUntilKilled(first, token);
        assertTrue(acknowledged.size() >= 20, "the burst made real progress before the kill: " + acknowledged.size());

        Child second = startServer(dataDir);
        try {
            String again = json.readValue(post(second.uri(), "/api/auth/login", null, new LoginRequest(ADMIN,
                    DemoCity.PASSWORD, totp.codeAt(secret, totp.currentStep() + 1))).body(), LoginResponse.class)
                    .sessionToken();
            assertNotNull(again, "the administrator logs in again after the restart");
            DirectorySnapshot directory = json.readValue(get(second.uri(), "/api/directory", again).body(),
                    DirectorySnapshot.class);
            Set<LocalDate> stored = new HashSet<>();
            for (Assignment a : directory.assignments()) {
                if (a.staffNo().equals(PERSON) && a.kind() == AssignmentKind.CONCURRENT) {
                    stored.add(a.effectiveFrom());
                }
            }
            Set<LocalDate> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), "every write answered 204 before the SIGKILL survives the restart; lost "
                    + lost.size() + " of " + acknowledged.size());
            AuditVerification chain = json.readValue(get(second.uri(), "/api/admin/audit/verify", again).body(),
                    AuditVerification.class);
            assertTrue(chain.intact(), "the audit chain is intact after the crash: " + chain.message());

            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("kairan.server.jar", "target/kairan-server.jar"), "admin", "verify-audit",
                    "--data", dataDir.toString()).redirectErrorStream(true).start();
            String cliOut = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the admin command finishes");
            assertEquals(1, cli.exitValue(), "the admin command cannot open the database while the server runs");
            assertTrue(cliOut.contains("Stop the server first"), "and says what to do: " + cliOut);
        } finally {
            second.process().destroy();
        }
        assertTrue(second.process().waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the server gracefully");
        assertTrue(log().contains("audit head at stop"), "the graceful stop logs the audit head");
    }

    /** Writes 兼務 transfers from four threads until the server is killed; returns the acknowledged ones. */
    private Set<LocalDate> burstUntilKilled(Child child, String token) throws Exception {
        ConcurrentLinkedQueue<LocalDate> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            LocalDate start = LocalDate.of(2030, 1, 1).plusDays(t * 10_000L);
            running.add(writers.submit(() -> {
                for (int k = 0; k < 10_000 && !Thread.currentThread().isInterrupted(); k++) {
                    LocalDate date = start.plusDays(k);
                    try {
                        HttpResponse<String> response = post(child.uri(), "/api/admin/transfers", token, List.of(
                                new TransferRequest(PERSON, "120100", "主事", date, AssignmentKind.CONCURRENT)));
                        if (response.statusCode() / 100 == 2) {
                            acknowledged.add(date);
                        } else if (!killed.get()) {
                            throw new AssertionError("a write failed before the kill: " + response.body());
                        }
                    } catch (IOException e) {
                        if (killed.get()) {
                            return null;
                        }
                        throw new AssertionError("the connection failed before the kill", e);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(2_500);
        killed.set(true);
        child.process().destroyForcibly();
        assertTrue(child.process().waitFor(20, TimeUnit.SECONDS), "SIGKILL ends the server");
        assertFalse(child.process().isAlive(), "the server is gone");
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "the writers notice the dead server");
        for (Future<?> writer : running) {
            writer.get();
        }
        return new HashSet<>(acknowledged);
    }
}
