package org.kairan.client;

import org.kairan.core.protocol.ApiError;

/** The six-digit code from the authenticator app is wrong, too old, or was already used. */
public final class WrongTotpException extends KairanClientException {
    private static final long serialVersionUID = 1L;

    public WrongTotpException(String message, ApiError apiError) {
        super(message, apiError, null);
    }
}
