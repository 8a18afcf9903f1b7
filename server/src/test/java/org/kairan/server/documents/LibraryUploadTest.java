package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.LibraryFiles;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.files.StoredFile;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.testing.LibraryClient;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.OfficeSamples;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * Uploads for a library ({@code PUT /api/files?purpose=library}): PDFs, scans, .docx and .xlsx kept and known by
 * content, anything else (.doc, .xls too) refused with a Japanese reason; the 決裁 attachment rules stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryUploadTest {

    private static final List<List<String>> PAGE = List.of(List.of("見積書", "金額　150,000円"));

    @TempDir
    static Path dataDir;

    RunningServer running;
    LibraryClient library;
    String token;

    @BeforeAll
    void start() {
        running = RunningServer.h2(dataDir).withTestRoster();
        library = new LibraryClient(running);
        token = running.sessionFor(TestRoster.SHUJI);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private StoredFile kept(String name, byte[] bytes) {
        HttpResponse<String> response = library.upload(token, name, bytes);
        assertEquals(200, response.statusCode(), "the library keeps " + name + ": " + response.body());
        return running.read(response, StoredFile.class);
    }

    private ApiError refused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), "refused: " + response.body());
        return running.read(response, ApiError.class);
    }

    @Test
    void pdfsAndScannedImagesAreKeptAndKnownByTheirContent() {
        var scan = LibrarySamples.scannedPage(List.of("申請書"), 12, false, 1);
        StoredFile pdf = kept("見積書.pdf", LibrarySamples.textPdf(PAGE));
        assertEquals("application/pdf", pdf.mediaType(), "a PDF is a PDF");
        assertEquals(1, pdf.pages(), "with its pages");
        StoredFile png = kept("スキャン.jpg", LibrarySamples.image(scan, "png"));
        assertEquals("image/png", png.mediaType(), "a PNG named .jpg is a PNG: the content decides");
        assertEquals(1, png.pages());
        assertEquals("image/jpeg", kept("スキャン", LibrarySamples.image(scan, "jpeg")).mediaType(),
                "a JPEG without an extension is a JPEG");
        StoredFile tiff = kept("会議録.tif", LibrarySamples.tiff(List.of(scan, scan, scan)));
        assertEquals("image/tiff", tiff.mediaType());
        assertEquals(3, tiff.pages(), "a TIFF counts its frames as pages");
    }

    @Test
    void wordAndExcelFilesAreKeptKnownByTheirContentWithTheirPagesCounted() {
        StoredFile docx = kept("事務決裁規程", OfficeSamples.kitei());
        assertEquals(LibraryFiles.DOCX, docx.mediaType(), "a Word document without an extension is a .docx");
        assertEquals(3, docx.pages(), "with the pages its page breaks make");
        StoredFile xlsx = kept("予算要求一覧.docx", OfficeSamples.yosan());
        assertEquals(LibraryFiles.XLSX, xlsx.mediaType(), "a workbook named .docx is an .xlsx: the content decides");
        assertEquals(2, xlsx.pages(), "one page per visible sheet");
        StoredFile damaged = kept("壊れた.docx", "PK\u0003\u0004 cut short".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(LibraryFiles.DOCX, damaged.mediaType(), "a damaged .docx is kept by its name, its extraction will"
                + " say what is wrong");
        assertEquals(0, damaged.pages(), "no pages could be counted");
        assertEquals(LibraryFiles.DOCX, kept("パスワード付き.docx", OfficeSamples.passwordProtected(OfficeSamples.kitei()))
                .mediaType(), "and so is a password-protected one");
    }

    @Test
    void otherKindsOfFileAndOldWordAndExcelFilesAreRefusedWithAJapaneseReason() {
        for (String name : List.of("議事録.doc", "メモ.txt", "予算.xls")) {
            ApiError error = refused(library.upload(token, name, OfficeSamples.oldWord()), 422);
            assertEquals(ErrorCode.UNPROCESSABLE, error.error());
            assertEquals(FileRefusal.UNSUPPORTED_TYPE.name(), error.field(), "the refusal's code for the desktop");
            assertTrue(error.message().contains("「" + name + "」は文書庫に登録できない種類のファイルです"),
                    "the message names the file in Japanese: " + error.message());
            assertTrue(error.message().contains("PNG・JPEG・TIFF") && error.message().contains("Word・Excel（.docx・.xlsx）"),
                    "and says what is taken: " + error.message());
        }
        refused(library.upload(token, "空.doc", new byte[0]), 422);
        assertEquals(400, running.send(HttpRequest.newBuilder(running.uri("/api/files?purpose=chat"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode("a.pdf", StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(LibrarySamples.textPdf(PAGE)))).statusCode(),
                "an unknown purpose is a client's mistake");
    }

    @Test
    void damagedEncryptedAndEmptyPdfsAreKeptForTheLibraryButTheAttachmentRulesStay() {
        byte[] encrypted = LibrarySamples.passwordProtected(PAGE);
        byte[] truncated = LibrarySamples.truncated(LibrarySamples.textPdf(PAGE));
        assertEquals(0, kept("空.pdf", new byte[0]).size(), "an empty PDF is kept: its extraction will say it is empty");
        assertEquals("application/pdf", kept("パスワード付き.pdf", encrypted).mediaType());
        assertEquals("application/pdf", kept("壊れた.pdf", truncated).mediaType());

        HttpResponse<String> attachment = running.send(HttpRequest.newBuilder(running.uri("/api/files"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode("パスワード付き.pdf", StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(encrypted)));
        assertEquals(FileRefusal.ENCRYPTED.name(), refused(attachment, 422).field(),
                "as a 決裁's attachment the same bytes are still refused");
        HttpResponse<String> empty = running.send(HttpRequest.newBuilder(running.uri("/api/files"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode("空.pdf", StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[0])));
        assertEquals(FileRefusal.EMPTY.name(), refused(empty, 422).field(), "and so is an empty one");
    }
}
