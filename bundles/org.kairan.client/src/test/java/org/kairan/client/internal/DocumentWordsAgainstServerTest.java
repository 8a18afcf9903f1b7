package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.protocol.ErrorCode;

/**
 * The words OCR found on a library scan, through the client against the real server jar: the demo city's 財政課
 * has a scanned 見積書 (an image-only PDF) that the server OCRs after start-up; its 主事 gets the page's words with
 * their boxes on the page, and they are the page's text word for word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentWordsAgainstServerTest {

    private static final String ZAISEI_KA = "120200";
    private static final long OCR_WAIT_MILLIS = 180_000;

    private final JsonCodec json = new JsonCodec();
    private RealServer server;
    private HttpKairanServerClient desktop;
    private String token;

    @BeforeAll
    void startServerAndLogIn(@TempDir Path workspace) throws Exception {
        server = RealServer.startWithLibrary("document-words");
        desktop = RealServer.client(workspace);
        server.enrolThrough(desktop, DemoAccounts.FINANCE_CLERK);
        token = desktop.session().orElseThrow().token();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWordsOfAScannedPageComeWithTheirBoxesOnThePage() throws Exception {
        LibraryDocument scan = extractedScan();

        List<PageWords> pages = desktop.documentWords(scan.id(), 1);

        assertEquals(List.of(1), pages.stream().map(PageWords::page).toList(), "the scan's one page has words");
        PageWords page = pages.getFirst();
        assertFalse(page.words().isEmpty(), "OCR found words on it");
        assertTrue(page.width() > 500 && page.height() > 700, "the page's size is in points (an A4 page): " + page);
        for (PageWords.Word w : page.words()) {
            assertTrue(w.width() > 0 && w.height() > 0 && w.x() >= 0 && w.y() >= 0 && w.x() + w.width() <= page.width()
                    && w.y() + w.height() <= page.height(), "each box has an area on the page: " + w);
        }
        DocumentText text = json.read(server.api.get("/api/documents/" + scan.id() + "/text", token).body(), DocumentText.class);
        assertEquals(squeezed(text.pages().getFirst().text()),
                squeezed(String.join("", page.words().stream().map(PageWords.Word::text).toList())),
                "the words are the page's searchable text, word for word");

        RequestRejectedException missing = assertThrows(RequestRejectedException.class,
                () -> desktop.documentWords(scan.id(), 9), "a version the document does not have");
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    /** 財政課's scanned 見積書 of the demo library, once the server has OCR'd it. */
    private LibraryDocument extractedScan() throws Exception {
        long deadline = System.currentTimeMillis() + OCR_WAIT_MILLIS;
        while (true) {
            ServerApi.Answer answer = server.api.get("/api/documents?unit=" + ZAISEI_KA, token);
            assertEquals(200, answer.status(), ServerApi.text(answer));
            LibraryDocument[] documents = json.read(answer.body(), LibraryDocument[].class);
            for (LibraryDocument d : documents) {
                if (d.title().contains("スキャン") && d.current().orElseThrow().extraction().state().finished()) {
                    return d;
                }
            }
            assertTrue(System.currentTimeMillis() < deadline, "the demo library's scanned 見積書 is OCR'd within 3 minutes");
            Thread.sleep(200);
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("[\\s\\u3000]", "");
    }
}
