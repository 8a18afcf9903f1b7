package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.testing.ServerJar;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server as an operator runs it: {@code java -jar kairan-server.jar} on the default H2
 * database, killed with SIGKILL in the middle of a burst of writes, then started again on the same
 * data directory. Every write that was answered 2xx must still be there.
 */
class SigkillIT {

    private static final String ADMIN = "110001";
    private static final String PERSON = "120002";

    @TempDir
    Path work;

    private ServerJar jar;
    private ObjectMapper json;

    @BeforeEach
    void jar() {
        jar = new ServerJar(work, Duration.ofSeconds(20));
        json = jar.json();
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheServerIsKilledMidBurst() throws Exception {
        Path dataDir = work.resolve("data");
        ServerJar.Child first = jar.start(dataDir, "--demo");

        ServerJar.Enrolled admin = jar.enrolDemoAccount(first.uri(), ADMIN);
        String token = admin.token();

        Set<LocalDate> acknowledged = burstUntilKilled(first, token);
        assertTrue(acknowledged.size() >= 20, "the burst made real progress before the kill: " + acknowledged.size());

        ServerJar.Child second = jar.start(dataDir);
        try {
            String again = jar.logInAgain(second.uri(), ADMIN, admin);
            assertNotNull(again, "the administrator logs in again after the restart");
            DirectorySnapshot directory = json.readValue(jar.get(second.uri(), "/api/directory", again).body(),
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
            AuditVerification chain = json.readValue(jar.get(second.uri(), "/api/admin/audit/verify", again).body(),
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
        assertTrue(jar.log().contains("audit head at stop"), "the graceful stop logs the audit head");
    }

    /** Writes 兼務 transfers from four threads until the server is killed; returns the acknowledged ones. */
    private Set<LocalDate> burstUntilKilled(ServerJar.Child child, String token) throws Exception {
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
                        HttpResponse<String> response = jar.post(child.uri(), "/api/admin/transfers", token, List.of(
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
