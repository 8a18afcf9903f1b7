package org.kairan.core.documents;

/** Where the text extraction of a version stands. */
public enum ExtractionState {
    /** Waiting in the server's queue (versions are taken in the order they were added). */
    PENDING("待機中"),
    /** Pages are being read or OCR'd; {@link ExtractionStatus#pagesDone()} says how far. */
    EXTRACTING("抽出中"),
    /** Every page was read; the text is in the feed ({@code document-text}). */
    EXTRACTED("抽出済"),
    /** Not (or not completely) possible; {@link ExtractionStatus#reason()} says why. */
    FAILED("失敗");

    private final String label;

    ExtractionState(String label) {
        this.label = label;
    }

    /** The Japanese word for it. */
    public String label() {
        return label;
    }

    /** Whether the server has finished with the version (extracted or failed). */
    public boolean finished() {
        return this == EXTRACTED || this == FAILED;
    }
}
