package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCommand;

/**
 * The sync routes through the client against the real server: a pull arrives gzip-compressed and decoded
 * with its records as JSON text, a command's payload travels as a JSON object, and push calls back when
 * the feed moves and says when the stream ends.
 */
class SyncTransportTest {

    private RealServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pullIsCompressedCommandsApplyAndPushCallsBack(@TempDir Path ws) throws Exception {
        server = RealServer.start("sync-transport");
        HttpKairanServerClient client = RealServer.client(ws);
        server.enrolThrough(client, DemoAccounts.FINANCE_HEAD);
        String token = client.session().orElseThrow().token();

        HttpResponse<byte[]> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.address.resolve("/api/sync/changes?limit=1000")).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", raw.headers().firstValue("Content-Encoding").orElse(""),
                "the server compresses a feed page for a client that asks, as the client does");
        PullResponse page = client.pull(null, 1000);
        assertTrue(page.changes().size() > 900, "the client decodes the compressed page (the demo city's directory)");
        assertFalse(page.more(), "the demo city's feed fits in one page of 1000");
        assertTrue(page.changes().getLast().seq() <= page.head(),
                "up to the feed's head (its last entries may be 回覧 this user does not see)");
        SyncChange first = page.changes().get(0);
        assertTrue(first.data().startsWith("{"), "a record arrives as JSON text: " + first.data());

        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> why = new AtomicReference<>();
        AutoCloseable push = client.openPush(moved::countDown, t -> {
            why.set(t);
            closed.countDown();
        });
        String id = UUID.randomUUID().toString();
        String payload = "{\"circularId\":\"" + id + "\",\"unitCode\":\"120200\",\"title\":\"件名\",\"body\":\"本文\"}";
        CommandResults results = client.sendCommands(new CommandBatch(List.of(
                new SyncCommand(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, payload, Instant.now()))));
        assertEquals(CommandOutcome.APPLIED, results.results().get(0).outcome(),
                "a payload sent as a JSON object is applied: " + results);
        assertTrue(moved.await(10, TimeUnit.SECONDS), "push calls back when the feed moves");

        server.process.stop();
        assertTrue(closed.await(20, TimeUnit.SECONDS), "push says when the stream ends (server stopped)");
        assertTrue(why.get() != null, "with the cause");
        push.close();
    }
}
