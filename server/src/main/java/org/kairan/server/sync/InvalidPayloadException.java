package org.kairan.server.sync;

/** A command's payload is not what its type needs; the command is rejected ({@code INVALID}). */
public final class InvalidPayloadException extends RuntimeException {

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The offending payload field, e.g. {@code title}. */
    public String field() {
        return field;
    }
}
