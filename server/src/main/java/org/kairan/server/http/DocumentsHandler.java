package org.kairan.server.http;

import java.util.List;

import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.server.documents.LibraryRecords;
import org.kairan.server.files.FileStore;
import org.kairan.server.login.SessionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 課 document libraries outside the feed ({@code /api/documents}): a 課's documents
 * ({@code GET /api/documents?unit=}), one document ({@code GET /api/documents/{id}}), its extracted text
 * ({@code GET /api/documents/{id}/text}) and the file of a version
 * ({@code GET /api/documents/{id}/versions/{n}/file}). A document the user may not see answers exactly like one
 * that does not exist. Changes go through the sync commands ({@code document.add}, …).
 */
public final class DocumentsHandler extends RouteFamilyHandler {

    private static final String PREFIX = "/api/documents";

    private final SessionService sessions;
    private final LibraryRecords records;
    private final FileStore files;

    public DocumentsHandler(ObjectMapper mapper, long maxBodyBytes, SessionService sessions, LibraryRecords records,
            FileStore files) {
        super(mapper, maxBodyBytes, PREFIX);
        this.sessions = sessions;
        this.records = records;
        this.files = files;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        List<String> segments = exchange.segmentsAfter(PREFIX);
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        requireMethod(exchange, "GET");
        if (segments.isEmpty()) {
            String unit = exchange.requireQueryParam("unit");
            return Reply.ok(records.inUnit(who.user(), unit));
        }
        String id = segments.getFirst();
        if (segments.size() == 1) {
            return Reply.ok(visible(who, id));
        }
        if (segments.size() == 2 && segments.get(1).equals("text")) {
            return Reply.ok(records.text(who.user(), id).orElseThrow(() -> notFound(id)));
        }
        if (segments.size() == 4 && segments.get(1).equals("versions") && segments.get(3).equals("words")) {
            int number = versionNumber(id, segments.get(2));
            return Reply.ok(records.words(who.user(), id, number)
                    .orElseThrow(() -> ApiException.notFound("no version " + number + " of document " + id)));
        }
        if (segments.size() == 4 && segments.get(1).equals("versions") && segments.get(3).equals("file")) {
            int number = versionNumber(id, segments.get(2));
            DocumentVersion version = visible(who, id).version(number)
                    .orElseThrow(() -> ApiException.notFound("no version " + number + " of document " + id));
            return Reply.ok(new Download(version.mediaType(), version.fileName(), version.size(),
                    () -> java.nio.file.Files.newInputStream(files.path(version.sha256()))));
        }
        throw ApiException.notFound("no such route: " + exchange.path());
    }

    private static int versionNumber(String id, String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no version " + segment + " of document " + id);
        }
    }

    private LibraryDocument visible(SessionService.Authenticated who, String id) {
        return records.visible(who.user(), id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no document " + id + " that you may see");
    }
}
