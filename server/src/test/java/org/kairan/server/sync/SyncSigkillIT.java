package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.ServerJar;
import org.kairan.server.testing.SyncCommands;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Exactly-once across a crash: the packaged server is killed with SIGKILL while it applies batches of
 * 100 commands, started again on the same data, and every batch is sent again. Each command must be
 * applied exactly once, answered batches must get the same results again, and the audit chain must hold.
 */
class SyncSigkillIT {

    private static final String ADMIN = "110001";

    @TempDir
    Path work;

    private ServerJar jar;
    private ObjectMapper json;

    @BeforeEach
    void jar() {
        jar = new ServerJar(work, Duration.ofSeconds(60));
        json = jar.json();
    }

    @Test
    void everyCommandIsAppliedExactlyOnceAcrossASigkillAndResending() throws Exception {
        Path dataDir = work.resolve("data");
        ServerJar.Child first = jar.start(dataDir, "--demo");
        ServerJar.Enrolled admin = jar.enrolDemoAccount(first.uri(), ADMIN);
        String token = admin.token();
        String unit = json.readValue(jar.get(first.uri(), "/api/session", token).body(), SessionUser.class).unitCode();

        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(SyncCommands.command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                        SyncCommands.post(UUID.randomUUID().toString(), unit, "回覧 " + b + "-" + i)));
            }
            batches.add(batch);
        }
        Map<Integer, List<CommandResult>> answered = new HashMap<>();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int b = 0; b < batches.size(); b++) {
                try {
                    HttpResponse<String> response = jar.post(first.uri(), "/api/sync/commands", token,
                            SyncCommands.batch(batches.get(b)));
                    if (response.statusCode() == 200) {
                        synchronized (answered) {
                            answered.put(b, json.readValue(response.body(), CommandResults.class).results());
                        }
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (answered) {
                if (answered.size() >= 2) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        Thread.sleep(150); // well inside the third batch
        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(20, TimeUnit.SECONDS), "the server died of SIGKILL");
        sending.get(60, TimeUnit.SECONDS);
        assertTrue(answered.size() >= 2 && answered.size() < batches.size(),
                "the kill came in the middle of the batches: " + answered.size() + " answered");

        ServerJar.Child second = jar.start(dataDir);
        try {
            String again = jar.logInAgain(second.uri(), ADMIN, admin);
            assertNotNull(again, "the administrator logs in again after the restart");
            for (int b = 0; b < batches.size(); b++) {
                HttpResponse<String> response = jar.post(second.uri(), "/api/sync/commands", again,
                        SyncCommands.batch(batches.get(b)));
                assertEquals(200, response.statusCode(), "a resent batch is answered: " + response.body());
                List<CommandResult> results = json.readValue(response.body(), CommandResults.class).results();
                assertTrue(results.stream().allMatch(r -> r.outcome() == CommandOutcome.APPLIED && r.seq() > 0),
                        "every command of batch " + b + " is applied (once), none is a conflict: " + results.stream()
                                .filter(r -> r.outcome() != CommandOutcome.APPLIED).findFirst().orElse(null));
                if (answered.containsKey(b)) {
                    assertEquals(answered.get(b), results, "an answered batch gets the same results again");
                }
            }
            Set<String> ours = new HashSet<>(); // the batches' 回覧, not the demo city's
            batches.forEach(batch -> batch.forEach(command -> ours.add(String.valueOf(
                    ((Map<?, ?>) command.get("payload")).get("circularId")))));
            Map<String, Integer> entries = new HashMap<>();
            String cursor = null;
            boolean more = true;
            while (more) {
                PullResponse page = json.readValue(jar.get(second.uri(), "/api/sync/changes?limit=1000"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), again)
                        .body(), PullResponse.class);
                for (SyncChange change : page.changes()) {
                    if (change.type().equals(EntityTypes.CIRCULAR) && ours.contains(change.id())) {
                        entries.merge(change.id(), 1, Integer::sum);
                    }
                }
                cursor = page.cursor();
                more = page.more();
            }
            assertEquals(800, entries.size(), "every 回覧 of the 8 batches exists");
            assertTrue(entries.values().stream().allMatch(n -> n == 1), "each was posted exactly once");
            AuditVerification chain = json.readValue(jar.get(second.uri(), "/api/admin/audit/verify", again).body(),
                    AuditVerification.class);
            assertTrue(chain.intact(), "the audit chain is intact after the crash: " + chain.message());
        } finally {
            second.process().destroy();
            second.process().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
