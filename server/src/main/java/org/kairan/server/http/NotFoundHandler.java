package org.kairan.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The last handler: every path no route family owns is a JSON 404. */
public final class NotFoundHandler extends RouteFamilyHandler {

    public NotFoundHandler(ObjectMapper mapper) {
        super(mapper, 0, "");
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        throw ApiException.notFound("no such route: " + exchange.method() + " " + exchange.path());
    }
}
