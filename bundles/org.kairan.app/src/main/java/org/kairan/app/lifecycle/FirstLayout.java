package org.kairan.app.lifecycle;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * Lays the main window out again once its client area has settled after it was opened. On GTK the
 * menu bar gets its height only after the window is mapped; with a window manager the configure event
 * that follows relayouts the window, but without one (a kiosk session, a remote X display, Xvfb) nothing
 * does, and the bottom trim with the status line stays laid out below the window's edge until someone
 * resizes it. So for the first seconds the client area is compared with the one last laid out for.
 */
final class FirstLayout {

    private static final int CHECK_EVERY_MS = 100;
    private static final int CHECK_FOR_MS = 5_000;

    private final Shell shell;
    private Rectangle laidOutFor;
    private int elapsed;

    private FirstLayout(Shell shell) {
        this.shell = shell;
    }

    /** Starts watching a just-opened window. */
    static void watch(Shell shell) {
        FirstLayout watch = new FirstLayout(shell);
        shell.addListener(SWT.Resize, e -> watch.laidOutFor = shell.getClientArea()); // the layout runs anyway
        shell.getDisplay().asyncExec(watch::check);
    }

    private void check() {
        if (shell.isDisposed()) {
            return;
        }
        Rectangle area = shell.getClientArea();
        if (!area.equals(laidOutFor)) {
            laidOutFor = area;
            shell.layout(true, true);
        }
        elapsed += CHECK_EVERY_MS;
        if (elapsed < CHECK_FOR_MS) {
            shell.getDisplay().timerExec(CHECK_EVERY_MS, this::check);
        }
    }
}
