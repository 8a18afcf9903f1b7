package org.kairan.client.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.kairan.core.files.FileRefusal;

/**
 * A file the desktop refuses to attach before anything is sent: empty, or larger than the city allows. The
 * message names the file, in Japanese with the English in brackets; {@link #reason()} lets a UI use its own
 * words.
 */
public final class FileNotAcceptedException extends IOException {

    private static final long serialVersionUID = 1L;
    private final FileRefusal reason;
    private final transient Path file;

    public FileNotAcceptedException(FileRefusal reason, Path file, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
    }

    /** Why ({@link FileRefusal#EMPTY} or {@link FileRefusal#TOO_LARGE}). */
    public FileRefusal reason() {
        return reason;
    }

    /** The file the user chose. */
    public Path file() {
        return file;
    }
}
