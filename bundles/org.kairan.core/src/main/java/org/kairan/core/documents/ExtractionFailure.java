package org.kairan.core.documents;

/** Why the text of a version could not be (completely) extracted: stable codes for clients. */
public enum ExtractionFailure {
    /** The file is empty (0 bytes). */
    EMPTY("空のファイル"),
    /** A PDF that opens only with a password. */
    ENCRYPTED("パスワード保護"),
    /** A PDF or image that cannot be read (damaged, cut short, not what its name says). */
    CORRUPT("破損"),
    /** A PDF without pages. */
    NO_PAGES("ページなし"),
    /** More pages than the server extracts ({@code kairan.documents.maxPages}). */
    TOO_MANY_PAGES("ページ数超過"),
    /** Neither a PDF nor a PNG, JPEG or TIFF image. */
    UNSUPPORTED("非対応の形式"),
    /** The OCR engine failed on one or more pages (the other pages' text is kept). */
    OCR_FAILED("OCR失敗"),
    /** OCR of one or more pages took longer than allowed ({@code kairan.documents.ocrTimeoutSeconds}). */
    OCR_TIMEOUT("OCR時間切れ"),
    /** The OCR engine or its Japanese language data is not installed on the server. */
    OCR_UNAVAILABLE("OCR使用不可"),
    /** Pages without a text layer, but OCR is switched off ({@code kairan.documents.ocr=false}). */
    OCR_DISABLED("OCR無効");

    private final String label;

    ExtractionFailure(String label) {
        this.label = label;
    }

    /** A short Japanese name for it. */
    public String label() {
        return label;
    }
}
