package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.files.StoredFile;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;

import com.fasterxml.jackson.core.type.TypeReference;

/** A desktop's use of a 課's document library over HTTP: uploads, commands, and waiting for the extraction. */
public final class LibraryClient {

    private final RunningServer running;

    public LibraryClient(RunningServer running) {
        this.running = running;
    }

    /** {@code PUT /api/files?purpose=library}. */
    public HttpResponse<String> upload(String token, String name, byte[] bytes) {
        return running.send(HttpRequest.newBuilder(running.uri("/api/files?purpose=library"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Uploads and returns the file to name in a command; fails unless the server keeps it. */
    public DocumentFile uploaded(String token, String name, byte[] bytes) {
        HttpResponse<String> response = upload(token, name, bytes);
        assertEquals(200, response.statusCode(), "the library keeps " + name + ": " + response.body());
        return new DocumentFile(name, running.read(response, StoredFile.class).sha256());
    }

    /** Sends one command under a fresh key. */
    public CommandResult send(String token, String type, Object payload) {
        return send(token, UUID.randomUUID().toString(), type, payload);
    }

    public CommandResult send(String token, String key, String type, Object payload) {
        Map<String, Object> body = running.json.convertValue(payload, new TypeReference<Map<String, Object>>() { });
        return SyncCommands.send(running, token, List.of(SyncCommands.command(key, type, body))).getFirst();
    }

    /** Uploads the file and adds a document with it to the 課's library (一般庶務, 2026); returns its id. */
    public String add(String token, String unitCode, String title, String fileName, byte[] bytes) {
        DocumentFile file = uploaded(token, fileName, bytes);
        String id = UUID.randomUUID().toString();
        CommandResult result = send(token, CommandTypes.ADD_DOCUMENT, new AddDocument(id, unitCode, title, "一般庶務", 2026,
                List.of(), null, file));
        assertEquals(CommandOutcome.APPLIED, result.outcome(), "the document is added: " + result);
        return id;
    }

    /** Uploads the file as the document's next version. */
    public CommandResult addVersion(String token, String id, String fileName, byte[] bytes) {
        return send(token, CommandTypes.ADD_DOCUMENT_VERSION, new AddDocumentVersion(id, uploaded(token, fileName, bytes)));
    }

    public HttpResponse<String> get(String token, String path) {
        return running.get(path, token);
    }

    public LibraryDocument document(String token, String id) {
        HttpResponse<String> response = running.get("/api/documents/" + id, token);
        assertEquals(200, response.statusCode(), "the document is readable: " + response.body());
        return running.read(response, LibraryDocument.class);
    }

    public DocumentText text(String token, String id) {
        HttpResponse<String> response = running.get("/api/documents/" + id + "/text", token);
        assertEquals(200, response.statusCode(), "the text is readable: " + response.body());
        return running.read(response, DocumentText.class);
    }

    /** Where OCR found the words of the version's OCR'd pages ({@code GET /api/documents/{id}/versions/{n}/words}). */
    public List<PageWords> words(String token, String id, int version) {
        HttpResponse<String> response = running.get("/api/documents/" + id + "/versions/" + version + "/words", token);
        assertEquals(200, response.statusCode(), "the words are readable: " + response.body());
        try {
            return running.json.readValue(response.body(), new TypeReference<List<PageWords>>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError("the words read as a list of PageWords: " + response.body(), e);
        }
    }

    /** Waits until the version's extraction has finished (extracted or failed); returns the document then. */
    public LibraryDocument awaitExtraction(String token, String id, int version, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            LibraryDocument document = document(token, id);
            DocumentVersion v = document.version(version).orElseThrow();
            if (v.extraction().state().finished()) {
                return document;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("version " + version + " of 「" + document.title() + "」 is extracted within "
                        + atMost + ": still " + v.extraction());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
