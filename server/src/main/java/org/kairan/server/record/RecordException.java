package org.kairan.server.record;

import java.io.IOException;

/**
 * The record cannot be made, signed or checked for a reason an administrator or the workflow can act on
 * (a font is missing, an attachment is encrypted or does not match its hash, the signing key cannot be
 * read). The message is Japanese with English in parentheses.
 */
public class RecordException extends IOException {

    public RecordException(String message) {
        super(message);
    }

    public RecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
