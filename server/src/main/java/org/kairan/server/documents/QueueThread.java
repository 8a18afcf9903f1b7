package org.kairan.server.documents;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.kairan.server.sync.Foreground;

/**
 * A queue worked through on a thread of its own: one item a step, woken when something is added (else every
 * minute), giving way to people using the server (a step waits for a quiet moment), and stopped between steps.
 */
final class QueueThread implements AutoCloseable {

    /** How long people's requests must have been quiet before a step goes on. */
    static final Duration QUIET = Duration.ofMillis(150);
    /** The longest a step waits for a quiet moment: under steady load it goes on anyway. */
    static final Duration AT_MOST_DEFERRED = Duration.ofSeconds(20);
    private static final long IDLE_SECONDS = 60;
    private static final long STOP_SECONDS = 30;

    private final String name;
    private final BooleanSupplier step;
    private final Foreground foreground;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean closing;
    private Thread thread;

    /** @param step works on the next item of the queue; false when it was empty */
    QueueThread(String name, Foreground foreground, BooleanSupplier step) {
        this.name = name;
        this.foreground = foreground;
        this.step = step;
    }

    /** Starts the thread (items waiting from before a restart are taken first). */
    synchronized void start() {
        if (thread == null && !closing) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Something was added to the queue (call after its commit). */
    void wake() {
        wakeUp.release();
    }

    /** Whether the server is stopping: a step ends at its next page. */
    boolean closing() {
        return closing;
    }

    private void run() {
        while (!closing) {
            wakeUp.drainPermits();
            if (!step.getAsBoolean()) {
                try {
                    wakeUp.tryAcquire(IDLE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Waits for a quiet moment, at most {@link #AT_MOST_DEFERRED}, in short steps so that a stop is not held up;
     * false when stopping.
     */
    boolean awaitQuiet() {
        long deadline = System.nanoTime() + AT_MOST_DEFERRED.toNanos();
        try {
            while (!closing && System.nanoTime() - deadline < 0) {
                if (foreground.awaitQuiet(QUIET, Duration.ofMillis(250))) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closing;
    }

    /** Sleeps a while after a failure that may pass (the database busy …). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the step in progress, waiting for it at most half a minute. */
    @Override
    public void close() {
        closing = true;
        wakeUp.release();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the thread is still running after {@link #close()} (it did not stop in time). */
    synchronized boolean stillRunning() {
        return thread != null && thread.isAlive();
    }
}
