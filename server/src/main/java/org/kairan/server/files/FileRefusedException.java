package org.kairan.server.files;

import java.util.Objects;

import org.kairan.core.files.FileRefusal;

/** A file the server will not keep, with the reason in Japanese (English in brackets). */
public class FileRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FileRefusal reason;

    public FileRefusedException(FileRefusal reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FileRefusal reason() {
        return reason;
    }
}
