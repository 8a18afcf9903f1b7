package org.kairan.core.documents;

/**
 * The text of one page of a document version.
 *
 * @param page 1-based page number in the file (a TIFF's frame; 1 for a PNG or JPEG)
 * @param text the page's text in reading order, lines separated by {@code \n}; empty for a page without any
 * @param ocr  whether it was recognised from the page's image (no text layer) rather than read from the PDF
 */
public record TextPage(int page, String text, boolean ocr) {
    public TextPage {
        text = text == null ? "" : text;
    }
}
