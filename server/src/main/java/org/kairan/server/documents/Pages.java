package org.kairan.server.documents;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.LibraryFiles;
import org.kairan.server.files.LibraryFileCheck;

/**
 * Opens a kept file for extraction, by its content (a PDF, an image, a Word or Excel file); what cannot be opened
 * fails with its reason.
 */
final class Pages {

    /** The resolution pages are rendered at for OCR. */
    static final int OCR_DPI = 300;
    /** A page image is never larger than this (an A4 page at 300 dpi has 8.7 million pixels; A0 would have 140). */
    static final long MAX_PIXELS = 40_000_000L;
    /** A text layer with fewer visible characters than this is "almost none": the page is OCR'd. */
    static final int MIN_TEXT_LAYER = 10;

    private Pages() {
    }

    /**
     * @param mediaType the type recorded at upload (used when the content says nothing)
     * @throws ExtractionProblem EMPTY, UNSUPPORTED, CORRUPT, ENCRYPTED, NO_PAGES or TOO_MANY_PAGES
     */
    static PageSource open(Path file, String mediaType, int maxPages) throws ExtractionProblem, IOException {
        if (!Files.exists(file)) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, "ファイルがサーバーに見つかりません"
                    + " (the stored file is missing)");
        }
        if (Files.size(file) == 0) {
            throw new ExtractionProblem(ExtractionFailure.EMPTY, "空のファイル（0バイト）です。内容のあるファイルを新しい版"
                    + "として登録してください (the file is empty)");
        }
        Optional<String> type = LibraryFileCheck.mediaTypeByContent(file);
        if (type.isEmpty() && LibraryFiles.isOffice(mediaType)) {
            type = Optional.of(mediaType); // a password-protected or damaged one: opening it says which
        }
        if (type.isEmpty()) {
            if (LibraryFiles.PDF.equals(mediaType)) {
                throw new ExtractionProblem(ExtractionFailure.CORRUPT, "PDFとして読めません。ファイルが壊れています"
                        + " (not a readable PDF)");
            }
            if (LibraryFiles.accepts(mediaType)) {
                throw new ExtractionProblem(ExtractionFailure.CORRUPT, "画像として読めません。ファイルが壊れています"
                        + " (not a readable image)");
            }
            throw new ExtractionProblem(ExtractionFailure.UNSUPPORTED, "PDF、画像（PNG・JPEG・TIFF）、Word・Excel"
                    + "（.docx・.xlsx）のどれでもないため、文字を取り出せません (neither a PDF, an image nor a .docx or .xlsx)");
        }
        PageSource source = LibraryFiles.PDF.equals(type.get()) ? PdfPages.open(file)
                : LibraryFiles.isOffice(type.get()) ? OfficePages.open(file, type.get()) : ImagePages.open(file);
        try {
            if (source.pageCount() > maxPages) {
                throw new ExtractionProblem(ExtractionFailure.TOO_MANY_PAGES, String.format("%,dページあり、文字を取り出せる"
                        + "上限（%,dページ）を超えています。分冊して登録してください (%d pages, more than the limit of %d)",
                        source.pageCount(), maxPages, source.pageCount(), maxPages));
            }
            return source;
        } catch (ExtractionProblem | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Visible characters of a text (whitespace does not count). */
    static int visibleCharacters(String text) {
        return (int) text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).count();
    }

    /** The text with unified line ends, lines without trailing blanks, no blank lines at either end. */
    static String normalised(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }

    /** The image as 8-bit grey (itself when it already is). */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    /** The resolution to draw a page of this size at: 300 dpi, or less when that would pass {@link #MAX_PIXELS}. */
    static int dpiFor(float widthPoints, float heightPoints) {
        double pixelsAt300 = (widthPoints / 72.0 * OCR_DPI) * (heightPoints / 72.0 * OCR_DPI);
        if (pixelsAt300 <= MAX_PIXELS) {
            return OCR_DPI;
        }
        return Math.max(72, (int) Math.floor(OCR_DPI * Math.sqrt(MAX_PIXELS / pixelsAt300)));
    }
}
