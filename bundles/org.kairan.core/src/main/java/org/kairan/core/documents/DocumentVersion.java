package org.kairan.core.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a library document: an uploaded file (kept by content on the server) and how far the
 * server got extracting its text.
 *
 * @param number         1 for the first file, then 2, 3 …
 * @param fileName       the file's name as the user chose it, e.g. 予算編成方針.pdf
 * @param sha256         lowercase hex of the content (the file is {@code GET /api/files/{sha256}} or
 *                       {@code GET /api/documents/{id}/versions/{number}/file})
 * @param mediaType      application/pdf, image/png, image/jpeg or image/tiff
 * @param size           bytes
 * @param pages          pages of a PDF or frames of a TIFF as counted at upload (1 for other images, 0 when the
 *                       file could not be read)
 * @param uploadedBy     職員番号 of who added it
 * @param uploadedByName their 氏名
 * @param uploadedAt     when it was added
 * @param extraction     the text extraction of this version
 */
public record DocumentVersion(int number, String fileName, String sha256, String mediaType, long size, int pages,
        String uploadedBy, String uploadedByName, Instant uploadedAt, ExtractionStatus extraction) {

    public DocumentVersion {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(extraction, "extraction");
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
    }
}
