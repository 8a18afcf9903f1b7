package org.kairan.bench.client;

import java.awt.Rectangle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top-level window events of the X display as they happen, without polling: {@code xev -root -event
 * substructure -event focus} prints every map, configure and focus change of the root's children, and
 * each is time-stamped with {@link System#nanoTime()} as its line arrives (well under a millisecond after
 * the X server sent it).
 */
final class XEvents implements AutoCloseable {

    enum Type { MAP, UNMAP, CONFIGURE, FOCUS_IN, FOCUS_OUT, OTHER }

    record Event(int seq, long nanos, Type type, long window, String detail) {
    }

    private static final Pattern HEADER = Pattern.compile("^(\\w+) event, serial");
    private static final Pattern WINDOW = Pattern.compile("\\bwindow (0x[0-9a-f]+)");
    private static final Pattern GEOMETRY = Pattern.compile("\\((-?\\d+),(-?\\d+)\\), width (\\d+), height (\\d+)");
    private static final Pattern FOCUS_DETAIL = Pattern.compile("detail (\\w+)");

    private final Process xev;
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, Rectangle> geometry = new HashMap<>();

    XEvents() throws IOException {
        xev = new ProcessBuilder("xev", "-root", "-event", "substructure", "-event", "focus")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(this::read, "xev");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            String name = null;
            long nanos = 0;
            for (String line; (line = in.readLine()) != null;) {
                Matcher header = HEADER.matcher(line);
                if (header.find()) {
                    name = header.group(1);
                    nanos = System.nanoTime();
                    continue;
                }
                if (name == null || line.isBlank()) {
                    name = null;
                    continue;
                }
                // the second line of the event: the window it is about (substructure events) or the focus detail
                switch (name) {
                    case "MapNotify" -> add(nanos, Type.MAP, window(line), "");
                    case "UnmapNotify" -> add(nanos, Type.UNMAP, window(line), "");
                    case "ConfigureNotify" -> {
                        long window = window(line);
                        Matcher g = GEOMETRY.matcher(line);
                        if (g.find()) {
                            synchronized (this) {
                                geometry.put(window, new Rectangle(Integer.parseInt(g.group(1)), Integer.parseInt(g.group(2)),
                                        Integer.parseInt(g.group(3)), Integer.parseInt(g.group(4))));
                            }
                        }
                        add(nanos, Type.CONFIGURE, window, "");
                    }
                    case "FocusIn", "FocusOut" -> {
                        Matcher d = FOCUS_DETAIL.matcher(line);
                        add(nanos, name.equals("FocusIn") ? Type.FOCUS_IN : Type.FOCUS_OUT, 0, d.find() ? d.group(1) : "");
                    }
                    default -> add(nanos, Type.OTHER, 0, name);
                }
                name = null;
            }
        } catch (IOException e) {
            // xev ended: close() or the display went away
        }
    }

    /** The window named in the last "window 0x…" of a line (ConfigureNotify and MapNotify name the event window first). */
    private static long window(String line) {
        Matcher m = WINDOW.matcher(line);
        long window = 0;
        while (m.find()) {
            window = Long.decode(m.group(1));
        }
        return window;
    }

    private synchronized void add(long nanos, Type type, long window, String detail) {
        events.add(new Event(events.size(), nanos, type, window, detail));
        notifyAll();
    }

    long pid() {
        return xev.pid();
    }

    /** Sequence number the next event will have: wait for events from here on. */
    synchronized int mark() {
        return events.size();
    }

    /** Last geometry the X server reported for a top-level window, or null. */
    synchronized Rectangle geometry(long window) {
        Rectangle r = geometry.get(window);
        return r == null ? null : new Rectangle(r);
    }

    /**
     * The first event from {@code fromSeq} on that the filter accepts; fails when {@code alive} turns false
     * (the client died) or after the timeout.
     */
    Event await(int fromSeq, Predicate<Event> filter, long timeoutMillis, java.util.function.BooleanSupplier alive,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int next = fromSeq;
        while (true) {
            Event candidate = null;
            synchronized (this) {
                while (next >= events.size()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new BenchFailure("timed out after " + timeoutMillis + " ms waiting for " + what);
                    }
                    if (!alive.getAsBoolean()) {
                        throw new BenchFailure("the client exited while waiting for " + what);
                    }
                    wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                }
                candidate = events.get(next++);
            }
            // the filter may run xdotool (window names): outside the lock
            if (filter.test(candidate)) {
                return candidate;
            }
        }
    }

    /** Waits up to {@code millis} for an event numbered {@code fromSeq} or later; returns the next mark. */
    synchronized int awaitAny(int fromSeq, long millis) throws InterruptedException {
        if (events.size() <= fromSeq) {
            wait(Math.max(1, millis));
        }
        return events.size();
    }

    @Override
    public void close() {
        xev.destroy();
    }
}
