package org.kairan.server.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.login.SessionService;
import org.kairan.server.minutes.MinutesRecords;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 議事録 outside the feed ({@code /api/minutes/records}): one record as last saved
 * ({@code GET /api/minutes/records/{id}}) and the 会議録 as a file
 * ({@code GET /api/minutes/records/{id}/export?format=docx|pdf}, named 「<会議名> 会議録.docx」) and the recording
 * minutes made by speech-to-text are played from ({@code GET /api/minutes/records/{id}/recording}: WAV, 16 kHz mono,
 * an utterance's time a place in it). Minutes the user
 * may not see answer exactly like minutes that do not exist. Changes go through the sync commands
 * ({@code minutes.save}, {@code minutes.send}).
 */
public final class MinutesRecordsHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/minutes/records";

    private final SessionService sessions;
    private final MinutesRecords records;

    public MinutesRecordsHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions,
            MinutesRecords records) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.records = records;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> segments = exchange.segmentsAfter(PREFIX);
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        requireMethod(exchange, "GET");
        if (segments.isEmpty()) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        String id = segments.getFirst();
        if (segments.size() == 1) {
            MinutesRecord record = records.visible(who.user(), id).orElseThrow(() -> notFound(id));
            return Reply.ok(record);
        }
        if (segments.size() == 2 && segments.get(1).equals("export")) {
            MinutesRecords.Format format = format(exchange.requireQueryParam("format"));
            MinutesRecords.Export export;
            try {
                export = records.export(who.user(), id, format).orElseThrow(() -> notFound(id));
            } catch (IOException e) {
                throw ApiException.unprocessable("議事録のファイルを作成できません: " + e.getMessage(), null);
            }
            byte[] content = export.content();
            return Reply.ok(new Download(export.mediaType(), export.fileName(), content.length,
                    () -> new ByteArrayInputStream(content)));
        }
        if (segments.size() == 2 && segments.get(1).equals("recording")) {
            try {
                MinutesRecords.Playable sound = records.recording(who.user(), id).orElseThrow(() -> ApiException.notFound(
                        "この議事録には再生できる録音がありません (no recording of minutes " + id + " that you may hear)"));
                return Reply.ok(new Download(MinutesRecords.Playable.MEDIA_TYPE, sound.fileName(), sound.length(),
                        sound::open));
            } catch (IOException e) {
                throw new ApiException(503, ApiError.of(ErrorCode.SERVER_ERROR,
                        "録音を読み出せませんでした (" + e.getMessage() + ")"));
            }
        }
        throw ApiException.notFound("no such route: " + exchange.path());
    }

    private static MinutesRecords.Format format(String name) {
        try {
            return MinutesRecords.Format.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format は docx または pdf です (format must be docx or pdf): " + name);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no minutes " + id + " that you may see");
    }
}
