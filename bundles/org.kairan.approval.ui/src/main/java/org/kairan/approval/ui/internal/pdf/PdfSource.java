package org.kairan.approval.ui.internal.pdf;

import java.nio.file.Path;
import java.util.Objects;

/** Where a document comes from: a file, or bytes in memory (a download from the server). */
public sealed interface PdfSource {

    /** How a message names the source (the file name; empty for bytes). */
    String name();

    record File(Path path) implements PdfSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            Path fileName = path.getFileName();
            return fileName == null ? path.toString() : fileName.toString();
        }
    }

    record Bytes(byte[] content) implements PdfSource {
        public Bytes {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String name() {
            return "";
        }
    }
}
