package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Background work waits for a quiet moment, but never longer than its bound. */
class ForegroundTest {

    private final Foreground foreground = new Foreground();

    @Test
    void anIdleServerIsQuietAtOnce() throws InterruptedException {
        long start = System.nanoTime();
        assertTrue(foreground.awaitQuiet(Duration.ofMillis(50), Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "no waiting when nothing ran");
    }

    @Test
    void aCommandInFlightHoldsTheBackgroundBackUntilItsBound() throws InterruptedException {
        foreground.began();
        long start = System.nanoTime();
        assertFalse(foreground.awaitQuiet(Duration.ofMillis(10), Duration.ofMillis(150)), "never quiet while it runs");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos(), "and it waited for the bound");
    }

    @Test
    void theBackgroundGoesOnOnceTheCommandsHaveBeenQuietForTheWindow() throws InterruptedException {
        foreground.began();
        Thread answering = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            foreground.ended();
        });
        long start = System.nanoTime();
        assertTrue(foreground.awaitQuiet(Duration.ofMillis(100), Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(),
                "it waited for the command (200 ms) and the quiet window after it (100 ms)");
        answering.join();
    }
}
