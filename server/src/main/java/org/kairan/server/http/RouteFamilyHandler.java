package org.kairan.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.storage.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Jetty handler for one family of routes (health, auth, directory, admin) below a path prefix.
 * It turns the family's {@link Reply} into JSON and every {@link ApiException} into an
 * {@link ApiError} answer; anything else is the server's own fault (500), logged with the request id.
 */
public abstract class RouteFamilyHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFamilyHandler.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final String[] prefixes;
    protected final ObjectMapper mapper;
    private final long maxBodyBytes;

    /**
     * @param mapper       the server's shared mapper
     * @param maxBodyBytes body limit of the family's routes unless a route reads with its own
     * @param prefixes     paths this family answers: each matches itself and everything below it
     */
    protected RouteFamilyHandler(ObjectMapper mapper, long maxBodyBytes, String... prefixes) {
        super(InvocationType.BLOCKING);
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.prefixes = Arrays.copyOf(prefixes, prefixes.length);
    }

    private boolean owns(String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!owns(path)) {
            return false;
        }
        String requestId = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        response.getHeaders().put("X-Request-Id", requestId);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        ApiExchange exchange = new ApiExchange(request, mapper, maxBodyBytes, requestId);
        Reply reply;
        try {
            reply = route(exchange);
        } catch (ApiException e) {
            if (e.status() >= 500) {
                LOG.warn("[{}] {} {} -> {} {}", requestId, request.getMethod(), path, e.status(), e.getMessage());
            } else {
                LOG.debug("[{}] {} {} -> {} {}", requestId, request.getMethod(), path, e.status(), e.getMessage());
            }
            reply = new Reply(e.status(), e.body());
        } catch (DatabaseException e) {
            LOG.error("[{}] {} {} failed in the database", requestId, request.getMethod(), path, e);
            reply = new Reply(503, ApiError.of(ErrorCode.SERVER_ERROR,
                    "the database is not available; request id " + requestId));
        } catch (RuntimeException e) {
            LOG.error("[{}] {} {} failed", requestId, request.getMethod(), path, e);
            reply = new Reply(500, ApiError.of(ErrorCode.SERVER_ERROR,
                    "internal server error; request id " + requestId));
        }
        exchange.discardUnreadBody(response);
        write(response, callback, reply, reply.status() == 200 && compressible(exchange) && acceptsGzip(exchange));
        return true;
    }

    /** Answers one request of the family; throw {@link ApiException} for anything the client got wrong. */
    protected abstract Reply route(ApiExchange exchange);

    /**
     * Whether the route's answer may be sent gzip-compressed to a client that asks for it
     * ({@code Accept-Encoding: gzip}); large feed pages do.
     */
    protected boolean compressible(ApiExchange exchange) {
        return false;
    }

    private static boolean acceptsGzip(ApiExchange exchange) {
        String accepted = exchange.header(HttpHeader.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String part : accepted.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /**
     * Compresses at the fastest level: on feed pages of Japanese text it costs 2.5 times less CPU than the
     * default level for output about 4 % of the JSON larger (bench/sync), and CPU is what limits many desktops
     * syncing at once.
     */
    private static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(64, bytes.length / 3));
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            zip.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(Response response, Callback callback, Reply reply, boolean gzip) {
        response.setStatus(reply.status());
        if (reply.body() == null) {
            callback.succeeded();
            return;
        }
        if (reply.body() instanceof Download download) {
            send(response, callback, download);
            return;
        }
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(reply.body());
        } catch (JsonProcessingException e) {
            LOG.error("could not serialise {}", reply.body().getClass(), e);
            response.setStatus(500);
            bytes = "{\"error\":\"SERVER_ERROR\",\"message\":\"response could not be serialised\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (reply.body() instanceof ApiError error && error.retryAfterSeconds() != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, error.retryAfterSeconds());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        if (gzip) {
            bytes = gzip(bytes);
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
            response.getHeaders().put(HttpHeader.VARY, "Accept-Encoding");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static void send(Response response, Callback callback, Download download) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, download.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, download.length());
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, download.disposition());
        try (java.io.InputStream in = download.content().open();
                java.io.OutputStream out = org.eclipse.jetty.io.Content.Sink.asOutputStream(response)) {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            LOG.warn("sending {} failed: {}", download.fileName(), e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /** 405 unless the request uses the method. */
    protected static void requireMethod(ApiExchange exchange, String method) {
        if (!exchange.method().equals(method)) {
            throw ApiException.methodNotAllowed(exchange.method(), exchange.path());
        }
    }
}
