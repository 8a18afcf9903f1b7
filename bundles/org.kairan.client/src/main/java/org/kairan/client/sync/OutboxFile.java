package org.kairan.client.sync;

import java.util.Objects;

/**
 * A file in the user's outbox: copied there when the user attached it (so that editing or deleting the
 * original changes nothing), uploaded by the sync engine before the first action naming it is sent, and
 * deleted once no action naming it waits or is shown any more.
 *
 * @param sha256    lowercase hex of the content: its name in the outbox and its id on the server
 * @param name      the file name as the user chose it, e.g. 見積書.pdf
 * @param mediaType what it is: application/pdf when the content says so, else guessed from the name
 * @param size      bytes
 */
public record OutboxFile(String sha256, String name, String mediaType, long size) {

    public OutboxFile {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
