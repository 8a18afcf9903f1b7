package org.kairan.server.http;

import org.kairan.core.protocol.HealthStatus;
import org.kairan.server.storage.Database;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /health} (public): whether the server and its database answer. */
public final class HealthHandler extends RouteFamilyHandler {

    private final Database database;
    private final String version;

    public HealthHandler(ObjectMapper mapper, Database database, String version) {
        super(mapper, 0, "/health");
        this.database = database;
        this.version = version;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        if (!exchange.path().equals("/health")) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        requireMethod(exchange, "GET");
        boolean up = database.isReachable();
        return new Reply(up ? 200 : 503, new HealthStatus(up ? "UP" : "DOWN", version, database.kind().label()));
    }
}
