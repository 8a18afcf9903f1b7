package org.kairan.approval.ui;

import java.util.Objects;

/**
 * How large the {@link PdfViewer} shows pages: as wide as the viewer ({@link #FIT_WIDTH}, the default), a
 * whole page in view ({@link #FIT_PAGE}), or a percentage of the printed size, from {@value #MIN_PERCENT}
 * to {@value #MAX_PERCENT} %. At 100 % an A4 page is as large on screen as on paper at 96 pixels per inch.
 *
 * @param mode    fit width, fit page or a fixed percentage
 * @param percent the percentage for {@link Mode#PERCENT}, 0 for the fitting modes
 */
public record Zoom(Mode mode, int percent) {

    /** What the zoom follows. */
    public enum Mode {
        FIT_WIDTH, FIT_PAGE, PERCENT
    }

    public static final int MIN_PERCENT = 50;
    public static final int MAX_PERCENT = 400;

    /** The percentages that zooming in and out steps through, as in document viewers people know. */
    private static final int[] STEPS = { 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400 };

    public static final Zoom FIT_WIDTH = new Zoom(Mode.FIT_WIDTH, 0);
    public static final Zoom FIT_PAGE = new Zoom(Mode.FIT_PAGE, 0);

    public Zoom {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.PERCENT && (percent < MIN_PERCENT || percent > MAX_PERCENT)) {
            throw new IllegalArgumentException("zoom must be " + MIN_PERCENT + "–" + MAX_PERCENT + " %, not " + percent);
        }
        if (mode != Mode.PERCENT && percent != 0) {
            throw new IllegalArgumentException(mode + " takes no percentage");
        }
    }

    /** A fixed percentage, brought into {@value #MIN_PERCENT}–{@value #MAX_PERCENT} %. */
    public static Zoom percent(int percent) {
        return new Zoom(Mode.PERCENT, Math.clamp(percent, MIN_PERCENT, MAX_PERCENT));
    }

    /** The next larger step after the percentage shown now (which may come from a fitting mode). */
    public static Zoom largerThan(int shownPercent) {
        for (int step : STEPS) {
            if (step > shownPercent) {
                return percent(step);
            }
        }
        return percent(MAX_PERCENT);
    }

    /** The next smaller step before the percentage shown now. */
    public static Zoom smallerThan(int shownPercent) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < shownPercent) {
                return percent(STEPS[i]);
            }
        }
        return percent(MIN_PERCENT);
    }

    /** The fixed percentages offered in the viewer's zoom box. */
    public static int[] steps() {
        return STEPS.clone();
    }

    /** Whether the size follows the viewer's size (fit width or fit page). */
    public boolean fits() {
        return mode != Mode.PERCENT;
    }
}
