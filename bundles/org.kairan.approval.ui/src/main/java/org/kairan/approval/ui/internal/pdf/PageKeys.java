package org.kairan.approval.ui.internal.pdf;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.kairan.approval.ui.Zoom;

/**
 * The keys of the page area, as in the document viewers people know: Page Up/Down (a screen, stopping at
 * page tops), Home/End, the arrows, Space; Ctrl + + / Ctrl + - to zoom, Ctrl + 0 to fit the width, and
 * Ctrl + the mouse wheel to zoom. Tab still leaves the page area.
 */
final class PageKeys {

    private final PageCanvas pages;

    PageKeys(PageCanvas pages) {
        this.pages = pages;
    }

    void attach(Canvas canvas) {
        canvas.addListener(SWT.KeyDown, this::keyDown);
        canvas.addListener(SWT.MouseWheel, this::wheel);
        canvas.addListener(SWT.Traverse, e -> {
            switch (e.detail) {
                // the arrows scroll the pages instead of moving the focus
                case SWT.TRAVERSE_ARROW_NEXT, SWT.TRAVERSE_ARROW_PREVIOUS -> e.doit = false;
                // Tab leaves the page area; Escape, Enter and mnemonics reach the dialog or window
                case SWT.TRAVERSE_TAB_NEXT, SWT.TRAVERSE_TAB_PREVIOUS, SWT.TRAVERSE_ESCAPE, SWT.TRAVERSE_RETURN,
                        SWT.TRAVERSE_MNEMONIC -> e.doit = true;
                default -> {
                    // Ctrl + Page Up/Down keep switching tabs
                }
            }
        });
    }

    private void keyDown(Event e) {
        if (pages.document() == null) {
            return;
        }
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if (ctrl) {
            zoomKey(e);
            return;
        }
        switch (e.keyCode) {
            case SWT.PAGE_DOWN -> pages.pageDown();
            case SWT.PAGE_UP -> pages.pageUp();
            case SWT.HOME -> pages.showPage(0);
            case SWT.END -> pages.end();
            case SWT.ARROW_DOWN -> pages.lineBy(1);
            case SWT.ARROW_UP -> pages.lineBy(-1);
            case SWT.ARROW_RIGHT -> pages.columnBy(1);
            case SWT.ARROW_LEFT -> pages.columnBy(-1);
            case ' ' -> {
                if ((e.stateMask & SWT.SHIFT) != 0) {
                    pages.pageUp();
                } else {
                    pages.pageDown();
                }
            }
            default -> {
                return;
            }
        }
        e.doit = false;
    }

    /** Ctrl with + (or = and ; where + is their shifted key, or the keypad's +), - or 0. */
    private void zoomKey(Event e) {
        int key = e.keyCode;
        if (key == '+' || key == '=' || key == ';' || key == SWT.KEYPAD_ADD) {
            pages.setZoom(Zoom.largerThan(pages.percent()));
        } else if (key == '-' || key == SWT.KEYPAD_SUBTRACT) {
            pages.setZoom(Zoom.smallerThan(pages.percent()));
        } else if (key == '0' || key == SWT.KEYPAD_0) {
            pages.setZoom(Zoom.FIT_WIDTH);
        } else if (key == SWT.HOME) {
            pages.showPage(0);
        } else if (key == SWT.END) {
            pages.end();
        } else {
            return;
        }
        e.doit = false;
    }

    private void wheel(Event e) {
        if (pages.document() != null && (e.stateMask & SWT.MOD1) != 0 && e.count != 0) {
            pages.setZoom(e.count > 0 ? Zoom.largerThan(pages.percent()) : Zoom.smallerThan(pages.percent()));
            e.doit = false;
        }
    }
}
