package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.RealServer;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The desktop is killed (SIGKILL) while it sends its queue: a new desktop on the same workspace sends the
 * rest, and the server has applied every action exactly once, in the order the user acted.
 */
class KilledDesktopTest {

    private static final String CITIZENS = "130100";
    private static final int COUNT = 250;

    private RealServer server;
    private Process child;
    private Desktop restarted;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDesktopKilledWhileSendingLosesNothingAndDoublesNothing(@TempDir Path ws) throws Exception {
        server = RealServer.start("sync-killed");
        HttpKairanServerClient login = RealServer.client(ws);
        server.enrolThrough(login, DemoAccounts.CITIZEN_CLERK); // the session is stored in the workspace

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QueueingDesktop.class.getName(), ws.toString(), CITIZENS, Integer.toString(COUNT), "k")
                .redirectErrorStream(true).start();
        String token = login.session().orElseThrow().token();
        int appliedAtKill = 0;
        int queuedSeen = 0;
        boolean sentSeen = false;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("QUEUED ")) {
                    queuedSeen = Integer.parseInt(line.substring(7));
                }
                sentSeen |= line.startsWith("SENT ");
                if (sentSeen && queuedSeen >= COUNT / 2) {
                    // SIGKILL once the server has begun applying a batch whose answer the child has not read
                    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (postedTitles(token).isEmpty() && System.nanoTime() < end) {
                        Thread.sleep(5);
                    }
                    child.destroyForcibly();
                    appliedAtKill = postedTitles(token).size();
                    break;
                }
            }
        }
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child desktop is dead");
        assertTrue(sentSeen, "the child had started sending before it was killed: " + tail(output));

        int unsettled;
        try (ActionQueue left = ActionQueue.open(DefaultSyncService.replicaDirectory(ws.resolve(".kairan"),
                server.address, DemoAccounts.CITIZEN_CLERK))) {
            unsettled = left.counts().waiting();
        }
        assertTrue(unsettled > 0, "the kill left actions unsent or unanswered (else this test proves nothing)");
        assertTrue(appliedAtKill > 0, "the server had applied part of what the killed desktop sent without an answer");

        restarted = Desktop.resume(ws);
        Desktop.await(Duration.ofSeconds(60), "the restarted desktop sends what the killed one left",
                () -> restarted.sync.status().queued() == 0);

        List<String> titles = postedTitles(restarted.client.session().orElseThrow().token());
        int posted = titles.size();
        System.out.println("killed desktop: " + queuedSeen + " queued seen, " + appliedAtKill + " applied at the kill, "
                + unsettled + " unsettled in its queue, " + posted + " posted in the end");
        assertTrue(posted >= queuedSeen, "every action the killed desktop had stored reached the server ("
                + posted + " of at least " + queuedSeen + ")");
        for (int i = 0; i < posted; i++) {
            assertEquals(String.format("k-%04d", i + 1), titles.get(i),
                    "each action is applied exactly once, in the order it was queued (position " + i + ")");
        }
    }

    /** The titles of the killed desktop's 回覧 in the server's feed for this user, in feed order. */
    private List<String> postedTitles(String token) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> titles = new ArrayList<>();
        String cursor = null;
        while (true) {
            ServerApi.Answer answer = server.api.get("/api/sync/changes?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            assertEquals(200, answer.status(), "the feed can be read: " + ServerApi.text(answer));
            JsonNode page = json.readTree(answer.body());
            for (JsonNode change : page.path("changes")) {
                String title = change.path("data").path("title").asText();
                if (change.path("type").asText().equals("circular") && !change.path("deleted").asBoolean()
                        && title.startsWith("k-")) { // the killed desktop's, not the demo city's 回覧
                    titles.add(title);
                }
            }
            cursor = page.path("cursor").asText();
            if (!page.path("more").asBoolean()) {
                return titles;
            }
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
