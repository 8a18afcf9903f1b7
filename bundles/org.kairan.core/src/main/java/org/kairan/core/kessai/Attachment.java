package org.kairan.core.kessai;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to a 案件. Files are kept by content (SHA-256) on the server; once a 案件 was submitted
 * its files are never removed or replaced: a file with the name of an earlier one is its next version.
 *
 * @param id        UUID chosen by the client that added it
 * @param name      file name as the user chose it, e.g. 見積書.pdf
 * @param mediaType e.g. application/pdf
 * @param size      bytes
 * @param sha256    lowercase hex of the content
 * @param pages     pages of a PDF, {@code 0} for other files
 * @param version   1 for the first file of this name, then 2, 3, …
 * @param addedBy   職員番号 of who added it
 * @param addedAt   when it was added
 * @param submitted whether it was part of the 案件 at a submission (then it can never be removed)
 */
public record Attachment(String id, String name, String mediaType, long size, String sha256, int pages, int version,
        String addedBy, Instant addedAt, boolean submitted) {

    public static final String PDF = "application/pdf";

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        version = Math.max(1, version);
    }

    public boolean isPdf() {
        return PDF.equals(mediaType);
    }

    Attachment asSubmitted() {
        return submitted ? this : new Attachment(id, name, mediaType, size, sha256, pages, version, addedBy, addedAt, true);
    }
}
