package org.kairan.approval.ui.internal.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * An open PDF and its renderer. PDFBox documents are not thread-safe: every page is rendered under one
 * lock, and {@link #close()} from any thread closes the document at once when no page is being rendered,
 * otherwise right after that page (the file handle must not outlive the viewer, and closing must never
 * make the UI thread wait for a render).
 */
public final class PdfDocument implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PdfDocument.class.getName());

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final List<PageSize> pages;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closeRequested;
    private boolean closed;

    PdfDocument(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true); // scans shown smaller than their resolution decode faster
        List<PageSize> sizes = new ArrayList<>(document.getNumberOfPages());
        for (PDPage page : document.getPages()) {
            sizes.add(shownSize(page));
        }
        this.pages = List.copyOf(sizes);
    }

    private static PageSize shownSize(PDPage page) {
        PDRectangle box = page.getCropBox();
        double width = Math.max(1, Math.abs(box.getWidth()));
        double height = Math.max(1, Math.abs(box.getHeight()));
        int rotation = Math.floorMod(page.getRotation(), 360);
        return rotation == 90 || rotation == 270 ? new PageSize(height, width) : new PageSize(width, height);
    }

    /** The size of every page as shown (rotation applied), in points. */
    public List<PageSize> pages() {
        return pages;
    }

    public boolean isClosed() {
        return closeRequested;
    }

    /**
     * Renders a page (0-based) {@code widthPixels} wide, as RGB on white, or returns null when the document
     * was closed meanwhile.
     */
    public BufferedImage render(int page, int widthPixels) throws IOException {
        lock.lock();
        try {
            if (closeRequested) {
                return null;
            }
            float scale = (float) (widthPixels / pages.get(page).width());
            return renderer.renderImage(page, scale, ImageType.RGB, RenderDestination.VIEW);
        } finally {
            lock.unlock();
            if (closeRequested) {
                closeIfIdle();
            }
        }
    }

    /**
     * The characters of a page's text layer (0-based page) and where they stand; none for a scanned page, or
     * when the document was closed meanwhile.
     */
    public List<Glyph> glyphs(int page) throws IOException {
        lock.lock();
        try {
            return closeRequested ? List.of() : PageText.glyphs(document, page, pages.get(page));
        } finally {
            lock.unlock();
            if (closeRequested) {
                closeIfIdle();
            }
        }
    }

    @Override
    public void close() {
        closeRequested = true;
        closeIfIdle();
    }

    private void closeIfIdle() {
        if (!lock.tryLock()) {
            return; // the render in progress closes it when it ends
        }
        try {
            if (!closed) {
                closed = true;
                document.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a PDF failed", e);
        } finally {
            lock.unlock();
        }
    }
}
