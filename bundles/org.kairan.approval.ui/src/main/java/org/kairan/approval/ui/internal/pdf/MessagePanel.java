package org.kairan.approval.ui.internal.pdf;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.approval.ui.ApprovalUiConstants;

/**
 * What the viewer shows in place of pages: one sentence in the middle (no document, opening, or why the
 * document cannot be shown), with a warning sign when something is wrong. Long sentences wrap.
 */
public final class MessagePanel {

    private static final int MARGIN = 24;

    private final Composite panel;
    private final Label icon;
    private final Label message;

    public MessagePanel(Composite parent) {
        panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(MARGIN, MARGIN).applyTo(panel);
        Composite line = new Composite(panel, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).grab(true, true).applyTo(line);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 0).applyTo(line);
        icon = new Label(line, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).exclude(true).applyTo(icon);
        message = new Label(line, SWT.WRAP);
        message.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_PDF_MESSAGE);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(message);
        panel.addListener(SWT.Resize, e -> fitWidth());
    }

    public Composite control() {
        return panel;
    }

    public String text() {
        return message.getText();
    }

    /** Shows a sentence, with a warning sign when {@code warning}. */
    public void show(String text, boolean warning) {
        message.setText(text);
        icon.setImage(warning ? panel.getDisplay().getSystemImage(SWT.ICON_WARNING) : null);
        ((GridData) icon.getLayoutData()).exclude = !warning;
        icon.setVisible(warning);
        fitWidth();
    }

    /** One line when it fits, else wrapped to the panel's width. */
    private void fitWidth() {
        int iconWidth = icon.getVisible() ? icon.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 12 : 0;
        int room = Math.max(120, panel.getClientArea().width - 2 * MARGIN - iconWidth);
        ((GridData) message.getLayoutData()).widthHint = Math.min(room, message.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        panel.layout(true, true);
    }
}
