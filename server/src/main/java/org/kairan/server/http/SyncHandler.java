package org.kairan.server.http;

import org.kairan.server.login.SessionService;
import org.kairan.server.sync.PullService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sync ({@code /api/sync/changes}, {@code /api/sync/commands}): the change feed a client pulls into its
 * replica, and the commands it sends. The push stream
 * {@code /api/sync/events} has its own asynchronous handler.
 */
public final class SyncHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/sync";

    private final SessionService sessions;
    private final PullService pulls;

    public SyncHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, PullService pulls) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.pulls = pulls;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        String route = String.join("/", exchange.segmentsAfter(PREFIX));
        if (!route.equals("changes")) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        requireMethod(exchange, "GET");
        return Reply.ok(pulls.pull(who.user().staffNo(), cursor(exchange), limit(exchange)));
    }

    @Override
    protected boolean compressible(ApiExchange exchange) {
        return exchange.path().equals(PREFIX + "/changes");
    }

    private static String cursor(ApiExchange exchange) {
        String cursor = exchange.queryParam("cursor");
        return cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    private static int limit(ApiExchange exchange) {
        String text = exchange.queryParam("limit");
        if (text == null || text.isBlank()) {
            return PullService.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= PullService.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + PullService.MAX_LIMIT + ", was \""
                + text + "\"", "limit");
    }
}
