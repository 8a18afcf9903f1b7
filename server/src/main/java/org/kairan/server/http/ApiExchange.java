package org.kairan.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * One request as a route handler sees it: the method, the path, query parameters and a body read
 * with a size limit enforced while reading (never buffered beyond the limit).
 */
public final class ApiExchange {

    private final Request request;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final String requestId;
    private final String path;
    private Fields query;
    private boolean bodyRead;

    ApiExchange(Request request, ObjectMapper mapper, long maxBodyBytes, String requestId) {
        this.request = request;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.requestId = requestId;
        this.path = Request.getPathInContext(request);
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return path;
    }

    public String requestId() {
        return requestId;
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /** Path segments after the given prefix, e.g. {@code /api/admin/users/1/unlock} after {@code /api/admin}. */
    public List<String> segmentsAfter(String prefix) {
        String rest = path.substring(prefix.length());
        List<String> segments = new ArrayList<>();
        for (String part : rest.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    public String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    /** A header the HTTP standard does not name, e.g. {@code X-Kairan-File-Name}. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The bearer token of the Authorization header, or {@code null}. */
    public String bearerToken() {
        String value = header(HttpHeader.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** A query parameter, {@code null} when absent; a parameter given twice is a 400. */
    public String queryParam(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("the query string is not valid: " + e.getMessage());
            }
        }
        List<String> values = query.getValues(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' is given more than once", name);
        }
        return values.getFirst();
    }

    public String requireQueryParam(String name) {
        String value = queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("query parameter '" + name + "' is required", name);
        }
        return value.strip();
    }

    /** The media type of the body without parameters, lower case, or {@code null}. */
    public String mediaType() {
        String value = header(HttpHeader.CONTENT_TYPE);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public String contentTypeHeader() {
        return header(HttpHeader.CONTENT_TYPE);
    }

    /** Reads the JSON body as the given type; 415 unless it is {@code application/json}. */
    public <T> T readJson(Class<T> type) {
        return readJson(mapper.constructType(type));
    }

    public <T> T readJson(TypeReference<T> type) {
        return readJson(mapper.getTypeFactory().constructType(type));
    }

    private <T> T readJson(JavaType type) {
        String media = mediaType();
        if (media == null || !(media.equals("application/json") || media.endsWith("+json"))) {
            throw ApiException.unsupportedMediaType("the body must be application/json, was "
                    + (media == null ? "missing" : media));
        }
        byte[] body = readBody(maxBodyBytes);
        if (body.length == 0) {
            throw ApiException.badRequest("a JSON body is required");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("the JSON body must not be null");
            }
            return value;
        } catch (InvalidFormatException e) {
            String field = fieldPath(e);
            throw ApiException.badRequest("field '" + field + "' must be " + expected(e.getTargetType()) + ", was "
                    + e.getValue(), field);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ApiException.badRequest("the JSON body is not acceptable: " + cause.getMessage(), fieldPath(e));
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            throw ApiException.badRequest(field.isEmpty()
                    ? "the JSON body has the wrong shape: expected " + describe(type)
                    : "field '" + field + "' must be " + expected(e.getTargetType()), field.isEmpty() ? null : field);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("the JSON body does not fit: " + e.getOriginalMessage(), fieldPath(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    /** What a JSON value of the type looks like, in words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO date such as 2026-04-01";
        }
        if (type == java.time.Instant.class) {
            return "an ISO instant such as 2026-04-01T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(JavaType type) {
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The body as a stream, for a route that reads a large body itself (an upload): it must read to the
     * end or answer before the limit it enforces.
     */
    public InputStream bodyStream() {
        bodyRead = true;
        return Request.asInputStream(request);
    }

    /** The declared body length, {@code -1} when not declared (chunked). */
    public long declaredLength() {
        return request.getLength();
    }

    /**
     * Reads the whole body, at most {@code limit} bytes: a declared or actual larger body is a 413
     * as soon as the limit is passed. What is left of a too-large body is read and thrown away (up to
     * {@link #DRAIN_LIMIT}, never kept) so that a client still sending it receives the 413 instead of a
     * broken connection; a client that asked {@code Expect: 100-continue} is refused before it sends.
     */
    public byte[] readBody(long limit) {
        bodyRead = true;
        long declared = request.getLength();
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > limit) {
                String expect = header(HttpHeader.EXPECT);
                if (expect == null || !expect.equalsIgnoreCase("100-continue")) {
                    drain(in);
                }
                throw ApiException.payloadTooLarge(limit);
            }
            byte[] buffer = new byte[(int) Math.min(Math.max(declared, 8192), limit + 1)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, limit + 1));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
                if (length > limit) {
                    drain(in);
                    throw ApiException.payloadTooLarge(limit);
                }
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and throws away a body the route never read because it answered first (no session, wrong
     * method, unknown route…). Left unread, a body that arrives a moment after its headers makes Jetty
     * close the connection after the answer, and a client that already sent its next request on that
     * kept-alive connection sees it broken. A body over {@link #DRAIN_LIMIT} is not read: the answer
     * says {@code Connection: close} instead.
     */
    void discardUnreadBody(org.eclipse.jetty.server.Response response) {
        if (bodyRead || request.getLength() == 0) {
            return;
        }
        bodyRead = true;
        if (request.getLength() > DRAIN_LIMIT) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return;
        }
        try (InputStream in = Request.asInputStream(request)) {
            drain(in);
        } catch (IOException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /** Most bytes of a refused body read and discarded before the connection is simply closed. */
    static final long DRAIN_LIMIT = 64L << 20;

    private static void drain(InputStream in) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < DRAIN_LIMIT && (read = in.read(scratch)) >= 0) {
            drained += read;
        }
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }
}
