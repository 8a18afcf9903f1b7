package org.kairan.core.work;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of background work once for a burst of requests: a request while it runs makes exactly one
 * more run after it, never two at once. For work whose result depends only on the state at the time it
 * runs (an inbox recomputed, an index brought up to date), when changes arrive faster than it takes.
 */
public final class CoalescingRunner {

    private static final System.Logger LOG = System.getLogger(CoalescingRunner.class.getName());

    private final String threadName;
    private final Runnable work;
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param threadName names the (virtual) thread it runs on
     * @param work       the work; a RuntimeException it throws is logged, and the next request runs it again
     */
    public CoalescingRunner(String threadName, Runnable work) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Asks for a run: now on a thread of its own, or after the current run if one is going on. */
    public void request() {
        due.set(true);
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name(threadName).start(this::drain);
        }
    }

    /** Whether a run is due or going on. */
    public boolean isBusy() {
        return due.get() || running.get();
    }

    private void drain() {
        do {
            while (due.getAndSet(false)) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, threadName + " failed", e);
                }
            }
            running.set(false);
        } while (due.get() && running.compareAndSet(false, true));
    }
}
