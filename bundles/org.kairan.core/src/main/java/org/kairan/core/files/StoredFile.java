package org.kairan.core.files;

import java.util.Objects;

/**
 * A file the server accepted and keeps by content: the answer to {@code PUT /api/files}.
 *
 * @param sha256    lowercase hex of the content; the file's id
 * @param size      bytes
 * @param mediaType what the content is (application/pdf recognised by content, not by name)
 * @param pages     pages of a PDF, {@code 0} otherwise
 */
public record StoredFile(String sha256, long size, String mediaType, int pages) {
    public StoredFile {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
