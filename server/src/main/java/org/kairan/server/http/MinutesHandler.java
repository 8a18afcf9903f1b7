package org.kairan.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.login.SessionService;
import org.kairan.server.minutes.RecordingInUseException;
import org.kairan.server.minutes.RecordingRefusedException;
import org.kairan.server.minutes.SpeechToTextException;
import org.kairan.server.minutes.TranscriptionJob;
import org.kairan.server.minutes.TranscriptionJobs;
import org.kairan.server.minutes.Transcription;
import org.kairan.server.minutes.WebVtt;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Speech-to-text of meeting recordings ({@code /api/minutes}): the languages with an installed model
 * ({@code GET /api/minutes/languages}); {@code POST /api/minutes/transcriptions?language=ja} uploads a recording (the
 * body, streamed; its name in {@code X-Kairan-File-Name}, percent-encoded UTF-8) and answers its job (202);
 * {@code GET /api/minutes/transcriptions} lists one's jobs, {@code GET …/{id}} one job with its progress,
 * {@code GET …/{id}/transcript} the transcript as JSON segments, {@code GET …/{id}/transcript.vtt} as WebVTT;
 * {@code DELETE …/{id}} cancels a job still running (200 with the job, now 取消) and removes a finished one with
 * its recording (204). A job belongs to whoever uploaded it; anyone else's answers 404.
 */
public final class MinutesHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/minutes";
    private static final String JOBS = "transcriptions";

    private final SessionService sessions;
    private final TranscriptionJobs jobs;

    public MinutesHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, TranscriptionJobs jobs) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.jobs = jobs;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> segments = exchange.segmentsAfter(PREFIX);
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        String owner = who.user().staffNo();
        if (segments.size() == 1 && segments.getFirst().equals("languages")) {
            requireMethod(exchange, "GET");
            return Reply.ok(jobs.languages());
        }
        if (segments.isEmpty() || !segments.getFirst().equals(JOBS) || segments.size() > 3) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        if (segments.size() == 1) {
            if (exchange.method().equals("POST")) {
                return new Reply(202, upload(exchange, owner));
            }
            requireMethod(exchange, "GET");
            return Reply.ok(jobs.list(owner));
        }
        String id = segments.get(1);
        if (segments.size() == 2) {
            if (exchange.method().equals("DELETE")) {
                return delete(owner, id);
            }
            requireMethod(exchange, "GET");
            return Reply.ok(job(owner, id));
        }
        requireMethod(exchange, "GET");
        String what = segments.get(2);
        if (!what.equals("transcript") && !what.equals("transcript.vtt")) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        TranscriptionJob job = job(owner, id);
        Transcription transcript = jobs.transcript(owner, id).orElseThrow(() -> ApiException.conflict(
                "文字起こしはまだ終わっていません（" + job.status() + "） (the transcript is not ready)"));
        if (what.equals("transcript")) {
            return Reply.ok(transcript);
        }
        return Reply.ok(Download.of("text/vtt; charset=utf-8", baseName(job.fileName()) + ".vtt",
                WebVtt.of(transcript.segments()).getBytes(StandardCharsets.UTF_8)));
    }

    private TranscriptionJob upload(ApiExchange exchange, String owner) {
        String language = exchange.requireQueryParam("language").toLowerCase(java.util.Locale.ROOT);
        if (!language.matches("[a-z]{2,3}")) {
            throw ApiException.badRequest("language は ja、en のような言語コードです (an ISO 639 code)", "language");
        }
        String header = exchange.header(FilesHandler.NAME_HEADER);
        if (header == null || header.isBlank()) {
            throw ApiException.badRequest(FilesHandler.NAME_HEADER + " must name the recording (percent-encoded UTF-8)",
                    FilesHandler.NAME_HEADER);
        }
        String name = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
        if (name.isEmpty() || name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ApiException.badRequest("the file name must be 1–255 characters without / or \\", FilesHandler.NAME_HEADER);
        }
        if (!jobs.language(language).installed()) {
            throw new ApiException(422, new ApiError(ErrorCode.UNPROCESSABLE, jobs.language(language).message(), "language",
                    null));
        }
        if (exchange.declaredLength() > jobs.maxUploadBytes()) {
            throw refused(TranscriptionJobs.tooLarge(name, jobs.maxUploadBytes()));
        }
        try (InputStream body = exchange.bodyStream()) {
            return jobs.submit(owner, language, name, body);
        } catch (RecordingRefusedException e) {
            throw refused(e);
        } catch (SpeechToTextException e) {
            throw new ApiException(422, new ApiError(ErrorCode.UNPROCESSABLE, e.getMessage(), "language", null));
        } catch (java.io.EOFException e) {
            throw ApiException.badRequest("the upload ended before its end: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(503, ApiError.of(ErrorCode.SERVER_ERROR,
                    "録音を保存できませんでした。しばらくしてからもう一度お試しください (" + e.getMessage() + ")"));
        }
    }

    private Reply delete(String owner, String id) {
        TranscriptionJob job = job(owner, id);
        if (!job.state().finished()) {
            return Reply.ok(jobs.cancel(owner, id).orElseThrow(() -> notFound(id)));
        }
        boolean deleted;
        try {
            deleted = jobs.delete(owner, id).orElseThrow(() -> notFound(id));
        } catch (RecordingInUseException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!deleted) {
            throw ApiException.conflict("文字起こしの停止を待っています。少し後でもう一度削除してください (the job is still stopping)");
        }
        return Reply.noContent();
    }

    private TranscriptionJob job(String owner, String id) {
        return jobs.find(owner, id).orElseThrow(() -> notFound(id));
    }

    private static ApiException refused(RecordingRefusedException e) {
        return switch (e.refusal()) {
            case TOO_LARGE -> new ApiException(413, new ApiError(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(),
                    e.refusal().name(), null));
            case NOT_AUDIO, NO_CONVERTER -> new ApiException(415, new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    e.getMessage(), e.refusal().name(), null));
            case EMPTY -> new ApiException(422, new ApiError(ErrorCode.UNPROCESSABLE, e.getMessage(), e.refusal().name(),
                    null));
        };
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no transcription " + id + " that you may see");
    }
}
