package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.SyncCommands.command;
import static org.kairan.server.testing.SyncCommands.count;
import static org.kairan.server.testing.SyncCommands.post;
import static org.kairan.server.testing.SyncCommands.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncCursor;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/** Client mistakes on the sync routes: each is a 4xx or a rejection with a reason, and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncBadInputTest {

    RunningServer running;
    String kacho;
    String shuji;
    long circulars;
    long feed;
    long commands;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = RunningServer.h2(dataDir).withTestRoster();
        kacho = running.sessionFor(TestRoster.KACHO);
        shuji = running.sessionFor(TestRoster.SHUJI);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @BeforeEach
    void remember() {
        circulars = count(running, "SELECT COUNT(*) FROM circular");
        feed = count(running, "SELECT COUNT(*) FROM change_feed");
        commands = count(running, "SELECT COUNT(*) FROM applied_command");
    }

    private void assertNothingWritten(String what) {
        assertEquals(circulars, count(running, "SELECT COUNT(*) FROM circular"), what + ": no 回覧 was written");
        assertEquals(feed, count(running, "SELECT COUNT(*) FROM change_feed"), what + ": nothing entered the feed");
        assertEquals(commands, count(running, "SELECT COUNT(*) FROM applied_command"), what + ": no command was stored");
    }

    private void assertError(HttpResponse<String> response, int status, String field, String what) {
        assertEquals(status, response.statusCode(), what + " is refused with " + status + ": " + response.body());
        ApiError error = running.read(response, ApiError.class);
        if (field != null) {
            assertEquals(field, error.field(), what + " names the field");
        }
    }

    @Test
    void badCursorsAndLimitsAre400WithTheField() {
        String mine = SyncPages.pullAll(running, shuji, null, 1000).cursor();
        SyncCursor decoded = SyncCursor.decode(mine).orElseThrow();
        String future = new SyncCursor(decoded.epoch(), decoded.staffNo(), decoded.seq() + 1000, decoded.scope(), 0).encode();
        assertError(SyncPages.page(running, shuji, "garbage!", null), 400, "cursor", "a garbage cursor");
        assertError(SyncPages.page(running, shuji, Base64.getUrlEncoder().encodeToString("c1|x".getBytes()), null), 400,
                "cursor", "a base64 text that is no cursor");
        HttpResponse<String> other = SyncPages.page(running, kacho, mine, null);
        assertError(other, 400, "cursor", "another user's cursor");
        assertTrue(other.body().contains("別の職員のカーソル"), "the message says whose cursor it is: " + other.body());
        assertError(SyncPages.page(running, shuji, future, null), 400, "cursor", "a cursor ahead of the head");
        assertError(running.get("/api/sync/changes?limit=0", shuji), 400, "limit", "limit 0");
        assertError(running.get("/api/sync/changes?limit=5000", shuji), 400, "limit", "limit 5000");
        assertError(running.get("/api/sync/changes?limit=abc", shuji), 400, "limit", "limit abc");
        assertEquals(401, running.get("/api/sync/changes", null).statusCode(), "no session: 401");
        assertEquals(405, running.send("DELETE", "/api/sync/changes", shuji, null, null).statusCode(), "wrong method: 405");
        assertNothingWritten("bad pulls");
    }

    @Test
    void aCursorOfAnotherFeedStartsAResetPass() {
        SyncCursor mine = SyncCursor.decode(SyncPages.pullAll(running, shuji, null, 1000).cursor()).orElseThrow();
        String otherFeed = new SyncCursor("another-database", mine.staffNo(), mine.seq(), mine.scope(), 0).encode();
        PullResponse page = running.read(SyncPages.page(running, shuji, otherFeed, null), PullResponse.class);
        assertTrue(page.reset(), "a cursor of another feed starts a reset pass");
        assertEquals(1, page.changes().getFirst().seq(), "from the start of this feed");
    }

    @Test
    void aPageIsGzippedWhenTheClientAsksForIt() throws Exception {
        HttpResponse<byte[]> response = running.send(HttpRequest.newBuilder(running.uri("/api/sync/changes"))
                .header("Authorization", "Bearer " + shuji).header("Accept-Encoding", "gzip"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "the pull is answered");
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null), "the answer is gzipped");
        String json = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(running.json.readValue(json, PullResponse.class).changes().size() > 10, "it unpacks to the page");
    }

    @Test
    void malformedBatchesAre400AndApplyNothing() {
        String good = UUID.randomUUID().toString();
        Map<String, Object> valid = command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                post(good, TestRoster.ZAISEI_KA, "正しい"));
        assertError(running.post("/api/sync/commands", shuji, "application/json", "{\"commands\":[".getBytes()), 400,
                null, "a batch that is not JSON");
        assertError(running.postJson("/api/sync/commands", shuji, Map.of("other", 1)), 400, "commands", "no commands");
        Map<String, Object> noKey = new LinkedHashMap<>(valid);
        noKey.remove("key");
        assertError(running.postJson("/api/sync/commands", shuji, Map.of("commands", List.of(valid, noKey))), 400,
                "commands[1].key", "a command without key (after a valid one)");
        Map<String, Object> noPayload = new LinkedHashMap<>(valid);
        noPayload.put("payload", "text");
        assertError(running.postJson("/api/sync/commands", shuji, Map.of("commands", List.of(valid, noPayload))), 400,
                "commands[1].payload", "a payload that is not an object");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                    post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "多すぎる" + i)));
        }
        HttpResponse<String> large = running.postJson("/api/sync/commands", shuji, Map.of("commands", tooMany));
        assertError(large, 413, null, "101 commands");
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, running.read(large, ApiError.class).error(), "413 PAYLOAD_TOO_LARGE");
        assertEquals(415, running.post("/api/sync/commands", shuji, "text/plain", "{}".getBytes()).statusCode(),
                "a body that is not JSON by its type: 415");
        assertNothingWritten("malformed batches");
    }

    @Test
    void wrongCommandsAreRejectedAndChangeNothing() {
        Map<String, Object> badTitle = post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "");
        Map<String, Object> badId = post("not-a-uuid", TestRoster.ZAISEI_KA, "件名");
        Map<String, Object> numberTitle = new LinkedHashMap<>(post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "x"));
        numberTitle.put("title", 12);
        Map<String, Object> longBody = new LinkedHashMap<>(post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "x"));
        longBody.put("body", "あ".repeat(20_001));
        List<CommandResult> results = send(running, shuji, List.of(
                command(UUID.randomUUID().toString(), "circular.delete", Map.of("circularId", UUID.randomUUID().toString())),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, badTitle),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, badId),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, numberTitle),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, longBody),
                command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, Map.of())));
        assertEquals(CommandCodes.UNKNOWN_TYPE, results.get(0).code(), "an unknown type: UNKNOWN_TYPE");
        assertTrue(results.get(1).message().startsWith("title"), "an empty title is INVALID naming title: " + results.get(1));
        assertTrue(results.get(2).message().startsWith("circularId"), "an id that is no UUID names circularId");
        assertTrue(results.get(3).message().startsWith("title"), "a number as title names title: " + results.get(3));
        assertTrue(results.get(4).message().startsWith("body"), "a body over 20,000 characters names body");
        assertTrue(results.get(5).message().startsWith("circularId"), "a missing circularId names it");
        assertTrue(results.stream().allMatch(r -> r.outcome() == CommandOutcome.REJECTED && r.seq() == 0),
                "all are rejected: " + results);
        assertTrue(results.stream().skip(1).allMatch(r -> r.code().equals(CommandCodes.INVALID)), "as INVALID");
        assertEquals(circulars, count(running, "SELECT COUNT(*) FROM circular"), "no 回覧 was written");
        assertEquals(feed, count(running, "SELECT COUNT(*) FROM change_feed"), "nothing entered the feed");
    }
}
