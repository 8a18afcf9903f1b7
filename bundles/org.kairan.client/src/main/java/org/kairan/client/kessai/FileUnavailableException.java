package org.kairan.client.kessai;

import java.util.Objects;

/**
 * A file or PDF of record that cannot be opened, with the reason in Japanese (English in brackets) naming the
 * file; {@link #reason()} lets a UI use its own words.
 */
public final class FileUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Not in the cache and the server cannot be reached: open it again once connected. */
        OFFLINE,
        /** The server does not give it to this user (403/404), or nobody is logged in. */
        NOT_AVAILABLE,
        /** What arrived is not the file (its SHA-256 differs): nothing was kept. */
        DAMAGED,
        /** The 案件 has no PDF of record (yet): it is made when the 案件 is decided. */
        NO_RECORD
    }

    private final Reason reason;

    public FileUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
