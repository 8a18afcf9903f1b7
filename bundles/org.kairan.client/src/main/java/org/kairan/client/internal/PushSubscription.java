package org.kairan.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the server's {@code text/event-stream} (docs/API.md, "Push") on a daemon thread: every
 * {@code event: feed} calls {@code onFeedMoved}; comments ({@code : ping}) only prove the line is alive. A
 * watchdog ends the stream when nothing at all arrived for {@link #SILENCE_LIMIT} (the server pings every
 * 20 s), so a half-open connection is noticed. {@code onClosed} runs once unless {@link #close()} came first.
 */
final class PushSubscription implements AutoCloseable {

    /** Three missed pings. */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(65);

    private final Stream<String> lines;
    private final Runnable onFeedMoved;
    private final Consumer<Throwable> onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastHeard = System.nanoTime();
    private final Thread reader;
    private final Thread watchdog;

    PushSubscription(HttpResponse<Stream<String>> response, Runnable onFeedMoved, Consumer<Throwable> onClosed,
            String name) {
        this.lines = response.body();
        this.onFeedMoved = onFeedMoved;
        this.onClosed = onClosed;
        this.reader = Thread.ofPlatform().daemon().name("kairan-push-" + name).unstarted(this::read);
        this.watchdog = Thread.ofPlatform().daemon().name("kairan-push-watchdog-" + name).unstarted(this::watch);
        reader.start();
        watchdog.start();
    }

    private void read() {
        Throwable cause = null;
        String event = null;
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                lastHeard = System.nanoTime();
                if (line.isEmpty()) { // end of one event
                    if ("feed".equals(event)) {
                        onFeedMoved.run();
                    }
                    event = null;
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                }
            }
            cause = new IOException("the server ended the event stream");
        } catch (UncheckedIOException e) {
            cause = e.getCause();
        } catch (RuntimeException e) {
            cause = e;
        }
        end(cause);
    }

    private void watch() {
        while (!closed.get()) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            if (System.nanoTime() - lastHeard > SILENCE_LIMIT.toNanos()) {
                end(new IOException("nothing heard from the server for " + SILENCE_LIMIT.toSeconds() + " s"));
                return;
            }
        }
    }

    private void end(Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            stopThreads();
            onClosed.accept(cause);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopThreads();
        }
    }

    private void stopThreads() {
        if (Thread.currentThread() != reader) {
            reader.interrupt(); // wakes a read blocked on the stream
        }
        if (Thread.currentThread() != watchdog) {
            watchdog.interrupt();
        }
        try {
            lines.close();
        } catch (RuntimeException e) {
            // already broken: nothing to release
        }
    }
}
