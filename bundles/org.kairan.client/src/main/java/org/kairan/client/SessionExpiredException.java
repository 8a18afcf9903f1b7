package org.kairan.client;

import org.kairan.core.protocol.ApiError;

/** There is no valid session (never logged in, expired, revoked, or an enrolment that took too long). */
public final class SessionExpiredException extends KairanClientException {
    private static final long serialVersionUID = 1L;

    public SessionExpiredException(String message, ApiError apiError) {
        super(message, apiError, null);
    }
}
