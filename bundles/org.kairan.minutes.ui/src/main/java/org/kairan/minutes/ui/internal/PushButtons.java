package org.kairan.minutes.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.kairan.minutes.ui.MinutesUiConstants;

/** The 議事録 view's push buttons: their words, the widget id tests find them by, and what a press does. */
final class PushButtons {

    private PushButtons() {
    }

    static Button of(Composite parent, String text, String id, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(MinutesUiConstants.WIDGET_ID, id);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
