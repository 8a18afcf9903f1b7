package org.kairan.approval.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.kairan.approval.ui.internal.pdf.Glyph;
import org.kairan.approval.ui.internal.pdf.Mark;
import org.kairan.approval.ui.internal.pdf.MessagePanel;
import org.kairan.approval.ui.internal.pdf.PageCanvas;
import org.kairan.approval.ui.internal.pdf.PdfDocument;
import org.kairan.approval.ui.internal.pdf.PdfOpener;
import org.kairan.approval.ui.internal.pdf.PdfSource;
import org.kairan.approval.ui.internal.pdf.ScannedText;
import org.kairan.approval.ui.internal.pdf.ViewerToolbar;
import org.kairan.approval.ui.internal.pdf.WordMarks;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.core.documents.PageWords;

/**
 * Shows a PDF: pages one below the other in a scrolling area, a page number field with 「3 / 20 ページ」,
 * previous/next, and zoom (fit width by default, fit page, 50–400 %). Opening and rendering run in
 * background jobs, so the UI never waits for PDFBox; only the pages in view and their neighbours are
 * rendered, and a bounded number of rendered pages is kept.
 * <p>
 * A document that cannot be shown (a missing or empty file, a damaged PDF, one that needs a password)
 * gives a sentence in the viewer in place of the pages, never an exception; the viewer stays usable for
 * the next document. Disposing the viewer closes the document, cancels its jobs and disposes its images.
 * <p>
 * Keys in the page area: Page Up/Down, Home/End, the arrows and Space; Ctrl + + / Ctrl + - zoom,
 * Ctrl + 0 fits the width. Texts come from {@link Messages} ({@code @Inject @Translation Messages}).
 * <p>
 * A search hit opens at its page with the words searched for highlighted ({@link #open(Path, int, List)}): they
 * are found in the pages' text layer, the hit's page first and then the pages around it, in the background.
 * UI thread only.
 */
public final class PdfViewer extends Composite {

    /** What the viewer shows. */
    public enum State {
        /** No document (the empty state, with 「文書が選択されていません」). */
        EMPTY,
        /** A document is being opened. */
        LOADING,
        /** A document's pages. */
        SHOWING,
        /** A sentence saying why the document cannot be shown. */
        FAILED
    }

    private final Messages messages;
    private final PdfOpener opener = new PdfOpener();
    private final ViewerToolbar toolbar;
    private final Composite stack;
    private final StackLayout stackLayout = new StackLayout();
    private final PageCanvas pages;
    private final MessagePanel message;
    private State state = State.EMPTY;
    /** Pages around the hit's page in which the words are looked for (a 5,000-page file is not read whole). */
    static final int MARKED_PAGES = 200;

    /**
     * Where to open a document and what to highlight in it: page 1 and nothing for a plain open.
     *
     * @param scanned the OCR'd pages' words by page number (1-based), for pages without a text layer
     */
    private record Find(int page, List<String> words, Map<Integer, PageWords> scanned) {
        static final Find NOTHING = new Find(1, List.of(), Map.of());

        static Find of(int page, List<String> words, List<PageWords> scanned) {
            return new Find(page, List.copyOf(words), scanned.stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(PageWords::page, Function.identity(),
                            (a, b) -> a)));
        }
    }

    /** Counts open/clear calls, so that a document opened for an older call is closed, not shown. */
    private int generation;
    private Job opening;
    private Job marking;

    public PdfViewer(Composite parent, int style, Messages messages) {
        super(parent, style);
        this.messages = Objects.requireNonNull(messages, "messages");
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(this);
        toolbar = new ViewerToolbar(this, messages, new ViewerToolbar.Actions() {
            @Override
            public void previousPage() {
                showPage(getPage() - 1);
            }

            @Override
            public void nextPage() {
                showPage(getPage() + 1);
            }

            @Override
            public void goToPage(int page) {
                showPage(page);
            }

            @Override
            public void zoomIn() {
                PdfViewer.this.zoomIn();
            }

            @Override
            public void zoomOut() {
                PdfViewer.this.zoomOut();
            }

            @Override
            public void zoom(Zoom zoom) {
                setZoom(zoom);
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).applyTo(toolbar.control());
        Label line = new Label(this, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(line);

        stack = new Composite(this, SWT.NONE);
        stack.setLayout(stackLayout);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(stack);
        pages = new PageCanvas(stack, messages, this::viewChanged);
        pages.control().setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_PDF_PAGES);
        pages.control().getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = messages.pdf_pagesAccessible;
            }
        });
        message = new MessagePanel(stack);
        addListener(SWT.Dispose, e -> {
            generation++;
            closeDocument();
        });
        showMessage(messages.pdf_noDocument, State.EMPTY);
    }

    /** Opens a PDF file in the background and shows its first page (or why it cannot be shown). */
    public void open(Path file) {
        start(new PdfSource.File(Objects.requireNonNull(file, "file")), Find.NOTHING);
    }

    /** Opens a PDF held in memory (a download from the server); the viewer keeps the array, do not change it. */
    public void open(byte[] pdf) {
        start(new PdfSource.Bytes(Objects.requireNonNull(pdf, "pdf")), Find.NOTHING);
    }

    /**
     * Opens a PDF file at a page (1-based; brought into range) and highlights the words wherever they stand
     * (compared after NFKC and lower-casing, spaces ignored), bringing the first on that page into view.
     */
    public void open(Path file, int page, List<String> words) {
        open(file, page, words, List.of());
    }

    /**
     * The same, highlighting on scanned pages too: where a page has no text layer, the words are looked for in
     * what the server's OCR read there ({@code GET /api/documents/{id}/versions/{n}/words}).
     */
    public void open(Path file, int page, List<String> words, List<PageWords> scanned) {
        start(new PdfSource.File(Objects.requireNonNull(file, "file")), Find.of(page, words, scanned));
    }

    /** The same for a PDF held in memory (a scan wrapped into a PDF, say). */
    public void open(byte[] pdf, int page, List<String> words, List<PageWords> scanned) {
        start(new PdfSource.Bytes(Objects.requireNonNull(pdf, "pdf")), Find.of(page, words, scanned));
    }

    /** Whether a page (1-based) is drawn from its rendered image at the size it is shown, not a placeholder. */
    public boolean isDrawn(int page) {
        checkWidget();
        return state == State.SHOWING && pages.isRendered(page - 1);
    }

    /** How many areas are highlighted on a page (1-based); 0 before the words were looked for there. */
    public int getHighlightCount(int page) {
        checkWidget();
        return state == State.SHOWING ? pages.marks(page - 1).size() : 0;
    }

    /** Closes the document shown, if any, and shows that no document is selected. */
    public void clear() {
        checkWidget();
        generation++;
        closeDocument();
        showMessage(messages.pdf_noDocument, State.EMPTY);
    }

    /**
     * Closes the document shown, if any, and shows a sentence instead of pages — why there is nothing to show
     * (a file that is not a PDF, one that could not be fetched).
     */
    public void clear(String why) {
        checkWidget();
        generation++;
        closeDocument();
        showMessage(Objects.requireNonNull(why, "why"), State.EMPTY);
    }

    public State getState() {
        checkWidget();
        return state;
    }

    /** The sentence shown instead of pages (no document, opening, or why it cannot be shown); "" with pages. */
    public String getMessage() {
        checkWidget();
        return state == State.SHOWING ? "" : message.text();
    }

    /** Pages of the document shown; 0 without one. */
    public int getPageCount() {
        checkWidget();
        return state == State.SHOWING ? pages.pageCount() : 0;
    }

    /** The page being read, 1-based (the one taking up most of the view); 0 without a document. */
    public int getPage() {
        checkWidget();
        return state == State.SHOWING ? pages.currentPage() + 1 : 0;
    }

    /** Shows a page (1-based; brought into range) at the top of the view. */
    public void showPage(int page) {
        checkWidget();
        if (state == State.SHOWING) {
            pages.showPage(page - 1);
        }
    }

    public Zoom getZoom() {
        checkWidget();
        return pages.zoom();
    }

    /** The zoom shown in percent: a fixed zoom's, or what fit width or fit page comes to at this size. */
    public int getZoomPercent() {
        checkWidget();
        return pages.percent();
    }

    /** Sets the zoom, keeping the place being read in view. The zoom stays for the next document. */
    public void setZoom(Zoom zoom) {
        checkWidget();
        pages.setZoom(Objects.requireNonNull(zoom, "zoom"));
    }

    /** Zooms in one step (100 → 110 → 125 …, up to 400 %). */
    public void zoomIn() {
        setZoom(Zoom.largerThan(getZoomPercent()));
    }

    /** Zooms out one step (down to 50 %). */
    public void zoomOut() {
        setZoom(Zoom.smallerThan(getZoomPercent()));
    }

    /** The page area, for this bundle's tests. */
    PageCanvas pages() {
        return pages;
    }

    @Override
    public boolean setFocus() {
        checkWidget();
        return state == State.SHOWING ? pages.control().setFocus() : super.setFocus();
    }

    private void start(PdfSource source, Find find) {
        checkWidget();
        generation++;
        closeDocument();
        showMessage(messages.pdf_loading, State.LOADING);
        int ticket = generation;
        Display display = getDisplay();
        Job job = Job.create(messages.pdf_openJob, monitor -> {
            PdfOpener.Outcome outcome = opener.open(source);
            if (monitor.isCanceled()) {
                discard(outcome);
                return Status.CANCEL_STATUS;
            }
            try {
                display.asyncExec(() -> opened(ticket, outcome, find));
            } catch (SWTException e) {
                discard(outcome); // the display is gone
            }
            return Status.OK_STATUS;
        });
        job.setPriority(Job.INTERACTIVE);
        opening = job;
        job.schedule();
    }

    private void opened(int ticket, PdfOpener.Outcome outcome, Find find) {
        if (isDisposed() || ticket != generation) {
            discard(outcome);
            return;
        }
        opening = null;
        switch (outcome) {
            case PdfOpener.Opened opened -> {
                state = State.SHOWING;
                stackLayout.topControl = pages.control();
                stack.layout();
                pages.setDocument(opened.document());
                pages.showPage(find.page() - 1);
                if (!find.words().isEmpty()) {
                    mark(ticket, opened.document(), find);
                }
            }
            case PdfOpener.Failed failed -> showMessage(failed.problem().describe(messages, failed.detail()), State.FAILED);
        }
    }

    private static void discard(PdfOpener.Outcome outcome) {
        if (outcome instanceof PdfOpener.Opened opened) {
            opened.document().close();
        }
    }

    /** Looks for the words page by page in the background, the hit's page first, and highlights them. */
    private void mark(int ticket, PdfDocument document, Find find) {
        Display display = getDisplay();
        int count = document.pages().size();
        int first = Math.clamp(find.page() - 1, 0, count - 1);
        List<Integer> order = IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingInt((Integer p) -> Math.abs(p - first)).thenComparingInt(p -> p))
                .limit(MARKED_PAGES).toList();
        Job job = Job.create(messages.pdf_markJob, monitor -> {
            for (int page : order) {
                if (monitor.isCanceled() || document.isClosed()) {
                    return Status.CANCEL_STATUS;
                }
                List<Mark> found;
                try {
                    List<Glyph> glyphs = document.glyphs(page);
                    PageWords read = find.scanned().get(page + 1);
                    found = WordMarks.find(glyphs.isEmpty() && read != null ? ScannedText.glyphs(read) : glyphs,
                            find.words());
                } catch (IOException | RuntimeException e) {
                    continue; // a page whose text PDFBox cannot read is shown without highlights
                }
                int onPage = page;
                try {
                    display.asyncExec(() -> marked(ticket, document, onPage, found, onPage == first));
                } catch (SWTException e) {
                    return Status.CANCEL_STATUS; // the display is gone
                }
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setPriority(Job.SHORT);
        marking = job;
        job.schedule();
    }

    private void marked(int ticket, PdfDocument document, int page, List<Mark> found, boolean first) {
        if (isDisposed() || ticket != generation || pages.document() != document) {
            return;
        }
        pages.setMarks(page, found);
        if (first && !found.isEmpty()) {
            pages.reveal(page, found.getFirst());
        }
    }

    private void closeDocument() {
        if (marking != null) {
            marking.cancel();
            marking = null;
        }
        if (opening != null) {
            opening.cancel();
            opening = null;
        }
        PdfDocument old = pages.document();
        if (!pages.control().isDisposed()) {
            pages.setDocument(null);
        }
        if (old != null) {
            old.close();
        }
    }

    private void showMessage(String text, State newState) {
        state = newState;
        stackLayout.topControl = message.control();
        message.show(text, newState == State.FAILED);
        stack.layout(true, true);
        viewChanged();
    }

    private void viewChanged() {
        if (pages == null || toolbar == null) {
            return; // still being built
        }
        boolean showing = state == State.SHOWING;
        toolbar.show(showing ? pages.currentPage() + 1 : 0, showing ? pages.pageCount() : 0, pages.zoom(),
                pages.percent());
    }
}
