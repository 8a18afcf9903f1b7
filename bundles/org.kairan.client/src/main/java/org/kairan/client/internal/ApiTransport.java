package org.kairan.client.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.kairan.client.AccountLockedException;
import org.kairan.client.KairanClientException;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * One HTTP exchange with the server: JSON in, JSON out, and every failure turned into the
 * {@link KairanClientException} subclass that says what happened (docs/API.md, "Errors").
 */
final class ApiTransport {

    static final String USER_AGENT = "Kairan-Desktop/0.1";

    private final HttpClient http;
    private final JsonCodec json;
    private final Duration requestTimeout;

    ApiTransport(JsonCodec json, Duration connectTimeout, Duration requestTimeout) {
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GET, answer parsed as {@code type}. */
    <T> T get(URI uri, String token, TypeReference<T> type) throws KairanClientException {
        return exchange(request(uri, token).GET().build(), type);
    }

    /**
     * GET asking for a gzip-compressed answer ({@code Accept-Encoding: gzip}); a compressed body (answer
     * or error) is decoded before it is read.
     */
    <T> T getCompressed(URI uri, String token, TypeReference<T> type) throws KairanClientException {
        HttpRequest request = request(uri, token).header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> response = send(request);
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter(e -> e.equalsIgnoreCase("gzip")).isPresent()) {
            body = gunzip(request, body);
        }
        return answer(request, response, body, type);
    }

    private static byte[] gunzip(HttpRequest request, byte[] body) throws ServerUnreachableException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            // a truncated or damaged stream is a broken transfer, like a connection cut mid-answer
            throw new ServerUnreachableException(request.uri().getHost() + ": damaged gzip answer (" + e + ")", e);
        }
    }

    /**
     * Opens a {@code text/event-stream} (no request timeout: it stays open) and returns its lines as they
     * arrive; an error status is thrown like any other answer's.
     */
    HttpResponse<Stream<String>> openLines(URI uri, String token) throws KairanClientException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout) // until the headers arrive; the stream itself then stays open
                .header("Accept", "text/event-stream")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new ServerUnreachableException(request.uri().getHost() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + request.uri().getHost(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String text;
        try (Stream<String> lines = response.body()) {
            text = String.join("\n", lines.toList());
        }
        throw toException(status, parseError(text.getBytes(StandardCharsets.UTF_8)), retryAfterHeader(response));
    }

    /** POST with a JSON body (or none when {@code body} is null); answer parsed as {@code type} (null for 204). */
    <T> T post(URI uri, String token, Object body, TypeReference<T> type) throws KairanClientException {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.write(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
        HttpRequest.Builder builder = request(uri, token).POST(publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=UTF-8");
        }
        return exchange(builder.build(), type);
    }

    /**
     * A file streamed from disk as the request body, sent with {@code method} ({@code PUT} of a file to keep,
     * {@code POST} of a recording for speech-to-text) and {@code Expect: 100-continue}, so that a server refusing it
     * by its headers (size, session) answers before the bytes travel; answer parsed as {@code type}. The time
     * allowed grows with the size (a quarter MiB a second on top of the usual timeout).
     */
    <T> T sendFile(String method, URI uri, String token, Path file, String contentType, Map<String, String> headers,
            TypeReference<T> type) throws KairanClientException, IOException {
        long size = Files.size(file);
        HttpRequest.Builder builder = request(uri, token)
                .timeout(requestTimeout.plusSeconds(size / (256 * 1024)))
                .expectContinue(true)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofFile(file));
        headers.forEach(builder::header);
        return exchange(builder.build(), type);
    }

    /** DELETE; answer parsed as {@code type} (null for 204). */
    <T> T delete(URI uri, String token, TypeReference<T> type) throws KairanClientException {
        return exchange(request(uri, token).DELETE().build(), type);
    }

    /**
     * GET of a file into {@code target} (created or replaced) as it arrives; an error answer is thrown as
     * usual and leaves nothing at {@code target}. Files take longer than JSON: six times the usual timeout.
     */
    void download(URI uri, String token, Path target) throws KairanClientException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout.multipliedBy(6))
                .header("Accept", "*/*")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target), path -> new byte[0])
                    : HttpResponse.BodySubscribers.ofByteArray());
        } catch (IOException e) {
            deleteQuietly(target);
            throw new ServerUnreachableException(request.uri().getHost() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            deleteQuietly(target);
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + request.uri().getHost(), e);
        }
        if (response.statusCode() != 200) {
            throw toException(response.statusCode(), parseError(response.body()), retryAfterHeader(response));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a partial download left behind is overwritten by the next attempt
        }
    }

    /** A file sent as one part of a {@code multipart/form-data} body. */
    record FilePart(String name, String fileName, String contentType, byte[] content) {
    }

    /**
     * POST {@code multipart/form-data}. A 2xx answer is parsed as {@code type}; so is an error answer
     * with status {@code errorWithBody} whose body is a {@code type} that {@code isAnswer} accepts (a
     * rejected roster comes back as 422 with its report); any other error is thrown as usual.
     */
    <T> T postMultipart(URI uri, String token, List<FilePart> parts, TypeReference<T> type, int errorWithBody,
            Predicate<T> isAnswer) throws KairanClientException {
        String boundary = "kairan-" + UUID.randomUUID();
        HttpRequest request = request(uri, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)))
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status == errorWithBody && response.body().length > 0) {
            try {
                T answer = json.read(response.body(), type);
                if (answer != null && isAnswer.test(answer)) {
                    return answer;
                }
            } catch (IOException | RuntimeException e) {
                // not the expected body: an ordinary error
            }
        }
        return answer(request, response, type);
    }

    static byte[] multipart(String boundary, List<FilePart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FilePart part : parts) {
            String head = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + part.name() + "\"; filename=\"" + part.fileName()
                    + "\"\r\n"
                    + "Content-Type: " + part.contentType() + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> T exchange(HttpRequest request, TypeReference<T> type) throws KairanClientException {
        return answer(request, send(request), type);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws ServerUnreachableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerUnreachableException(request.uri().getHost() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + request.uri().getHost(), e);
        }
    }

    private <T> T answer(HttpRequest request, HttpResponse<byte[]> response, TypeReference<T> type)
            throws KairanClientException {
        return answer(request, response, response.body(), type);
    }

    private <T> T answer(HttpRequest request, HttpResponse<?> response, byte[] body, TypeReference<T> type)
            throws KairanClientException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (status == 204 || body.length == 0 || type == null) {
                return null;
            }
            try {
                return json.read(body, type);
            } catch (IOException e) {
                throw new RequestRejectedException("unexpected answer from " + request.uri() + ": " + e.getMessage(),
                        null, status, ErrorCode.SERVER_ERROR);
            }
        }
        throw toException(status, parseError(body), retryAfterHeader(response));
    }

    private ApiError parseError(byte[] body) {
        try {
            return body.length == 0 ? null : json.read(body, ApiError.class);
        } catch (IOException | RuntimeException e) {
            return null; // e.g. a proxy's HTML error page
        }
    }

    static KairanClientException toException(int status, ApiError error, Optional<Duration> retryAfterHeader) {
        ErrorCode code = error != null && error.error() != null ? error.error() : defaultCode(status);
        String message = error != null && error.message() != null ? error.message() : "HTTP " + status;
        Duration retryAfter = error != null && error.retryAfterSeconds() != null
                ? Duration.ofSeconds(error.retryAfterSeconds()) : retryAfterHeader.orElse(Duration.ZERO);
        return switch (code) {
            case INVALID_CREDENTIALS -> new WrongCredentialsException(message, error);
            case INVALID_TOTP -> new WrongTotpException(message, error);
            case SESSION_EXPIRED -> new SessionExpiredException(message, error);
            case ACCOUNT_LOCKED -> new AccountLockedException(message, error, true, retryAfter);
            case TOO_MANY_ATTEMPTS -> new AccountLockedException(message, error, false, retryAfter);
            default -> new RequestRejectedException(message, error, status, code);
        };
    }

    private static ErrorCode defaultCode(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.SESSION_EXPIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ErrorCode.UNPROCESSABLE;
            case 423 -> ErrorCode.ACCOUNT_LOCKED;
            case 429 -> ErrorCode.TOO_MANY_ATTEMPTS;
            default -> ErrorCode.SERVER_ERROR;
        };
    }

    private static Optional<Duration> retryAfterHeader(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
