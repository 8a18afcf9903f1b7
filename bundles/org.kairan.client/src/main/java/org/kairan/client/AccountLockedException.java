package org.kairan.client;

import java.time.Duration;

import org.kairan.core.protocol.ApiError;

/**
 * Login attempts are refused for a while after repeated failures: either a growing delay
 * ({@link #lockedOut()} false, HTTP 429) or a lock of the account (true, HTTP 423).
 */
public final class AccountLockedException extends KairanClientException {
    private static final long serialVersionUID = 1L;
    private final boolean lockedOut;
    private final Duration retryAfter;

    public AccountLockedException(String message, ApiError apiError, boolean lockedOut, Duration retryAfter) {
        super(message, apiError, null);
        this.lockedOut = lockedOut;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** True when the account is locked (too many failures in a row), false for a short throttle. */
    public boolean lockedOut() {
        return lockedOut;
    }

    /** How long to wait before the next attempt can succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
