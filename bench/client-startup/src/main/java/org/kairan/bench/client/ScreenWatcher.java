package org.kairan.bench.client;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

/**
 * Watches what one window shows: grabs its pixels from the X server every {@code pollMillis} and keeps the
 * "states" it went through — a new state starts when a grab differs from the state's first grab by more
 * than a text caret (a blinking caret is a difference at most {@value #CARET_WIDTH} px wide and
 * {@value #CARET_HEIGHT} px high, and does not count).
 *
 * <p>"Done" is the start of the state the person finally sees ("visually complete"): either the first
 * state equal to a reference image (learnt in an earlier run), or, without a reference, the state that
 * then stays unchanged for a settle period.
 */
final class ScreenWatcher implements AutoCloseable {

    static final int CARET_WIDTH = 3;
    static final int CARET_HEIGHT = 48;

    /** What the window showed from {@code startNanos} on. */
    record Frame(long startNanos, int width, int height, int[] pixels) {

        BufferedImage image() {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, width, height, pixels, 0, width);
            return image;
        }

        void save(Path png) throws IOException {
            ImageIO.write(image(), "png", png.toFile());
        }

        /** Same size and no difference bigger than a caret. */
        boolean looksLike(Frame other) {
            return other != null && width == other.width && height == other.height
                    && smallDifference(pixels, other.pixels, width, height);
        }
    }

    /** How a wait for the final state ended. */
    enum How { MATCHED_REFERENCE, SETTLED, SETTLED_NOT_REFERENCE }

    record Detection(Frame frame, How how) {
    }

    private final Robot robot;
    private final Supplier<Rectangle> rect;
    private final long pollNanos;
    private final Thread thread;
    private volatile boolean running = true;

    // guarded by this
    private Frame state;
    private long lastGrabNanos;
    private long firstPaintedNanos = -1;
    private int grabs;
    private long grabNanosTotal;
    private final List<String> timeline = new ArrayList<>();
    private final List<Frame> states = new ArrayList<>();
    private final boolean keepStates;
    private RuntimeException failure;

    ScreenWatcher(Robot robot, Supplier<Rectangle> rect, int pollMillis, String name, boolean keepStates) {
        this.robot = robot;
        this.keepStates = keepStates;
        this.rect = rect;
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
        this.thread = new Thread(this::loop, "watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                long start = System.nanoTime();
                Rectangle r = rect.get();
                if (r != null && r.width > 0 && r.height > 0) {
                    BufferedImage image = robot.createScreenCapture(r);
                    long end = System.nanoTime();
                    Frame frame = new Frame(start, image.getWidth(), image.getHeight(), pixels(image));
                    synchronized (this) {
                        grabs++;
                        grabNanosTotal += end - start;
                        lastGrabNanos = start;
                        if (firstPaintedNanos < 0 && painted(frame)) {
                            firstPaintedNanos = start;
                        }
                        if (!frame.looksLike(state)) {
                            state = frame;
                            timeline.add(String.format("%d %dx%d", start, frame.width, frame.height));
                            if (keepStates) {
                                states.add(frame);
                            }
                        }
                        notifyAll();
                    }
                }
                long sleep = start + pollNanos - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getNumBanks() == 1) {
            return ints.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** A window with content has text: many colours (anti-aliasing); an unpainted one has one or two. */
    private static boolean painted(Frame frame) {
        Set<Integer> colours = new HashSet<>();
        int[] p = frame.pixels;
        for (int i = 0; i < p.length; i += 3) {
            if (colours.add(p[i] & 0xffffff) && colours.size() >= 16) {
                return true;
            }
        }
        return false;
    }

    static boolean smallDifference(int[] a, int[] b, int width, int height) {
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (((a[row + x] ^ b[row + x]) & 0xffffff) != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    if (maxX - minX >= CARET_WIDTH || maxY - minY >= CARET_HEIGHT) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Waits for the final state: the first state (started at or after {@code notBeforeNanos}) that looks like
     * {@code reference}; without a reference, the first such state that then stays unchanged for
     * {@code settleMillis}. When a reference is given and nothing looks like it within {@code timeoutMillis},
     * the state that has been unchanged for {@code settleMillis} by then is the answer, reported as
     * {@link How#SETTLED_NOT_REFERENCE}; otherwise the wait fails.
     */
    synchronized Detection awaitFinal(Frame reference, long notBeforeNanos, long settleMillis, long timeoutMillis)
            throws InterruptedException {
        long settle = TimeUnit.MILLISECONDS.toNanos(settleMillis);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Frame checked = null;
        while (true) {
            if (failure != null) {
                throw failure;
            }
            boolean eligible = state != null && state.startNanos >= notBeforeNanos;
            boolean quiet = eligible && lastGrabNanos - state.startNanos >= settle;
            if (eligible && reference != null && state != checked) {
                checked = state;
                if (state.looksLike(reference)) {
                    return new Detection(state, How.MATCHED_REFERENCE);
                }
            }
            if (reference == null && quiet) {
                return new Detection(state, How.SETTLED);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (reference != null && quiet) {
                    return new Detection(state, How.SETTLED_NOT_REFERENCE);
                }
                throw new BenchFailure("the window did not reach a final state within " + timeoutMillis + " ms");
            }
            wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
        }
    }

    /** The current state, once it has not changed for {@code quietMillis} (and started at or after notBefore). */
    Frame awaitQuiet(long notBeforeNanos, long quietMillis, long timeoutMillis) throws InterruptedException {
        return awaitFinal(null, notBeforeNanos, quietMillis, timeoutMillis).frame();
    }

    synchronized Frame current() {
        return state;
    }

    synchronized long firstPaintedNanos() {
        return firstPaintedNanos;
    }

    synchronized String grabCost() {
        return grabs == 0 ? "no grabs" : String.format("%d grabs, %.1f ms each", grabs, grabNanosTotal / 1e6 / grabs);
    }

    /** Every state seen (only when constructed with keepStates). */
    synchronized List<Frame> states() {
        return List.copyOf(states);
    }

    synchronized List<String> timeline() {
        return List.copyOf(timeline);
    }

    /** Stops reading the screen (the states seen so far stay available). */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
