package org.kairan.core.protocol;

/**
 * Stable machine-readable error codes of the HTTP API. Clients map them to their own localised
 * messages; the server's message text is for logs and curl users.
 */
public enum ErrorCode {
    /** 400: the body is not valid JSON, a field has the wrong type, or a required field is missing. */
    BAD_REQUEST,
    /** 401: user id or password (or TOTP code) is wrong. Deliberately does not say which. */
    INVALID_CREDENTIALS,
    /** 401: the TOTP code is wrong or was already used. */
    INVALID_TOTP,
    /** 401: no session token, or it is unknown, expired or revoked. */
    SESSION_EXPIRED,
    /** 403: authenticated, but the person's roles do not allow this. */
    FORBIDDEN,
    /** 404: no such resource (unknown id, unknown route). */
    NOT_FOUND,
    /** 405: the route exists but not with this method. */
    METHOD_NOT_ALLOWED,
    /** 409: the request conflicts with the current state. */
    CONFLICT,
    /** 413: the body is larger than the server accepts. */
    PAYLOAD_TOO_LARGE,
    /** 415: the body is not of a type the route accepts. */
    UNSUPPORTED_MEDIA_TYPE,
    /** 422: well-formed but not acceptable (e.g. a password that is too weak, a roster with rejected rows). */
    UNPROCESSABLE,
    /** 423: the account is locked after repeated failures; see retryAfterSeconds. */
    ACCOUNT_LOCKED,
    /** 429: too many attempts; wait retryAfterSeconds. */
    TOO_MANY_ATTEMPTS,
    /** 500/503: the server's own fault; nothing the client sent was wrong. */
    SERVER_ERROR
}
