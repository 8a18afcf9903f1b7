package org.kairan.core.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * How far the server got extracting the text of a version, published with the document as it moves on
 * (at most about once a second), so a desktop can show 「OCR 12/40」.
 *
 * @param state      where it stands
 * @param pagesDone  pages read so far; at the end every page read, those that failed included (the reason names
 *                   them)
 * @param pagesTotal pages to read, {@code 0} until known
 * @param ocrPages   how many of the pages done were OCR'd (no text layer)
 * @param failure    why it failed, {@code null} unless {@link ExtractionState#FAILED}
 * @param reason     the reason in Japanese (English in parentheses), {@code null} unless failed
 * @param updatedAt  when this status was reached
 */
public record ExtractionStatus(ExtractionState state, int pagesDone, int pagesTotal, int ocrPages,
        ExtractionFailure failure, String reason, Instant updatedAt) {

    public ExtractionStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Waiting in the queue. */
    public static ExtractionStatus pending(int pagesTotal, Instant now) {
        return new ExtractionStatus(ExtractionState.PENDING, 0, pagesTotal, 0, null, null, now);
    }
}
