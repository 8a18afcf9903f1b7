package org.kairan.approval.ui.internal.pdf;

import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.OptionalInt;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.Zoom;
import org.kairan.approval.ui.nls.Messages;

/**
 * The row above the pages: previous/next page, the page number field with 「/ 20 ページ」, and zoom out,
 * the zoom box (幅に合わせる, ページ全体, 50–400 %, or a typed number) and zoom in.
 */
public final class ViewerToolbar {

    /** What the toolbar's controls do. */
    public interface Actions {
        void previousPage();

        void nextPage();

        /** Go to a page, 1-based as typed. */
        void goToPage(int page);

        void zoomIn();

        void zoomOut();

        void zoom(Zoom zoom);
    }

    private final Composite bar;
    private final Messages messages;
    private final Actions actions;
    private final Button previous;
    private final Button next;
    private final Text pageNumber;
    private final Label pageCount;
    private final Button zoomOut;
    private final Combo zoomBox;
    private final Button zoomIn;
    private final int[] steps = Zoom.steps();
    private int shownPage;
    private int shownCount;
    private Zoom shownZoom = Zoom.FIT_WIDTH;
    private int shownPercent = 100;

    public ViewerToolbar(Composite parent, Messages messages, Actions actions) {
        this.messages = messages;
        this.actions = actions;
        bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(8).margins(6, 3).applyTo(bar);
        previous = arrow(SWT.UP, messages.pdf_previousPage, ApprovalUiConstants.ID_PDF_PREVIOUS);
        previous.addListener(SWT.Selection, e -> actions.previousPage());
        next = arrow(SWT.DOWN, messages.pdf_nextPage, ApprovalUiConstants.ID_PDF_NEXT);
        next.addListener(SWT.Selection, e -> actions.nextPage());

        pageNumber = new Text(bar, SWT.BORDER | SWT.RIGHT | SWT.SINGLE);
        pageNumber.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_PDF_PAGE_NUMBER);
        pageNumber.setToolTipText(messages.pdf_pageNumberTooltip);
        GridDataFactory.swtDefaults().hint(gcWidth("00000") + 12, SWT.DEFAULT).applyTo(pageNumber);
        pageNumber.addListener(SWT.DefaultSelection, e -> {
            number(pageNumber.getText()).ifPresent(actions::goToPage);
            showPageNumber(); // the page gone to, or the page before a number that was no number
        });
        pageNumber.addListener(SWT.FocusOut, e -> showPageNumber());

        pageCount = new Label(bar, SWT.NONE);
        pageCount.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_PDF_PAGE_COUNT);
        GridDataFactory.swtDefaults().grab(true, false).applyTo(pageCount);

        zoomOut = push("−", messages.pdf_zoomOut, ApprovalUiConstants.ID_PDF_ZOOM_OUT);
        zoomOut.addListener(SWT.Selection, e -> actions.zoomOut());
        zoomBox = new Combo(bar, SWT.DROP_DOWN);
        zoomBox.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_PDF_ZOOM);
        zoomBox.setToolTipText(messages.pdf_zoomTooltip);
        zoomBox.add(messages.pdf_fitWidth);
        zoomBox.add(messages.pdf_fitPage);
        for (int step : steps) {
            zoomBox.add(MessageFormat.format(messages.pdf_zoomPercent, step));
        }
        zoomBox.addListener(SWT.Selection, e -> chosenZoom(zoomBox.getSelectionIndex()));
        zoomBox.addListener(SWT.DefaultSelection, e -> typedZoom());
        zoomIn = push("+", messages.pdf_zoomIn, ApprovalUiConstants.ID_PDF_ZOOM_IN);
        zoomIn.addListener(SWT.Selection, e -> actions.zoomIn());
        show(0, 0, Zoom.FIT_WIDTH, 100);
    }

    public Composite control() {
        return bar;
    }

    /** Shows the page being read (1-based) of {@code count}, and the zoom; 0 pages disables everything. */
    public void show(int page, int count, Zoom zoom, int percent) {
        shownPage = page;
        shownCount = count;
        shownZoom = zoom;
        shownPercent = percent;
        boolean document = count > 0;
        String number = document ? Integer.toString(page) : "";
        if (!pageNumber.getText().equals(number) && !pageNumber.isFocusControl()) {
            pageNumber.setText(number);
        }
        String countText = document ? MessageFormat.format(messages.pdf_pageCount, count) : "";
        boolean countChanged = !pageCount.getText().equals(countText);
        pageCount.setText(countText);
        String indicator = document ? MessageFormat.format(messages.pdf_pageIndicator, page, count) : "";
        pageNumber.setToolTipText(document ? indicator + " — " + messages.pdf_pageNumberTooltip : messages.pdf_pageNumberTooltip);
        String zoomText = switch (zoom.mode()) {
            case FIT_WIDTH -> messages.pdf_fitWidth;
            case FIT_PAGE -> messages.pdf_fitPage;
            case PERCENT -> MessageFormat.format(messages.pdf_zoomPercent, zoom.percent());
        };
        if (!zoomBox.getText().equals(zoomText)) {
            zoomBox.setText(zoomText);
        }
        zoomBox.setToolTipText(messages.pdf_zoomTooltip + " — " + MessageFormat.format(messages.pdf_zoomPercent, percent));
        previous.setEnabled(document && page > 1);
        next.setEnabled(document && page < count);
        pageNumber.setEnabled(document);
        zoomBox.setEnabled(document);
        zoomOut.setEnabled(document && percent > Zoom.MIN_PERCENT);
        zoomIn.setEnabled(document && percent < Zoom.MAX_PERCENT);
        if (countChanged) {
            bar.layout(new Control[] { pageCount });
        }
    }

    private Button arrow(int direction, String tooltip, String id) {
        Button button = new Button(bar, SWT.ARROW | direction);
        button.setToolTipText(tooltip);
        button.setData(ApprovalUiConstants.WIDGET_ID, id);
        return button;
    }

    private Button push(String text, String tooltip, String id) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.setData(ApprovalUiConstants.WIDGET_ID, id);
        return button;
    }

    private int gcWidth(String sample) {
        GC gc = new GC(bar);
        try {
            return gc.textExtent(sample).x;
        } finally {
            gc.dispose();
        }
    }

    private void showPageNumber() {
        pageNumber.setText(shownPage > 0 ? Integer.toString(shownPage) : "");
    }

    private void chosenZoom(int index) {
        if (index == 0) {
            actions.zoom(Zoom.FIT_WIDTH);
        } else if (index == 1) {
            actions.zoom(Zoom.FIT_PAGE);
        } else if (index >= 2 && index - 2 < steps.length) {
            actions.zoom(Zoom.percent(steps[index - 2]));
        }
    }

    private void typedZoom() {
        String text = zoomBox.getText().strip();
        if (text.equals(messages.pdf_fitWidth)) {
            actions.zoom(Zoom.FIT_WIDTH);
        } else if (text.equals(messages.pdf_fitPage)) {
            actions.zoom(Zoom.FIT_PAGE);
        } else {
            // not a number: show the zoom in force again
            number(text).ifPresentOrElse(percent -> actions.zoom(Zoom.percent(percent)),
                    () -> show(shownPage, shownCount, shownZoom, shownPercent));
        }
    }

    /** A number typed in half- or full-width digits, with or without 「%」 or spaces. */
    static OptionalInt number(String typed) {
        String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC).replace("%", "").strip();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
