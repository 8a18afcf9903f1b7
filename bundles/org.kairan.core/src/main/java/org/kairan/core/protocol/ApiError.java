package org.kairan.core.protocol;

/**
 * The JSON body of every 4xx/5xx answer.
 *
 * @param error             stable code
 * @param message           what was wrong, in words (English; clients show their own localised text)
 * @param field             the offending JSON field or query parameter, if one
 * @param retryAfterSeconds for {@link ErrorCode#ACCOUNT_LOCKED} and {@link ErrorCode#TOO_MANY_ATTEMPTS}
 */
public record ApiError(ErrorCode error, String message, String field, Long retryAfterSeconds) {
    public static ApiError of(ErrorCode error, String message) {
        return new ApiError(error, message, null, null);
    }
}
