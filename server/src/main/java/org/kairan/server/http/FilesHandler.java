package org.kairan.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kairan.core.files.FileRefusal;
import org.kairan.core.files.StoredFile;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.documents.LibraryModule;
import org.kairan.server.files.FileCheck;
import org.kairan.server.files.FileRefusedException;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiRecords;
import org.kairan.server.login.SessionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Files ({@code /api/files}): {@code PUT /api/files} keeps an upload (the body, with its name in
 * {@code X-Kairan-File-Name}, percent-encoded UTF-8) and answers its {@link StoredFile}; the same bytes
 * again give the same answer. {@code PUT /api/files?purpose=library} keeps a file for a 課's document library:
 * PDFs (damaged and encrypted ones too: their extraction says what is wrong) and scanned images (PNG, JPEG,
 * TIFF), nothing else. {@code GET /api/files/{sha256}} sends a file to whoever uploaded it or may see a 案件
 * or library document that has it. Too large → 413, empty or an unusable PDF (for a 決裁), a type a library
 * does not take → 422, with the {@link FileRefusal} as the error's field.
 */
public final class FilesHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/files";
    static final String NAME_HEADER = "X-Kairan-File-Name";

    /** {@code ?purpose=library}: the upload is for a document library. */
    static final String LIBRARY = "library";

    private final SessionService sessions;
    private final FileStore files;
    private final KessaiRecords records;
    private final LibraryModule library;

    public FilesHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, FileStore files,
            KessaiRecords records, LibraryModule library) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.files = files;
        this.records = records;
        this.library = library;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> segments = exchange.segmentsAfter(PREFIX);
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        if (segments.isEmpty()) {
            requireMethod(exchange, "PUT");
            return Reply.ok(upload(exchange, who));
        }
        requireMethod(exchange, "GET");
        String sha256 = segments.getFirst();
        if (segments.size() != 1 || !sha256.matches("[0-9a-f]{64}") || !(records.mayDownload(who.user(), sha256)
                || library.records().mayDownload(who.user(), sha256))) {
            throw ApiException.notFound("no file " + sha256 + " that you may see");
        }
        StoredFile stored = records.describe(sha256).orElseThrow(() -> ApiException.notFound("no file " + sha256));
        return Reply.ok(new Download(stored.mediaType(), sha256, stored.size(),
                () -> java.nio.file.Files.newInputStream(files.path(sha256))));
    }

    private StoredFile upload(ApiExchange exchange, SessionService.Authenticated who) {
        String purpose = exchange.queryParam("purpose");
        if (purpose != null && !purpose.equals(LIBRARY)) {
            throw ApiException.badRequest("purpose is \"library\" for a document library, or absent for a 決裁's"
                    + " attachment", "purpose");
        }
        FileCheck check = purpose == null ? null : library.fileCheck();
        String header = exchange.header(NAME_HEADER);
        if (header == null || header.isBlank()) {
            throw ApiException.badRequest(NAME_HEADER + " must name the file (percent-encoded UTF-8)", NAME_HEADER);
        }
        String name = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
        if (name.isEmpty() || name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ApiException.badRequest("the file name must be 1–255 characters without / or \\", NAME_HEADER);
        }
        if (exchange.declaredLength() > files.maxBytes()) {
            throw refused(new FileRefusedException(FileRefusal.TOO_LARGE, "「" + name + "」は上限の"
                    + files.maxBytes() / (1024 * 1024) + " MBを超えています (the file is larger than the limit)"));
        }
        try (InputStream body = exchange.bodyStream()) {
            return check == null ? files.put(body, name, who.user().staffNo())
                    : files.put(body, name, who.user().staffNo(), check);
        } catch (FileRefusedException e) {
            throw refused(e);
        } catch (java.io.EOFException e) {
            throw ApiException.badRequest("the upload ended before its end: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(503, org.kairan.core.protocol.ApiError.of(ErrorCode.SERVER_ERROR,
                    "the server could not keep the file (" + e.getMessage() + "); try again later"));
        }
    }

    private static ApiException refused(FileRefusedException e) {
        boolean tooLarge = e.reason() == FileRefusal.TOO_LARGE;
        return new ApiException(tooLarge ? 413 : 422, new ApiError(tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE
                : ErrorCode.UNPROCESSABLE, e.getMessage(), e.reason().name(), null));
    }
}
