package org.kairan.core.documents;

import java.util.List;

/**
 * Where OCR found each word of one page of a document version, so that a viewer drawing the original page can
 * put a highlight on a word the search matched (a page with a text layer has its own positions and is not
 * described here). Coordinates are in PDF points of the page as the desktop draws it, origin at the top left,
 * y downwards: for a PDF its crop box (turned as the page says), for a scanned image its pixels at the resolution
 * the file records (72 dpi when it records none).
 *
 * @param page   1-based page number in the file (a TIFF's frame; 1 for a PNG or JPEG)
 * @param width  the page's width in points
 * @param height the page's height in points
 * @param words  the words recognised, in Tesseract's reading order
 */
public record PageWords(int page, float width, float height, List<Word> words) {

    public PageWords {
        words = words == null ? List.of() : List.copyOf(words);
    }

    /**
     * One recognised word and the rectangle that holds it on the page (for Japanese often a few characters, or
     * one; a word of 縦書き text is a tall box).
     *
     * @param text   the word as recognised (the page's text has the same words, with spaces between them)
     * @param x      left edge, points from the page's left
     * @param y      top edge, points from the page's top
     * @param width  in points
     * @param height in points
     */
    public record Word(String text, float x, float y, float width, float height) {
    }
}
