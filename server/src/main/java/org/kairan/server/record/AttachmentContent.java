package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bytes of an attachment are read from when the record is written. A stored file
 * ({@link #of(Path)}) is read in place; any other source is opened as a stream (a PDF from a stream is
 * first copied to a temporary file, so a large one is never held in memory).
 */
@FunctionalInterface
public interface AttachmentContent {

    /** A new stream over the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** The file holding the bytes, when there is one. */
    default Optional<Path> file() {
        return Optional.empty();
    }

    /** The bytes of a stored file. */
    static AttachmentContent of(Path file) {
        Objects.requireNonNull(file, "file");
        return new AttachmentContent() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> file() {
                return Optional.of(file);
            }
        };
    }
}
