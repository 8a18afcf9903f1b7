package org.kairan.server.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether someone is waiting on the server right now: commands being applied, or applied a moment ago.
 * Background work that no one waits for (the PDF of record of a 決裁) asks it for a quiet moment first,
 * so a burst of 承認 is answered before the records of the 決裁 it made are written, and never waits for
 * longer than its bound, so the records are not starved by a steady load.
 */
public final class Foreground {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastEnded = new AtomicLong(System.nanoTime() - Duration.ofHours(1).toNanos());

    /** A command starts; call {@link #ended()} when it is answered. */
    public void began() {
        inFlight.incrementAndGet();
    }

    public void ended() {
        lastEnded.set(System.nanoTime());
        inFlight.decrementAndGet();
    }

    /**
     * Waits until no command has run for {@code quiet}, or {@code atMost} has passed.
     *
     * @return whether the moment was quiet (false when the bound ended the wait)
     */
    public boolean awaitQuiet(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long quietNanos = quiet.toNanos();
        while (true) {
            long now = System.nanoTime();
            long idleFor = now - lastEnded.get();
            if (inFlight.get() == 0 && idleFor >= quietNanos) {
                return true;
            }
            if (now - deadline >= 0) {
                return false;
            }
            long wait = inFlight.get() == 0 ? Math.max(1, quietNanos - idleFor) : POLL_NANOS;
            Thread.sleep(Duration.ofNanos(Math.min(wait, Math.max(1, deadline - now))));
        }
    }
}
