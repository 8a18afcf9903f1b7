package org.kairan.server.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.kairan.core.organisation.Role;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.directory.TransferService;
import org.kairan.server.login.AccountService;
import org.kairan.server.login.SessionService;
import org.kairan.server.roster.RosterImporter;
import org.kairan.server.storage.Database;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Administration ({@code /api/admin/*}): roster import, 人事異動, account actions (role ADMIN), and the
 * audit log (ADMIN or AUDITOR).
 */
public final class AdminHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/admin";
    private static final int MAX_AUDIT_ENTRIES = 10_000;
    private static final TypeReference<List<TransferRequest>> TRANSFERS = new TypeReference<>() {
    };

    private final Database database;
    private final SessionService sessions;
    private final AccountService accounts;
    private final RosterImporter roster;
    private final TransferService transfers;
    private final AuditLog audit;
    private final long maxRosterBytes;
    private final ZoneId zone;

    public AdminHandler(ObjectMapper mapper, long maxBodyBytes, long maxRosterBytes, ZoneId zone, Database database,
            SessionService sessions, AccountService accounts, RosterImporter roster, TransferService transfers,
            AuditLog audit) {
        super(mapper, maxBodyBytes, PREFIX);
        this.maxRosterBytes = maxRosterBytes;
        this.zone = zone;
        this.database = database;
        this.sessions = sessions;
        this.accounts = accounts;
        this.roster = roster;
        this.transfers = transfers;
        this.audit = audit;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> path = exchange.segmentsAfter(PREFIX);
        String route = String.join("/", path);
        if (route.equals("audit") || route.equals("audit/verify")) {
            SessionService.Authenticated who = sessions.authorise(exchange.bearerToken(), Role.ADMIN, Role.AUDITOR);
            requireMethod(exchange, "GET");
            return route.equals("audit") ? auditEntries(exchange, who) : verify(who);
        }
        boolean userAction = path.size() >= 3 && path.get(0).equals("users")
                && List.of("totp-reset", "sessions/revoke", "unlock").contains(String.join("/", path.subList(2, path.size())));
        if (!route.equals("roster") && !route.equals("transfers") && !userAction) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        SessionService.Authenticated who = sessions.authorise(exchange.bearerToken(), Role.ADMIN);
        requireMethod(exchange, "POST");
        AuditActor actor = AuditActor.of(who.user());
        if (route.equals("roster")) {
            RosterUpload upload = RosterUpload.from(exchange, maxRosterBytes);
            ImportReport report = roster.importRoster(upload.units(), upload.staff(), actor);
            if (report.applied()) {
                return Reply.ok(report);
            }
            throw new ApiException(422, ApiError.of(ErrorCode.UNPROCESSABLE, report.rejected().size()
                    + " rows were rejected; nothing was imported"), report);
        }
        if (route.equals("transfers")) {
            transfers.apply(exchange.readJson(TRANSFERS), actor);
            return Reply.noContent();
        }
        String staffNo = path.get(1);
        switch (String.join("/", path.subList(2, path.size()))) {
            case "totp-reset" -> accounts.resetTotp(staffNo, actor);
            case "sessions/revoke" -> accounts.revokeSessions(staffNo, actor);
            default -> accounts.unlock(staffNo, actor);
        }
        return Reply.noContent();
    }

    private Reply auditEntries(ApiExchange exchange, SessionService.Authenticated who) {
        Instant from = bound(exchange, "from", false);
        Instant to = bound(exchange, "to", true);
        return Reply.ok(database.inTransaction(c -> {
            var entries = audit.entries(c, from, to, MAX_AUDIT_ENTRIES);
            audit.append(c, AuditActor.of(who.user()), AuditLog.AUDIT_READ, AuditLog.SUCCESS,
                    "from " + from + " to " + to + ": " + entries.size() + " entries");
            return entries;
        }));
    }

    private Reply verify(SessionService.Authenticated who) {
        return Reply.ok(database.inTransaction(c -> {
            AuditVerification result = audit.verify(c);
            audit.append(c, AuditActor.of(who.user()), AuditLog.AUDIT_VERIFY,
                    result.intact() ? AuditLog.SUCCESS : AuditLog.FAILURE, result.message());
            return result;
        }));
    }

    /** An ISO date (the whole day in the office's zone) or an ISO instant; {@code null} when absent. */
    private Instant bound(ApiExchange exchange, String name, boolean upper) {
        String text = exchange.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date (2026-04-01) or an instant (2026-04-01T09:00:00Z),"
                    + " was \"" + text + "\"", name);
        }
    }
}
