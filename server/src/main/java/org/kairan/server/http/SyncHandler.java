package org.kairan.server.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.SyncCommand;
import org.kairan.server.login.SessionService;
import org.kairan.server.sync.CommandService;
import org.kairan.server.sync.PullService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Sync ({@code /api/sync/changes}, {@code /api/sync/commands}): the change feed a client pulls into its
 * replica, and the commands it sends. The push stream
 * {@code /api/sync/events} has its own asynchronous handler.
 */
public final class SyncHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/sync";

    private final SessionService sessions;
    private final PullService pulls;
    private final CommandService commands;
    private final ObjectMapper canonical;

    public SyncHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, PullService pulls,
            CommandService commands) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.pulls = pulls;
        this.commands = commands;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        String route = String.join("/", exchange.segmentsAfter(PREFIX));
        if (!route.equals("changes") && !route.equals("commands")) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        if (route.equals("commands")) {
            requireMethod(exchange, "POST");
            return Reply.ok(commands.apply(who.user(), batch(exchange.readJson(JsonNode.class))));
        }
        requireMethod(exchange, "GET");
        return Reply.ok(pulls.pull(who.user().staffNo(), cursor(exchange), limit(exchange)));
    }

    /**
     * The batch's commands, each payload in canonical form (keys sorted); a malformed batch is a 400 and
     * more than {@link CommandBatch#MAX_COMMANDS} a 413, before anything is applied.
     */
    private List<SyncCommand> batch(JsonNode body) {
        JsonNode list = body.get("commands");
        if (!body.isObject() || list == null || !list.isArray()) {
            throw ApiException.badRequest("the body must be {\"commands\":[…]}", "commands");
        }
        if (list.size() > CommandBatch.MAX_COMMANDS) {
            throw new ApiException(413, ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "a batch holds at most "
                    + CommandBatch.MAX_COMMANDS + " commands, this one " + list.size()));
        }
        List<SyncCommand> batch = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode command = list.get(i);
            String at = "commands[" + i + "]";
            if (!command.isObject()) {
                throw ApiException.badRequest(at + " must be an object", at);
            }
            String key = text(command, at, "key", 64);
            String type = text(command, at, "type", 64);
            JsonNode payload = command.get("payload");
            if (payload == null || !payload.isObject()) {
                throw ApiException.badRequest(at + ".payload must be a JSON object", at + ".payload");
            }
            batch.add(new SyncCommand(key, type, canonical(payload), queuedAt(command, at)));
        }
        return batch;
    }

    private static String text(JsonNode command, String at, String name, int maxLength) {
        JsonNode value = command.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > maxLength) {
            throw ApiException.badRequest(at + "." + name + " must be a text of 1–" + maxLength + " characters",
                    at + "." + name);
        }
        return value.asText();
    }

    private static Instant queuedAt(JsonNode command, String at) {
        JsonNode value = command.get("queuedAt");
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(at + ".queuedAt must be an ISO instant such as 2026-04-01T09:00:00Z",
                    at + ".queuedAt");
        }
    }

    private String canonical(JsonNode payload) {
        try {
            return canonical.writeValueAsString(canonical.treeToValue(payload, Object.class));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the payload cannot be read: " + e.getOriginalMessage());
        }
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
