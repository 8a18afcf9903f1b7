package org.kairan.server.http;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.RetentionList;
import org.kairan.core.organisation.Role;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiRecords;
import org.kairan.server.login.SessionService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 決裁 outside the feed ({@code /api/kessai}): one 案件 ({@code GET /api/kessai/{id}}), its signed PDF of
 * record ({@code GET /api/kessai/{id}/record}), the 決裁簿 of a 課 as CSV
 * ({@code GET /api/kessai/register?unit=&from=&to=&charset=utf-8|shift_jis}), and the 保存年限 list
 * ({@code GET /api/kessai/retention?asOf=}, {@code POST /api/kessai/retention/{id}}, administrators). A 案件
 * the user may not see answers exactly like one that does not exist.
 */
public final class KessaiHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/kessai";

    private final SessionService sessions;
    private final KessaiRecords records;
    private final FileStore files;
    private final Clock clock;

    public KessaiHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, KessaiRecords records,
            FileStore files, Clock clock) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.records = records;
        this.files = files;
        this.clock = clock;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> segments = exchange.segmentsAfter(PREFIX);
        if (segments.isEmpty()) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        String first = segments.getFirst();
        if (first.equals("register") && segments.size() == 1) {
            requireMethod(exchange, "GET");
            return register(exchange, who);
        }
        if (first.equals("retention")) {
            return retention(exchange, segments);
        }
        requireMethod(exchange, "GET");
        Kessai kessai = records.visible(who.user(), first).orElseThrow(() -> ApiException.notFound(
                "no 案件 " + first + " that you may see"));
        if (segments.size() == 1) {
            return Reply.ok(kessai);
        }
        if (segments.size() == 2 && segments.get(1).equals("record")) {
            if (kessai.record() == null) {
                throw ApiException.notFound("the PDF of record of " + first + " is not made (yet): it is made once decided");
            }
            String name = (kessai.documentNumber() == null ? kessai.id() : kessai.documentNumber()) + "_決裁記録.pdf";
            return Reply.ok(new Download("application/pdf", name, kessai.record().size(),
                    () -> java.nio.file.Files.newInputStream(files.path(kessai.record().sha256()))));
        }
        throw ApiException.notFound("no such route: " + exchange.path());
    }

    private Reply register(ApiExchange exchange, SessionService.Authenticated who) {
        String unit = exchange.requireQueryParam("unit");
        LocalDate from = date(exchange, "from");
        LocalDate to = date(exchange, "to");
        if (to.isBefore(from) || to.isAfter(from.plusYears(10))) {
            throw ApiException.badRequest("to must be on or after from, and within 10 years of it", "to");
        }
        String charset = exchange.queryParam("charset") == null ? "utf-8" : exchange.queryParam("charset").toLowerCase();
        if (!charset.equals("utf-8") && !charset.equals("shift_jis")) {
            throw ApiException.badRequest("charset is utf-8 (with BOM) or shift_jis", "charset");
        }
        if (!records.mayReadRegister(who.user(), unit)) {
            throw ApiException.forbidden("the 決裁簿 of " + unit + " is for those with rights over that 課 and administrators");
        }
        boolean sjis = charset.equals("shift_jis");
        byte[] csv = records.register(unit, from, to, sjis);
        return Reply.ok(Download.of("text/csv; charset=" + (sjis ? "Shift_JIS" : "UTF-8"),
                "決裁簿_" + unit + "_" + from + "_" + to + ".csv", csv));
    }

    private Reply retention(ApiExchange exchange, List<String> segments) {
        SessionService.Authenticated admin = sessions.authorise(exchange.bearerToken(), Role.ADMIN);
        if (segments.size() == 1) {
            requireMethod(exchange, "GET");
            LocalDate asOf = exchange.queryParam("asOf") == null ? LocalDate.now(clock) : date(exchange, "asOf");
            return Reply.ok(new RetentionList(asOf, records.pastRetention(asOf)));
        }
        requireMethod(exchange, "POST");
        JsonNode body = exchange.readJson(JsonNode.class);
        RetentionList.Disposition disposition;
        try {
            disposition = RetentionList.Disposition.valueOf(body.path("decision").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("decision is DISPOSE (廃棄), TRANSFER (移管) or EXTEND (継続)", "decision");
        }
        LocalDate keptUntil = null;
        if (disposition == RetentionList.Disposition.EXTEND) {
            try {
                keptUntil = LocalDate.parse(body.path("keptUntil").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("継続 needs keptUntil (yyyy-mm-dd)", "keptUntil");
            }
        }
        if (!records.decide(admin.user(), segments.get(1), disposition, keptUntil, clock.instant())) {
            throw ApiException.notFound("no decided 案件 " + segments.get(1));
        }
        return Reply.noContent();
    }

    private static LocalDate date(ApiExchange exchange, String name) {
        String value = exchange.requireQueryParam(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date yyyy-mm-dd, was " + value, name);
        }
    }
}
