package org.kairan.server.files;

import java.nio.file.Path;

/** Looks inside an uploaded file before it is kept: what it is, and whether it is usable. */
public interface FileCheck {

    /**
     * What the file is.
     *
     * @param file the uploaded bytes, complete, in a temporary file
     * @param name the name the user gave it (for messages; the type is decided by content)
     * @throws FileRefusedException when it is empty, an encrypted, damaged or page-less PDF
     */
    Inspection inspect(Path file, String name) throws java.io.IOException;

    /**
     * @param mediaType e.g. application/pdf
     * @param pages     pages of a PDF, 0 otherwise
     */
    record Inspection(String mediaType, int pages) {
    }
}
