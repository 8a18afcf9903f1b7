package org.kairan.server.documents;

import java.awt.Dimension;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

import org.kairan.core.documents.PageWords;

/**
 * The words Tesseract found on a page image (its {@code tsv} output: the rows of level 5 are words, with their
 * box in the image's pixels and a confidence), and their place on the page as a viewer draws it: the image OCR
 * read may have been turned straight ({@link Deskew}), so each box's corners are turned back about the image's
 * centre and the box that holds them is taken, then scaled from the image's pixels to the page's points.
 */
final class RecognisedWords {

    /** The level of a word's row in Tesseract's TSV (1 page, 2 block, 3 paragraph, 4 line). */
    private static final String WORD_LEVEL = "5";
    private static final int COLUMNS = 12;

    /** A word's box in the pixels of the image Tesseract read, origin top left. */
    record PixelBox(String text, int left, int top, int width, int height) {
    }

    private RecognisedWords() {
    }

    /** The words of Tesseract's TSV, in its reading order; rows without text or confidence are left out. */
    static List<PixelBox> parse(String tsv) {
        List<PixelBox> words = new ArrayList<>();
        for (String row : tsv.split("\\R")) {
            String[] cells = row.split("\t", COLUMNS);
            if (cells.length < COLUMNS || !cells[0].equals(WORD_LEVEL)) {
                continue;
            }
            String text = cells[11].strip();
            try {
                if (text.isEmpty() || Double.parseDouble(cells[10]) < 0) {
                    continue;
                }
                words.add(new PixelBox(text, Integer.parseInt(cells[6]), Integer.parseInt(cells[7]),
                        Integer.parseInt(cells[8]), Integer.parseInt(cells[9])));
            } catch (NumberFormatException e) {
                // not a row of words
            }
        }
        return words;
    }

    /**
     * The words placed on the page.
     *
     * @param image       the size in pixels of the image that was drawn for OCR (before it was turned straight:
     *                    both have the same size)
     * @param turned      the angle the image was turned straight by ({@link Deskew.Skew#applied()}), 0 if it was not
     * @param pageWidth   the page's width in points
     * @param pageHeight  the page's height in points
     */
    static PageWords placed(int page, List<PixelBox> boxes, Dimension image, double turned, float pageWidth,
            float pageHeight) {
        AffineTransform back = AffineTransform.getRotateInstance(Math.toRadians(turned), image.width / 2.0,
                image.height / 2.0);
        double sx = pageWidth / image.width;
        double sy = pageHeight / image.height;
        List<PageWords.Word> words = new ArrayList<>(boxes.size());
        for (PixelBox box : boxes) {
            double[] corners = {box.left(), box.top(), box.left() + box.width(), box.top(),
                box.left(), box.top() + box.height(), box.left() + box.width(), box.top() + box.height()};
            back.transform(corners, 0, corners, 0, 4);
            double left = Double.MAX_VALUE;
            double top = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (int i = 0; i < corners.length; i += 2) {
                left = Math.min(left, corners[i]);
                right = Math.max(right, corners[i]);
                top = Math.min(top, corners[i + 1]);
                bottom = Math.max(bottom, corners[i + 1]);
            }
            double x = clamp(left * sx, pageWidth);
            double y = clamp(top * sy, pageHeight);
            words.add(new PageWords.Word(box.text(), tenth(x), tenth(y), tenth(clamp(right * sx, pageWidth) - x),
                    tenth(clamp(bottom * sy, pageHeight) - y)));
        }
        return new PageWords(page, pageWidth, pageHeight, words);
    }

    private static double clamp(double value, float limit) {
        return Math.max(0, Math.min(limit, value));
    }

    /** Points to a tenth (a tenth of a point is far below what a highlight shows; the JSON stays short). */
    private static float tenth(double points) {
        return Math.round(points * 10) / 10f;
    }
}
