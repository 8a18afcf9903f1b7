package org.kairan.core.kessai;

import java.time.Instant;
import java.util.Objects;

/**
 * The signed PDF of record made when a 案件 was decided.
 *
 * @param sha256 lowercase hex of the file, as stored
 * @param size   bytes
 * @param pages  pages (the 鑑 and the attached PDFs)
 * @param madeAt when it was made and signed
 */
public record RecordFile(String sha256, long size, int pages, Instant madeAt) {
    public RecordFile {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(madeAt, "madeAt");
    }
}
