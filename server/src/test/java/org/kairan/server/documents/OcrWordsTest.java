package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.PageWords;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.TestRoster;

/**
 * Where OCR found the words of scanned pages ({@code GET /api/documents/{id}/versions/{n}/words}), with the
 * installed {@code tesseract}: scans turned by a degree or two are OCR'd (縦書き turned straight first), and each
 * word's box must come back where the scan drew it on the page as a viewer shows it — the A4 page of the PDF, in
 * points — so that the desktop's highlight lands on the word the search found.
 */
class OcrWordsTest extends LibraryServerCase {

    private static final Duration OCR_WAIT = Duration.ofMinutes(3);
    /** How far a word's box may stand outside the line the scan drew, in points (about 1 mm). */
    private static final double TOLERANCE = 3;
    private static final float POINTS = 12;
    private static final double A4_WIDTH = 595.28;
    private static final double A4_HEIGHT = 841.89;

    @Test
    void theWordsOfAScannedPageStandWhereTheyWerePrintedAndATextPageHasNone() {
        double degrees = 1.0;
        List<String> lines = LibraryExtractionTest.NOTICE;
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "道路占用許可申請書（1ページ目は本文、2ページ目はスキャン）",
                "占用許可申請.pdf", LibrarySamples.mixedPdf(List.of("道路占用許可申請書の送付について", "別紙のとおり申請がありました。"),
                        LibrarySamples.scannedPage(lines, POINTS, false, 31, degrees)));
        assertEquals(ExtractionState.EXTRACTED, library.awaitExtraction(shuji, id, 1, OCR_WAIT).current().orElseThrow()
                .extraction().state());

        List<PageWords> pages = library.words(shuji, id, 1);
        assertEquals(List.of(2), pages.stream().map(PageWords::page).toList(),
                "only the scanned page 2 has OCR'd words; page 1 has its own text layer");
        PageWords scan = pages.getFirst();
        assertEquals(A4_WIDTH, scan.width(), 0.5, "the page is as wide as the PDF's A4 page, in points");
        assertEquals(A4_HEIGHT, scan.height(), 0.5);
        assertWordsWhereDrawn(scan, lines, false, degrees, List.of(
                new Expected(0, "道路占用許可申請書"), new Expected(2, "伊織建設株式会社"), new Expected(4, "水道管の布設工事"),
                new Expected(6, "令和8年5月1日"), new Expected(7, "開削工法")));
    }

    @Test
    void theWordsOfATurnedVerticalPageAreTurnedBackOntoThePageAsScanned() {
        double degrees = 2.0;
        List<String> columns = List.of("防災訓練の実施について", "令和八年九月一日に市内全域で", "総合防災訓練を実施します。",
                "市民の皆様のご協力をお願いします。");
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "防災訓練のお知らせ（縦書き）", "防災訓練.pdf",
                LibrarySamples.imagePdf(List.of(LibrarySamples.scannedPage(columns, POINTS, true, 32, degrees)), true));
        assertEquals(ExtractionState.EXTRACTED, library.awaitExtraction(shuji, id, 1, OCR_WAIT).current().orElseThrow()
                .extraction().state());

        List<PageWords> pages = library.words(shuji, id, 1);
        assertEquals(1, pages.size(), "the one scanned page has words: " + pages);
        // turned by 2°, Tesseract reads the two right-hand columns poorly (the text test reads them at 0.3°); the
        // columns to the left are read well, and their ends stand 6–12 points off where they would be unturned
        assertWordsWhereDrawn(pages.getFirst(), columns, true, degrees, List.of(new Expected(2, "総合防災訓練を実施"),
                new Expected(3, "皆様のご協力")));
    }

    @Test
    void anotherKasDocumentsWordsAnswerExactlyLikeADocumentThatDoesNotExist() {
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "見積書", "見積書.pdf",
                LibrarySamples.textPdf(List.of(List.of("見積書", "品名　複合機　1台", "金額　150,000円"))));
        library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(60));
        assertEquals(List.of(), library.words(shuji, id, 1), "a text PDF has no OCR'd words: an empty list");

        String joho = running.sessionFor(TestRoster.ADMIN);
        HttpResponse<String> guessed = library.get(joho, "/api/documents/" + id + "/versions/1/words");
        HttpResponse<String> unknown = library.get(joho, "/api/documents/" + UUID.randomUUID() + "/versions/1/words");
        assertEquals(404, guessed.statusCode(), "情報政策課 does not see 財政課's document's words");
        assertEquals(404, unknown.statusCode());
        assertEquals(unknown.body().replaceAll("[0-9a-f-]{36}", "?"), guessed.body().replaceAll("[0-9a-f-]{36}", "?"),
                "exactly the answer for a document that does not exist");
        assertEquals(404, library.get(shuji, "/api/documents/" + id + "/versions/2/words").statusCode(),
                "a version that does not exist is not found either");
    }

    /** A line (column) of the scan and words of it a search would look for. */
    record Expected(int line, String phrase) {
    }

    /**
     * For each expected phrase: the words whose box is centred inside the line the scan drew (turned as it was,
     * scaled to the page) read the phrase, and every one of their boxes lies within that line.
     */
    private static void assertWordsWhereDrawn(PageWords page, List<String> lines, boolean vertical, double degrees,
            List<Expected> expected) {
        double sx = page.width() / LibrarySamples.A4_WIDTH;
        double sy = page.height() / LibrarySamples.A4_HEIGHT;
        for (Expected e : expected) {
            Rectangle2D drawn = LibrarySamples.drawnAt(lines, e.line(), POINTS, vertical, degrees);
            Rectangle2D onPage = new Rectangle2D.Double(drawn.getX() * sx - TOLERANCE, drawn.getY() * sy - TOLERANCE,
                    drawn.getWidth() * sx + 2 * TOLERANCE, drawn.getHeight() * sy + 2 * TOLERANCE);
            List<PageWords.Word> inLine = page.words().stream()
                    .filter(w -> onPage.contains(w.x() + w.width() / 2.0, w.y() + w.height() / 2.0)).toList();
            String read = LibrarySamples.squeezed(String.join("", inLine.stream().map(PageWords.Word::text).toList()));
            assertTrue(read.contains(e.phrase()), "「" + e.phrase() + "」 is read from words placed on line " + e.line()
                    + " " + onPage + ": " + read + " (all words: " + page.words() + ")");
            for (PageWords.Word w : inLine) {
                assertTrue(onPage.contains(new Rectangle2D.Double(w.x(), w.y(), w.width(), w.height())),
                        "the box of 「" + w.text() + "」 lies within the line where it was printed " + onPage + ": " + w);
            }
        }
    }
}
