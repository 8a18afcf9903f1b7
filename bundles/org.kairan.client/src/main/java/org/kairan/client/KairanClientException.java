package org.kairan.client;

import java.util.Optional;

import org.kairan.core.protocol.ApiError;

/**
 * Why a call to the server did not succeed. One subclass per situation a person can act on, so UI code
 * catches what it can explain and shows the rest with {@link #getMessage()}.
 */
public abstract sealed class KairanClientException extends Exception
        permits ServerUnreachableException, SessionExpiredException, WrongCredentialsException, WrongTotpException,
        AccountLockedException, RequestRejectedException {

    private static final long serialVersionUID = 1L;
    private final transient ApiError apiError;

    protected KairanClientException(String message, ApiError apiError, Throwable cause) {
        super(message, cause);
        this.apiError = apiError;
    }

    /** The server's error body, when the server answered with one. */
    public Optional<ApiError> apiError() {
        return Optional.ofNullable(apiError);
    }
}
