package org.kairan.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open {@code text/event-stream} response: the Jetty response and callback are kept (no thread
 * waits), and events are written with non-blocking {@code response.write(false, …)}, one write at a
 * time. Head changes are coalesced: at most one {@code feed} event per {@link #MIN_GAP_NANOS}, always
 * carrying the newest head. A failed write ends the stream.
 */
final class FeedStream {

    static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ByteBuffer PING = ByteBuffer.wrap(": ping\n\n".getBytes(StandardCharsets.UTF_8));

    private final Response response;
    private final Callback callback;
    private final String tokenHash;
    private final ScheduledExecutorService timer;
    private final Consumer<FeedStream> onEnd;

    private boolean writing;
    private boolean flushScheduled;
    private long pendingHead = -1;
    private boolean pendingPing;
    private long lastEventAt = System.nanoTime() - MIN_GAP_NANOS;
    private boolean ending;
    private boolean ended;

    FeedStream(Response response, Callback callback, String tokenHash, ScheduledExecutorService timer,
            Consumer<FeedStream> onEnd) {
        this.response = response;
        this.callback = callback;
        this.tokenHash = tokenHash;
        this.timer = timer;
        this.onEnd = onEnd;
    }

    String tokenHash() {
        return tokenHash;
    }

    /** The feed's head is now {@code head}: an event goes out now or as soon as the gap allows. */
    synchronized void headMoved(long head) {
        if (ending) {
            return;
        }
        pendingHead = Math.max(pendingHead, head);
        flush();
    }

    /** A comment line that keeps proxies and the idle timeout from closing a quiet stream. */
    synchronized void ping() {
        if (ending) {
            return;
        }
        pendingPing = true;
        flush();
    }

    /** Ends the response normally (server stop, session over). */
    synchronized void end() {
        if (ending) {
            return;
        }
        ending = true;
        if (!writing) {
            finish();
        }
    }

    private void flush() {
        if (writing || ended) {
            return;
        }
        String text;
        long sinceLast = System.nanoTime() - lastEventAt;
        if (pendingHead >= 0 && sinceLast >= MIN_GAP_NANOS) {
            text = "event: feed\ndata: {\"head\":" + pendingHead + "}\n\n";
            pendingHead = -1;
            pendingPing = false;
            lastEventAt = System.nanoTime();
        } else if (pendingPing) {
            text = null;
            pendingPing = false;
        } else {
            if (pendingHead >= 0 && !flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::scheduledFlush, MIN_GAP_NANOS - sinceLast, TimeUnit.NANOSECONDS);
            }
            return;
        }
        writing = true;
        ByteBuffer buffer = text == null ? PING.slice() : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        response.write(false, buffer, Callback.from(this::written, this::failed));
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        if (!ending) {
            flush();
        }
    }

    private synchronized void written() {
        writing = false;
        if (ending) {
            finish();
        } else {
            flush();
        }
    }

    private void failed(Throwable failure) {
        synchronized (this) {
            writing = false;
            ending = true;
            if (ended) {
                return;
            }
            ended = true;
        }
        onEnd.accept(this);
        callback.failed(failure);
    }

    private void finish() {
        if (ended) {
            return;
        }
        ended = true;
        onEnd.accept(this);
        response.write(true, ByteBuffer.allocate(0), callback);
    }
}
