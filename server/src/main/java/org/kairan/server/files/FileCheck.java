package org.kairan.server.files;

import java.nio.file.Path;

import org.kairan.core.files.FileRefusal;

/** Looks inside an uploaded file before it is kept: what it is, and whether it is usable. */
public interface FileCheck {

    /**
     * What the file is.
     *
     * @param file the uploaded bytes, complete, in a temporary file
     * @param name the name the user gave it (for messages; the type is decided by content)
     * @throws FileRefusedException when the file is not to be kept (empty, an encrypted, damaged or page-less
     *                              PDF for a 決裁; a type the library does not take)
     */
    Inspection inspect(Path file, String name) throws java.io.IOException;

    /** Whether an empty (0-byte) upload is given to {@link #inspect} rather than refused at once. */
    default boolean takesEmpty() {
        return false;
    }

    /**
     * @param mediaType         e.g. application/pdf
     * @param pages             pages of a PDF (frames of a TIFF, 1 for another image), 0 otherwise
     * @param attachmentRefusal why a 決裁 may not name this file although it is kept (a library keeps damaged
     *                          and encrypted PDFs), {@code null} when it may
     */
    record Inspection(String mediaType, int pages, FileRefusal attachmentRefusal) {
        public Inspection(String mediaType, int pages) {
            this(mediaType, pages, null);
        }
    }
}
