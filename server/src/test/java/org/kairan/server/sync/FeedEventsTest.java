package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.SyncCommands.command;
import static org.kairan.server.testing.SyncCommands.post;
import static org.kairan.server.testing.SyncCommands.send;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/** The push stream {@code /api/sync/events}: prompt events, many idle streams, and a stop that does not hang. */
class FeedEventsTest {

    private static final Pattern HEAD = Pattern.compile("data: \\{\"head\":(\\d+)\\}");

    @TempDir
    Path dataDir;

    RunningServer running;
    String kacho;
    String shuji;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() {
        running = RunningServer.h2(dataDir).withTestRoster();
        kacho = running.sessionFor(TestRoster.KACHO);
        shuji = running.sessionFor(TestRoster.SHUJI);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** The lines of one open stream, collected without a thread of its own. */
    private static final class Stream implements Flow.Subscriber<String> {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final AtomicLong head = new AtomicLong(-1);

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            Matcher m = HEAD.matcher(line);
            if (m.matches()) {
                head.set(Long.parseLong(m.group(1)));
            }
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
            lines.add("ERROR " + throwable);
        }

        @Override
        public void onComplete() {
            lines.add("END");
        }

        /** Waits for a feed event with a head of at least {@code atLeast}; returns the head or -1. */
        long awaitHead(long atLeast, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (head.get() < atLeast) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || lines.poll(left, TimeUnit.NANOSECONDS) == null) {
                    return head.get() >= atLeast ? head.get() : -1;
                }
            }
            return head.get();
        }
    }

    private Stream open(String token) {
        Stream stream = new Stream();
        http.sendAsync(HttpRequest.newBuilder(running.uri("/api/sync/events")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    private CommandResult postCircular(String token) {
        return send(running, token, List.of(command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "お知らせ")))).getFirst();
    }

    @Test
    void anEventArrivesWithin500msOfACommandAppliedByAnotherUser() throws Exception {
        Stream stream = open(shuji);
        assertTrue(stream.awaitHead(1, 5000) > 0, "a new stream starts with the current head");
        for (int i = 0; i < 3; i++) {
            long sentAt = System.nanoTime();
            CommandResult posted = postCircular(kacho);
            long head = stream.awaitHead(posted.seq(), 500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
            assertTrue(head >= posted.seq(), "the feed event for seq " + posted.seq() + " arrives within 500 ms of the"
                    + " command (round " + i + ")");
        }
    }

    @Test
    void aStreamNeedsASession() {
        HttpResponse<String> response = running.get("/api/sync/events", null);
        assertEquals(401, response.statusCode(), "a stream without a session is refused with 401");
    }

    @Test
    void fourHundredOpenStreamsHoldNoThreadsAndRegularRequestsStillWork() throws Exception {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            streams.add(open(i % 2 == 0 ? shuji : kacho));
        }
        for (Stream stream : streams) {
            assertTrue(stream.awaitHead(1, 30_000) > 0, "each of 400 streams opens and gets the head");
        }
        assertEquals(400, running.server.openEventStreams(), "the server holds 400 open streams");
        long httpThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kairan-http")).count();
        assertTrue(httpThreads < 100, "open streams hold no threads of the 200-thread pool: " + httpThreads + " threads");
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            assertEquals(200, running.get("/health", null).statusCode(), "a regular request is answered");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "and promptly");
        }
        CommandResult posted = postCircular(kacho);
        for (Stream stream : streams) {
            assertTrue(stream.awaitHead(posted.seq(), 5000) >= posted.seq(), "every stream hears of the new head");
        }
        long stopping = System.nanoTime();
        running.server.stop();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        assertTrue(tookMs < 5000, "a graceful stop ends the open streams instead of waiting for them: " + tookMs + " ms");
    }
}
