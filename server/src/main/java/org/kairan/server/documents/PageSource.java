package org.kairan.server.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** The pages of one file, opened for extraction: a PDF's text layer and page images, or a scan's frames. */
interface PageSource extends AutoCloseable {

    /**
     * A page as an image for OCR, the resolution it has, and the size of the page as a viewer draws it (a PDF's
     * crop box, turned as the page says; a scan's pixels at the resolution it records, else 72 dpi), in points:
     * what OCR finds in the image is placed on the page by scaling the image to it.
     */
    record PageImage(BufferedImage image, int dpi, float pageWidth, float pageHeight) {
    }

    int pageCount();

    /**
     * The page's text layer (lines separated by {@code \n}, trailing blanks gone), empty for an image.
     *
     * @throws ExtractionProblem CORRUPT when the page cannot be read
     */
    String text(int page) throws ExtractionProblem;

    /** Whether the page must be OCR'd: no (or almost no) text layer, and something to recognise. */
    boolean needsOcr(int page, String text);

    /**
     * The page as a grey image at 300 dpi (less for a page so large it would not fit in memory).
     *
     * @throws ExtractionProblem CORRUPT when it cannot be drawn
     */
    PageImage image(int page) throws ExtractionProblem, IOException;

    @Override
    void close() throws IOException;
}
