package org.kairan.client;

import org.kairan.core.protocol.ApiError;

/** The user id or the password is wrong (the server deliberately does not say which). */
public final class WrongCredentialsException extends KairanClientException {
    private static final long serialVersionUID = 1L;

    public WrongCredentialsException(String message, ApiError apiError) {
        super(message, apiError, null);
    }
}
