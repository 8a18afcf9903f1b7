package org.kairan.server.documents;

import java.time.Duration;
import java.util.Objects;

/**
 * The document library's text extraction (properties in brackets, see ServerConfigReader).
 *
 * @param maxPages   a file with more pages fails its extraction at once [kairan.documents.maxPages]
 * @param ocr        pages without a text layer and scanned images are OCR'd [kairan.documents.ocr]
 * @param tesseract  the Tesseract command, a name on the PATH or a path [kairan.documents.tesseract]
 * @param languages  Tesseract's {@code -l} languages [kairan.documents.languages]
 * @param ocrTimeout the most one page's OCR may take [kairan.documents.ocrTimeoutSeconds]
 * @param slice      how long one document is worked on before newer ones waiting get their turn (a long scan
 *                   then goes on after them) [kairan.documents.sliceSeconds]
 */
public record DocumentSettings(int maxPages, boolean ocr, String tesseract, String languages, Duration ocrTimeout,
        Duration slice) {

    public static final int DEFAULT_MAX_PAGES = 2_000;
    public static final String DEFAULT_TESSERACT = "tesseract";
    public static final String DEFAULT_LANGUAGES = "jpn+jpn_vert";
    public static final Duration DEFAULT_OCR_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SLICE = Duration.ofSeconds(30);

    public DocumentSettings {
        Objects.requireNonNull(ocrTimeout, "ocrTimeout");
        Objects.requireNonNull(slice, "slice");
        if (maxPages < 1) {
            throw new IllegalArgumentException("kairan.documents.maxPages must be at least 1, was " + maxPages);
        }
        if (tesseract == null || tesseract.isBlank()) {
            throw new IllegalArgumentException("kairan.documents.tesseract must name the tesseract command");
        }
        if (languages == null || !languages.strip().matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException("kairan.documents.languages must be Tesseract languages joined by +,"
                    + " e.g. jpn+jpn_vert, was \"" + languages + "\"");
        }
        if (ocrTimeout.isNegative() || ocrTimeout.isZero() || slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("kairan.documents.ocrTimeoutSeconds and sliceSeconds must be positive");
        }
        tesseract = tesseract.strip();
        languages = languages.strip();
    }

    public static DocumentSettings defaults() {
        return new DocumentSettings(DEFAULT_MAX_PAGES, true, DEFAULT_TESSERACT, DEFAULT_LANGUAGES, DEFAULT_OCR_TIMEOUT,
                DEFAULT_SLICE);
    }

    public DocumentSettings withMaxPages(int value) {
        return new DocumentSettings(value, ocr, tesseract, languages, ocrTimeout, slice);
    }

    public DocumentSettings withOcr(boolean value) {
        return new DocumentSettings(maxPages, value, tesseract, languages, ocrTimeout, slice);
    }

    public DocumentSettings withTesseract(String command) {
        return new DocumentSettings(maxPages, ocr, command, languages, ocrTimeout, slice);
    }

    public DocumentSettings withLanguages(String value) {
        return new DocumentSettings(maxPages, ocr, tesseract, value, ocrTimeout, slice);
    }

    public DocumentSettings withOcrTimeout(Duration value) {
        return new DocumentSettings(maxPages, ocr, tesseract, languages, value, slice);
    }

    public DocumentSettings withSlice(Duration value) {
        return new DocumentSettings(maxPages, ocr, tesseract, languages, ocrTimeout, value);
    }
}
