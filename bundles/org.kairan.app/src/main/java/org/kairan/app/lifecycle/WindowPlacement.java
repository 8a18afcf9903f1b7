package org.kairan.app.lifecycle;

/**
 * Where the main window opens: most of the screen's work area (without panels and task bars), never
 * smaller than a usable minimum unless the screen itself is smaller, never larger than the work area,
 * centred. The window is not opened maximised: maximising is the window manager's job, and without one
 * (a kiosk session, a remote X display, Xvfb) the window stayed at its first size while the workbench
 * laid itself out for the whole screen, cutting off the status line.
 */
public final class WindowPlacement {

    /** A rectangle in display coordinates. */
    public record Bounds(int x, int y, int width, int height) {
    }

    /** Share of the work area the window takes when the screen is large enough. */
    static final double SHARE = 0.88;
    static final int MIN_WIDTH = 1024;
    static final int MIN_HEIGHT = 700;

    private WindowPlacement() {
    }

    /** The main window's bounds on a screen whose work area is {@code workArea}. */
    public static Bounds within(Bounds workArea) {
        int width = fit((int) Math.round(workArea.width() * SHARE), MIN_WIDTH, workArea.width());
        int height = fit((int) Math.round(workArea.height() * SHARE), MIN_HEIGHT, workArea.height());
        return new Bounds(workArea.x() + (workArea.width() - width) / 2,
                workArea.y() + (workArea.height() - height) / 2, width, height);
    }

    private static int fit(int wanted, int minimum, int available) {
        return Math.max(0, Math.min(Math.max(wanted, minimum), available));
    }
}
