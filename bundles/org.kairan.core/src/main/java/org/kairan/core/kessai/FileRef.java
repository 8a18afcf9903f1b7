package org.kairan.core.kessai;

import java.util.Objects;

/**
 * A file a client uploaded and now names in a command: the server looks up its size, type and pages by
 * the hash.
 *
 * @param attachmentId UUID the client chose for the attachment
 * @param name         file name, e.g. 見積書.pdf
 * @param sha256       lowercase hex of the uploaded content
 */
public record FileRef(String attachmentId, String name, String sha256) {
    public FileRef {
        Objects.requireNonNull(attachmentId, "attachmentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
