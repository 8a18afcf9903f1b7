package org.kairan.ui;

import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Control;

/**
 * Shows and hides a control laid out by a {@code GridLayout}: a hidden control is also taken out of the layout
 * ({@link GridData#exclude}), so no empty space is left where it was.
 */
public final class GridVisibility {

    private GridVisibility() {
    }

    /**
     * Shows or hides the control (its layout data must be a {@link GridData}).
     *
     * @return whether anything changed (the caller lays the parent out again, once for several controls)
     */
    public static boolean set(Control control, boolean visible) {
        if (control.getVisible() == visible && ((GridData) control.getLayoutData()).exclude == !visible) {
            return false;
        }
        control.setVisible(visible);
        ((GridData) control.getLayoutData()).exclude = !visible;
        return true;
    }

    /** Shows or hides the control and lays its parent out again when that changed anything. */
    public static void show(Control control, boolean visible) {
        if (set(control, visible)) {
            control.getParent().layout(true);
        }
    }
}
