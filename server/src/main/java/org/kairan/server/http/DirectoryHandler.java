package org.kairan.server.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.login.SessionService;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.storage.Database;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The organisation directory ({@code /api/directory/*}), readable by every logged-in person. */
public final class DirectoryHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/directory";

    private final Database database;
    private final OrganisationStore store;
    private final DirectoryCache cache;
    private final SessionService sessions;
    private final SessionUsers users;

    public DirectoryHandler(ObjectMapper mapper, Database database, OrganisationStore store, DirectoryCache cache,
            SessionService sessions, SessionUsers users) {
        super(mapper, 0, PREFIX);
        this.database = database;
        this.store = store;
        this.cache = cache;
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> path = exchange.segmentsAfter(PREFIX);
        boolean known = path.isEmpty() || (path.getFirst().equals("staff") && path.size() <= 2)
                || (path.getFirst().equals("holders") && path.size() == 1);
        if (!known) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        sessions.authenticate(exchange.bearerToken());
        requireMethod(exchange, "GET");
        if (path.isEmpty()) {
            LocalDate today = users.today();
            return Reply.ok(database.inTransaction(c -> cache.snapshot(c, today)));
        }
        if (path.getFirst().equals("holders")) {
            return holders(exchange);
        }
        if (path.size() == 2) {
            String staffNo = path.get(1);
            return Reply.ok(database.inTransaction(c -> store.member(c, staffNo))
                    .orElseThrow(() -> ApiException.notFound("no staff member with 職員番号 " + staffNo)));
        }
        String query = exchange.queryParam("q");
        return Reply.ok(database.inTransaction(c -> cache.directory(c).search(query)));
    }

    private Reply holders(ApiExchange exchange) {
        String unit = exchange.requireQueryParam("unit");
        String position = exchange.requireQueryParam("position");
        String dateText = exchange.queryParam("date");
        LocalDate date;
        try {
            date = dateText == null || dateText.isBlank() ? users.today() : LocalDate.parse(dateText.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date must be an ISO date such as 2026-04-01, was \"" + dateText + "\"",
                    "date");
        }
        return Reply.ok(database.inTransaction(c -> {
            if (store.unit(c, unit).isEmpty()) {
                throw ApiException.notFound("no unit with 組織コード " + unit);
            }
            if (!store.positionExists(c, position)) {
                throw ApiException.notFound("no 役職 named " + position);
            }
            return store.holders(c, unit, position, date);
        }));
    }
}
