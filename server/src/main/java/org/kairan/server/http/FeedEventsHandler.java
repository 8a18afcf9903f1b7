package org.kairan.server.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.login.SessionService;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The push stream {@code GET /api/sync/events} ({@code text/event-stream}), on Jetty's asynchronous core
 * API: a stream holds no thread; it is a kept response written to when the feed's head moves
 * ({@code event: feed}, {@code data: {"head":N}}), woken at once by local commits and by a poll of
 * {@code feed_head} every second for other server processes' writes. A {@code : ping} comment every
 * 20 s keeps it open; a stream whose write fails or whose session ended is closed. {@link #close()}
 * (before Jetty stops) ends every stream, so a graceful stop does not wait for them.
 */
public final class FeedEventsHandler extends Handler.Abstract implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedEventsHandler.class);
    private static final String PATH = "/api/sync/events";
    private static final long POLL_MS = 1000;
    private static final long PING_SECONDS = 20;

    private final ObjectMapper mapper;
    private final Database database;
    private final SessionService sessions;
    private final FeedSignal signal;
    private final ChangeFeed feed;
    private final Set<FeedStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public FeedEventsHandler(ObjectMapper mapper, Database database, SessionService sessions, FeedSignal signal,
            ChangeFeed feed) {
        super(InvocationType.BLOCKING);
        this.mapper = mapper;
        this.database = database;
        this.sessions = sessions;
        this.signal = signal;
        this.feed = feed;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kairan-feed-events");
            thread.setDaemon(true);
            return thread;
        });
        signal.listen(this::headMoved);
        timer.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** How many streams are open. */
    public int openStreams() {
        return streams.size();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Request.getPathInContext(request).equals(PATH)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        SessionService.Authenticated who;
        try {
            who = sessions.authenticate(bearer(request));
            if (!request.getMethod().equals("GET")) {
                throw ApiException.methodNotAllowed(request.getMethod(), PATH);
            }
            if (closed) {
                throw new ApiException(503, ApiError.of(ErrorCode.SERVER_ERROR, "the server is stopping"));
            }
        } catch (ApiException e) {
            error(response, callback, e.status(), e.error());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("opening an event stream failed: {}", e.toString());
            error(response, callback, 503, ApiError.of(ErrorCode.SERVER_ERROR, "the event stream cannot be opened"));
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put("X-Accel-Buffering", "no");
        FeedStream stream = new FeedStream(response, callback, who.tokenHash(), timer, streams::remove);
        streams.add(stream);
        if (closed) {
            stream.end();
        } else {
            stream.headMoved(signal.head());
        }
        return true;
    }

    private static String bearer(Request request) {
        String value = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private void error(Response response, Callback callback, int status, ApiError error) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        try {
            response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(error)), callback);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            callback.failed(e);
        }
    }

    private void headMoved(long head) {
        for (FeedStream stream : streams) {
            stream.headMoved(head);
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            signal.moved(database.inTransaction(feed::head));
        } catch (RuntimeException e) {
            LOG.debug("polling the feed head failed: {}", e.toString());
        }
    }

    private void ping() {
        for (FeedStream stream : List.copyOf(streams)) {
            try {
                if (sessions.isActive(stream.tokenHash())) {
                    stream.ping();
                } else {
                    stream.end();
                }
            } catch (RuntimeException e) {
                LOG.debug("checking a stream's session failed: {}", e.toString());
            }
        }
    }

    /** Ends every stream and stops the timer; new streams are refused. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (FeedStream stream : List.copyOf(streams)) {
            stream.end();
        }
        timer.shutdownNow();
    }
}
