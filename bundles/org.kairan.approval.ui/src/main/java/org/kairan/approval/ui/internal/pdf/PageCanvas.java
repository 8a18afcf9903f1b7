package org.kairan.approval.ui.internal.pdf;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.ScrollBar;
import org.kairan.approval.ui.Zoom;
import org.kairan.approval.ui.nls.Messages;

/**
 * The scrolling area of the PDF viewer: pages one below the other, drawn from {@link PageImages}, with a
 * white placeholder while a page is being rendered. Scrolls with its own scroll bars (a child as tall as
 * the document would pass X11's 32767-pixel limit), asks {@link PageRendering} for the pages in view and
 * their neighbours only, and keeps the page being read in place when the zoom or the size changes.
 */
public final class PageCanvas {

    /** Pages above and below the viewport rendered ahead, so scrolling on finds them ready. */
    static final int PREFETCH = 1;
    /** Largest image rendered for one page; beyond it the image is drawn enlarged (A3 at 400 %). */
    static final long MAX_RENDER_PIXELS = 24L * 1024 * 1024;
    private static final int LINE = 40;
    private static final Color DESK = new Color(0x6E, 0x73, 0x78);
    private static final Color EDGE = new Color(0x45, 0x48, 0x4C);
    /** Highlighter yellow, laid over the page at {@link #MARK_ALPHA} so the words stay legible. */
    private static final Color MARK = new Color(0xFF, 0xD0, 0x00);
    private static final int MARK_ALPHA = 110;

    private final Canvas canvas;
    private final Display display;
    private final Messages messages;
    private final PageRendering rendering;
    private final PageImages images;
    private final Map<Integer, Integer> failed = new HashMap<>();
    private final Map<Integer, List<Mark>> marks = new HashMap<>();
    private final Runnable viewChanged;
    private PdfDocument document;
    private Zoom zoom = Zoom.FIT_WIDTH;
    private PageLayout layout;
    private int scrollX;
    private int scrollY;

    /** @param viewChanged told after every scroll, zoom or document change (to update the page indicator) */
    public PageCanvas(Composite parent, Messages messages, Runnable viewChanged) {
        this.messages = messages;
        this.viewChanged = viewChanged;
        this.canvas = new Canvas(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.display = parent.getDisplay();
        this.rendering = new PageRendering(messages.pdf_renderJob, messages.pdf_pageLoading, this::onUiThread,
                new PageRendering.Delivery() {
                    @Override
                    public void rendered(PdfDocument from, PageRendering.Request request, ImageData data) {
                        accept(from, request, data);
                    }

                    @Override
                    public void failed(PdfDocument from, PageRendering.Request request) {
                        reject(from, request);
                    }
                });
        this.images = new PageImages((page, width) -> {
            if (document != null) {
                rendering.forget(document, new PageRendering.Request(page, width));
            }
        });
        canvas.addListener(SWT.Paint, e -> paint(e.gc, new Rectangle(e.x, e.y, e.width, e.height)));
        canvas.addListener(SWT.Resize, e -> relayout());
        canvas.addListener(SWT.MouseDown, e -> canvas.setFocus());
        canvas.addListener(SWT.Dispose, e -> release());
        canvas.getVerticalBar().addListener(SWT.Selection, e -> scrollTo(scrollX, canvas.getVerticalBar().getSelection()));
        canvas.getHorizontalBar().addListener(SWT.Selection, e -> scrollTo(canvas.getHorizontalBar().getSelection(), scrollY));
        new PageKeys(this).attach(canvas);
        relayout();
    }

    public Canvas control() {
        return canvas;
    }

    /** The rendering job, for tests that wait until it is idle. */
    public PageRendering rendering() {
        return rendering;
    }

    /** Shows another document (or none), from its first page; the caller closes the old one. */
    public void setDocument(PdfDocument newDocument) {
        rendering.stop();
        images.clear();
        failed.clear();
        marks.clear();
        document = newDocument;
        layout = null; // nothing of the old document's place to keep
        scrollX = 0;
        scrollY = 0;
        relayout();
    }

    public PdfDocument document() {
        return document;
    }

    public int pageCount() {
        return document == null ? 0 : layout.pageCount();
    }

    /** The page being read, 0-based; -1 without a document. */
    public int currentPage() {
        return document == null ? -1 : layout.currentPage(scrollY, viewport().height);
    }

    public Zoom zoom() {
        return zoom;
    }

    /** Highlights areas of a page (0-based) of the document shown, replacing what it had. */
    public void setMarks(int page, List<Mark> onPage) {
        if (document != null && page >= 0 && page < layout.pageCount()) {
            marks.put(page, List.copyOf(onPage));
            redrawPage(page);
        }
    }

    /** The areas highlighted on a page (0-based). */
    public List<Mark> marks(int page) {
        return marks.getOrDefault(page, List.of());
    }

    /** Scrolls an area of a page (0-based) into view, a third of the way down, unless it is in view already. */
    public void reveal(int page, Mark mark) {
        if (document == null || page < 0 || page >= layout.pageCount()) {
            return;
        }
        PageLayout.Box box = layout.box(page);
        int top = box.y() + (int) (mark.y() * box.height());
        int bottom = top + (int) Math.ceil(mark.height() * box.height());
        int height = viewport().height;
        int left = box.x() + (int) (mark.x() * box.width());
        int width = viewport().width;
        int x = left < scrollX || left > scrollX + width - 40 ? left - width / 4 : scrollX;
        if (top < scrollY || bottom > scrollY + height || x != scrollX) {
            scrollTo(x, top < scrollY || bottom > scrollY + height ? top - height / 3 : scrollY);
        }
    }

    /** The zoom shown now in percent (what fit width or fit page came to). */
    public int percent() {
        return layout.percent();
    }

    /** The page layout in use, for tests. */
    public PageLayout layout() {
        return layout;
    }

    /** Whether a page (0-based) is drawn from an image rendered for its present size. */
    public boolean isRendered(int page) {
        return document != null && page >= 0 && page < layout.pageCount() && images.width(page) == renderWidth(page);
    }

    /** How far the pages are scrolled down, in pixels. */
    public int scrollY() {
        return scrollY;
    }

    /** The page images held now, for tests. */
    public PageImages images() {
        return images;
    }

    public void setZoom(Zoom newZoom) {
        this.zoom = newZoom;
        relayout();
    }

    /** Shows a page (0-based, brought into range) at the top of the viewport. */
    public void showPage(int page) {
        if (document != null) {
            scrollTo(scrollX, layout.topOf(Math.clamp(page, 0, layout.pageCount() - 1)));
        }
    }

    void pageDown() {
        scrollTo(scrollX, layout.pageDownFrom(scrollY, viewport().height));
    }

    void pageUp() {
        scrollTo(scrollX, layout.pageUpFrom(scrollY, viewport().height));
    }

    void lineBy(int lines) {
        scrollTo(scrollX, scrollY + lines * LINE);
    }

    void columnBy(int columns) {
        scrollTo(scrollX + columns * LINE, scrollY);
    }

    void end() {
        scrollTo(scrollX, layout.contentHeight());
    }

    private Rectangle viewport() {
        return canvas.getClientArea();
    }

    /** Lays the pages out again for the zoom and size, keeping the point being read where it was. */
    private void relayout() {
        Rectangle view = viewport();
        int page = layout == null ? -1 : layout.currentPage(scrollY, view.height);
        double within = page < 0 ? 0 : (scrollY - layout.box(page).y()) / (double) layout.box(page).height();
        double across = layout == null || layout.contentWidth() <= view.width ? 0.5
                : (scrollX + view.width / 2.0) / layout.contentWidth();
        layout = new PageLayout(document == null ? List.of() : document.pages(), zoom, view.width, view.height);
        int x = (int) Math.round(across * layout.contentWidth() - view.width / 2.0);
        int y = page < 0 || page >= layout.pageCount() ? 0 : layout.box(page).y() + (int) Math.round(within * layout.box(page).height());
        scrollTo(x, y);
    }

    private void scrollTo(int x, int y) {
        Rectangle view = viewport();
        scrollX = Math.clamp(x, 0, Math.max(0, layout.contentWidth() - view.width));
        scrollY = Math.clamp(y, 0, Math.max(0, layout.contentHeight() - view.height));
        updateScrollBars(view);
        canvas.redraw();
        requestPages();
        viewChanged.run();
    }

    private void updateScrollBars(Rectangle view) {
        ScrollBar vertical = canvas.getVerticalBar();
        vertical.setValues(scrollY, 0, Math.max(1, layout.contentHeight()), Math.max(1, view.height), LINE,
                Math.max(1, view.height - LINE));
        vertical.setEnabled(layout.contentHeight() > view.height);
        ScrollBar horizontal = canvas.getHorizontalBar();
        horizontal.setValues(scrollX, 0, Math.max(1, layout.contentWidth()), Math.max(1, view.width), LINE,
                Math.max(1, view.width - LINE));
        horizontal.setVisible(layout.contentWidth() > view.width);
    }

    /** The width a page is rendered at: its width on screen, less when that would be an enormous image. */
    private int renderWidth(int page) {
        PageLayout.Box box = layout.box(page);
        long pixels = (long) box.width() * box.height();
        return pixels <= MAX_RENDER_PIXELS ? box.width()
                : Math.max(1, (int) (box.width() * Math.sqrt((double) MAX_RENDER_PIXELS / pixels)));
    }

    /** Asks for the pages in view (the page being read first) and one on either side; lets far ones go. */
    private void requestPages() {
        if (document == null) {
            return;
        }
        View view = view();
        Set<Integer> wanted = new LinkedHashSet<>();
        wanted.add(view.current());
        for (int page = view.first(); page <= view.last(); page++) {
            wanted.add(page);
        }
        for (int d = 1; d <= PREFETCH; d++) {
            wanted.add(view.last() + d);
            wanted.add(view.first() - d);
        }
        List<PageRendering.Request> requests = new ArrayList<>();
        for (int page : wanted) {
            if (page < 0 || page >= layout.pageCount()) {
                continue;
            }
            int width = renderWidth(page);
            if (images.width(page) != width && failed.getOrDefault(page, -1) != width) {
                requests.add(new PageRendering.Request(page, width));
            }
        }
        rendering.request(document, requests);
        images.trim(view.current(), view.first() - PREFETCH, view.last() + PREFETCH);
    }

    /** The page being read and the first and last page in view (0-based). */
    private record View(int current, int first, int last) {
    }

    private View view() {
        int height = viewport().height;
        int[] inView = layout.pagesBetween(scrollY, scrollY + Math.max(1, height));
        int current = layout.currentPage(scrollY, height);
        return inView.length == 0 ? new View(current, current, current)
                : new View(current, inView[0], inView[inView.length - 1]);
    }

    private void accept(PdfDocument from, PageRendering.Request request, ImageData data) {
        if (canvas.isDisposed() || from != document || request.page() >= layout.pageCount()) {
            return;
        }
        int wanted = renderWidth(request.page());
        if (request.width() != wanted && images.width(request.page()) == wanted) {
            rendering.forget(document, request); // rendered for a zoom left since; the page has a sharper image
            return;
        }
        images.put(request.page(), request.width(), new Image(display, data));
        failed.remove(request.page());
        View view = view();
        images.trim(view.current(), view.first() - PREFETCH, view.last() + PREFETCH);
        redrawPage(request.page());
    }

    private void reject(PdfDocument from, PageRendering.Request request) {
        if (canvas.isDisposed() || from != document) {
            return;
        }
        failed.put(request.page(), request.width());
        redrawPage(request.page());
    }

    private void redrawPage(int page) {
        if (page < layout.pageCount()) {
            PageLayout.Box box = layout.box(page);
            canvas.redraw(box.x() - scrollX - 1, box.y() - scrollY - 1, box.width() + 4, box.height() + 4, false);
        }
    }

    private void paint(GC gc, Rectangle clip) {
        gc.setBackground(DESK);
        gc.fillRectangle(clip);
        if (document == null) {
            return;
        }
        for (int page : layout.pagesBetween(scrollY + clip.y, scrollY + clip.y + clip.height)) {
            PageLayout.Box box = layout.box(page);
            int x = box.x() - scrollX;
            int y = box.y() - scrollY;
            gc.setBackground(EDGE);
            gc.fillRectangle(x + 2, y + 2, box.width(), box.height()); // a shadow lifting the page off the desk
            Image image = images.image(page);
            if (image == null) {
                placeholder(gc, page, x, y, box);
                continue;
            }
            Rectangle size = image.getBounds();
            if (size.width == box.width() && size.height == box.height()) {
                gc.drawImage(image, x, y);
            } else {
                gc.drawImage(image, 0, 0, size.width, size.height, x, y, box.width(), box.height());
            }
            highlight(gc, marks.getOrDefault(page, List.of()), x, y, box);
        }
    }

    private static void highlight(GC gc, List<Mark> onPage, int x, int y, PageLayout.Box box) {
        if (onPage.isEmpty()) {
            return;
        }
        gc.setAlpha(MARK_ALPHA);
        gc.setBackground(MARK);
        for (Mark mark : onPage) {
            int left = x + (int) Math.floor(mark.x() * box.width()) - 1;
            int top = y + (int) Math.floor(mark.y() * box.height()) - 1;
            gc.fillRectangle(left, top, (int) Math.ceil(mark.width() * box.width()) + 2,
                    (int) Math.ceil(mark.height() * box.height()) + 2);
        }
        gc.setAlpha(255);
    }

    private void placeholder(GC gc, int page, int x, int y, PageLayout.Box box) {
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(x, y, box.width(), box.height());
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
        String text = failed.containsKey(page) ? messages.pdf_errorPage
                : MessageFormat.format(messages.pdf_pageLoading, page + 1);
        Point extent = gc.textExtent(text);
        gc.drawText(text, x + Math.max(4, (box.width() - extent.x) / 2), y + Math.max(4, Math.min(box.height() / 3,
                box.height() - extent.y - 4)), true);
    }

    /** Runs a rendering result on the UI thread; called from the rendering job. */
    private void onUiThread(Runnable runnable) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(runnable);
        } catch (org.eclipse.swt.SWTException e) {
            // the display went away meanwhile: nothing left to show the page on
        }
    }

    private void release() {
        rendering.stop();
        images.clear();
        document = null;
    }
}
