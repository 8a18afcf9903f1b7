package org.kairan.server.http;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;

/**
 * Ends a request with an HTTP status and an {@link ApiError} body. Thrown anywhere below a route
 * handler, including inside a transaction, which it rolls back.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient ApiError error;
    private final transient Object body;

    public ApiException(int status, ApiError error) {
        this(status, error, error);
    }

    /** An error answered with another body than an {@link ApiError} (a rejected roster's report). */
    public ApiException(int status, ApiError error, Object body) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public Object body() {
        return body;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ApiError.of(ErrorCode.BAD_REQUEST, message));
    }

    public static ApiException badRequest(String message, String field) {
        return new ApiException(400, new ApiError(ErrorCode.BAD_REQUEST, message, field, null));
    }

    public static ApiException unauthorized(ErrorCode code, String message) {
        return new ApiException(401, ApiError.of(code, message));
    }

    public static ApiException sessionExpired(String message) {
        return new ApiException(401, ApiError.of(ErrorCode.SESSION_EXPIRED, message));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ApiError.of(ErrorCode.FORBIDDEN, message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ApiError.of(ErrorCode.NOT_FOUND, message));
    }

    public static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on " + path));
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, ApiError.of(ErrorCode.CONFLICT, message));
    }

    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE,
                "request body is larger than the limit of " + limit + " bytes"));
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message));
    }

    public static ApiException unprocessable(String message, String field) {
        return new ApiException(422, new ApiError(ErrorCode.UNPROCESSABLE, message, field, null));
    }
}
