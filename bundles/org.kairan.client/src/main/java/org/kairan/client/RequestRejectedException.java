package org.kairan.client;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;

/**
 * Any other error answer: bad input (400/413/415/422), forbidden (403), unknown id (404), conflict (409)
 * or the server's own fault (5xx). {@link #code()} and {@link #status()} say which.
 */
public final class RequestRejectedException extends KairanClientException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final ErrorCode code;

    public RequestRejectedException(String message, ApiError apiError, int status, ErrorCode code) {
        super(message, apiError, null);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The server's error code ({@link ErrorCode#SERVER_ERROR} when the body had none). */
    public ErrorCode code() {
        return code;
    }
}
