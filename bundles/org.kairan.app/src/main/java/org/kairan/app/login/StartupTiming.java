package org.kairan.app.login;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.widgets.Widget;

/**
 * Start-up figures for docs/PERFORMANCE.md, printed only with {@code -Dkairan.timing=true}: how long after
 * the client was launched the login dialog takes input, and how long after the login the main window shows.
 */
public final class StartupTiming {

    private static final boolean ENABLED = Boolean.getBoolean("kairan.timing");
    /** Set by the launch script in epoch milliseconds; the JVM's own start instant is rounded on Linux. */
    private static final String LAUNCHED_AT = "kairan.launchedAt";

    private StartupTiming() {
    }

    /** Reports the time since the JVM started once the widget's event loop has run (it is then usable). */
    public static void afterFirstEvents(Widget widget, String what) {
        if (!ENABLED) {
            return;
        }
        widget.getDisplay().asyncExec(() -> sinceStart(what));
    }

    /** Reports the time since the JVM started, now. */
    public static void sinceStart(String what) {
        if (ENABLED) {
            String launchedAt = System.getProperty(LAUNCHED_AT, "");
            if (launchedAt.matches("\\d{13}")) {
                report(what, Instant.now().toEpochMilli() - Long.parseLong(launchedAt), "launch");
            } else {
                // Linux derives this from the boot time rounded to the second: up to 1 s too early
                ProcessHandle.current().info().startInstant().ifPresent(start ->
                        report(what, Duration.between(start, Instant.now()).toMillis(), "JVM start (±1 s)"));
            }
        }
    }

    /** Reports the time since a {@link System#nanoTime()} mark. */
    public static void since(long nanoMark, String what, String since) {
        if (ENABLED && nanoMark != 0) {
            report(what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoMark), since);
        }
    }

    private static void report(String what, long millis, String since) {
        System.out.println("[kairan.timing] " + what + ": " + millis + " ms after " + since);
    }
}
