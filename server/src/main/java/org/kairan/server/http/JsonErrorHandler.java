package org.kairan.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Errors Jetty produces itself (a request it cannot parse, headers too large) are answered with an
 * {@link ApiError} body too, never an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        ErrorCode error = switch (code) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.SESSION_EXPIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> code < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.SERVER_ERROR;
        };
        String text = message == null || message.isBlank() ? "HTTP " + code : message;
        byte[] body = mapper.writeValueAsBytes(ApiError.of(error, text));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
