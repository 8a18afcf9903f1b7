package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.PageWords;
import org.kairan.core.documents.TextPage;
import org.kairan.server.ServerConfig;
import org.kairan.server.testing.LibraryClient;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.MutableClock;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * The extraction queue across restarts and with OCR switched off, slow or missing: real servers on H2 with the
 * test roster, stopped and started on the same data directory, and the installed {@code tesseract}.
 */
class LibraryRestartTest {

    private static final Duration OCR_WAIT = Duration.ofMinutes(3);
    private static final List<String> TEXT_PAGE = List.of("会議録", "令和8年6月10日　第2会議室", "出席者　財政課長、財政係長");
    private static final List<String> SCANNED_LINES = List.of("公共施設等総合管理計画", "伊織市の公共施設の延床面積は",
            "今後30年間で20％削減することを目標とする。");

    @TempDir
    Path dataDir;

    private static BufferedImage scan(List<String> lines, long seed) {
        return LibrarySamples.scannedPage(lines, 12, false, seed);
    }

    @Test
    void aRestartGoesOnAfterTheLastPageKeptAndThenTakesWhatWaited() {
        ServerConfig config = RunningServer.config(dataDir, null);
        RunningServer first = RunningServer.start(config).withTestRoster();
        String token = first.sessionFor(TestRoster.SHUJI);
        LibraryClient library = new LibraryClient(first);
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            pages.add(scan(List.of("第" + i + "章", "公共施設の長寿命化と維持管理の方針", "点検の結果を台帳に記録する。"), i));
        }
        String scanned = library.add(token, TestRoster.ZAISEI_KA, "長寿命化計画（スキャン6ページ）", "長寿命化計画.pdf",
                LibrarySamples.imagePdf(pages, true));
        String waiting = library.add(token, TestRoster.ZAISEI_KA, "会議録", "会議録.pdf",
                LibrarySamples.textPdf(List.of(TEXT_PAGE)));
        awaitPagesKept(first, scanned, 1);
        Instant stopped = first.clock.instant();
        first.close();

        MutableClock later = new MutableClock(stopped.plus(Duration.ofHours(1)));
        RunningServer second = RunningServer.start(config.withClock(later));
        try {
            LibraryClient again = new LibraryClient(second);
            ExtractionStatus status = again.awaitExtraction(token, scanned, 1, OCR_WAIT).current().orElseThrow().extraction();
            assertEquals(ExtractionState.EXTRACTED, status.state(), "the interrupted scan is finished after the restart: "
                    + status);
            assertEquals(6, status.pagesDone());
            assertEquals(6, status.ocrPages(), "all six pages count as OCR'd");
            List<Instant> readAt = extractedAt(second, scanned);
            long before = readAt.stream().filter(t -> t.isBefore(later.instant().minus(Duration.ofMinutes(30)))).count();
            assertTrue(before >= 1 && before < 6, "the pages read before the stop (" + before + ") are kept, not read again,"
                    + " and the others were read after the restart: " + readAt);
            for (int i = 0; i < 6; i++) {
                boolean readBeforeStop = i < before;
                assertEquals(readBeforeStop, readAt.get(i).isBefore(later.instant().minus(Duration.ofMinutes(30))),
                        "the restart goes on after the last page kept, in page order: " + readAt);
            }
            assertEquals(ExtractionState.EXTRACTED, again.awaitExtraction(token, waiting, 1, Duration.ofSeconds(60))
                    .current().orElseThrow().extraction().state(), "the document that waited behind it is extracted too");
            assertEquals(6, again.text(token, scanned).pages().size(), "the text has every page");
            assertTrue(LibrarySamples.squeezed(again.text(token, scanned).pages().get(5).text()).contains("第6章"),
                    "page 6 reads as page 6");
            List<PageWords> words = again.words(token, scanned, 1);
            assertEquals(List.of(1, 2, 3, 4, 5, 6), words.stream().map(PageWords::page).toList(),
                    "the words of the pages OCR'd before and after the restart are kept, each page once");
            assertTrue(words.stream().allMatch(w -> !w.words().isEmpty()), "every page has its words");
            assertTrue(LibrarySamples.squeezed(String.join("", words.get(5).words().stream().map(PageWords.Word::text)
                    .toList())).contains("第6章"), "page 6's words are page 6's");
        } finally {
            second.close();
        }
    }

    private static void awaitPagesKept(RunningServer running, String id, int pages) {
        long deadline = System.nanoTime() + OCR_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            long kept = running.server.database().inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM library_page WHERE document_id = ?")) {
                    ps.setString(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            if (kept >= pages) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("page " + pages + " of " + id + " is OCR'd within " + OCR_WAIT);
    }

    private static List<Instant> extractedAt(RunningServer running, String id) {
        return running.server.database().inTransaction(c -> {
            List<Instant> times = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT extracted_at FROM library_page WHERE document_id = ? ORDER BY page")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        times.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                    }
                }
            }
            return times;
        });
    }

    @Test
    void withOcrSwitchedOffAScanFailsWithTheReasonAndIsExtractedOnceOcrIsOn() {
        ServerConfig config = RunningServer.config(dataDir, null);
        RunningServer first = RunningServer.start(config.toBuilder()
                .documents(config.documents().withOcr(false)).build()).withTestRoster();
        String token = first.sessionFor(TestRoster.SHUJI);
        String id = new LibraryClient(first).add(token, TestRoster.ZAISEI_KA, "会議録と計画（2ページ目はスキャン）",
                "会議録と計画.pdf", LibrarySamples.mixedPdf(TEXT_PAGE, scan(SCANNED_LINES, 41)));
        LibraryClient library = new LibraryClient(first);
        ExtractionStatus off = library.awaitExtraction(token, id, 1, Duration.ofSeconds(60)).current().orElseThrow()
                .extraction();
        assertEquals(ExtractionState.FAILED, off.state(), "a page that needs OCR cannot be read without it: " + off);
        assertEquals(ExtractionFailure.OCR_DISABLED, off.failure());
        assertTrue(off.reason().contains("2ページ目") && off.reason().contains("OCRが無効"),
                "the reason names the page and the switch: " + off.reason());
        DocumentText partial = library.text(token, id);
        assertEquals(String.join("\n", TEXT_PAGE), partial.pages().getFirst().text(), "the text page is searchable meanwhile");
        Instant stopped = first.clock.instant();
        first.close();

        RunningServer second = RunningServer.start(config.withClock(new MutableClock(stopped.plus(Duration.ofMinutes(5)))));
        try {
            LibraryClient again = new LibraryClient(second);
            ExtractionStatus on = again.awaitExtraction(token, id, 1, OCR_WAIT).current().orElseThrow().extraction();
            assertEquals(ExtractionState.EXTRACTED, on.state(), "with OCR switched on, the start tries it again: " + on);
            assertEquals(1, on.ocrPages(), "only the scanned page is OCR'd");
            List<TextPage> text = again.text(token, id).pages();
            assertTrue(LibrarySamples.squeezed(text.get(1).text()).contains("公共施設等総合管理計画"),
                    "and its words are found: " + text.get(1).text());
        } finally {
            second.close();
        }
    }

    @Test
    void anOcrTimeoutOrAMissingEngineFailsThosePagesOnlyAndTheOtherPagesStaySearchable() {
        ServerConfig config = RunningServer.config(dataDir.resolve("slow"), null);
        try (RunningServer slow = RunningServer.start(config.toBuilder()
                .documents(config.documents().withOcrTimeout(Duration.ofMillis(1))).build()).withTestRoster()) {
            String token = slow.sessionFor(TestRoster.SHUJI);
            LibraryClient library = new LibraryClient(slow);
            String id = library.add(token, TestRoster.ZAISEI_KA, "計画（スキャン付き）", "計画.pdf",
                    LibrarySamples.mixedPdf(TEXT_PAGE, scan(SCANNED_LINES, 51)));
            ExtractionStatus status = library.awaitExtraction(token, id, 1, OCR_WAIT).current().orElseThrow().extraction();
            assertEquals(ExtractionState.FAILED, status.state(), "an OCR that runs too long fails: " + status);
            assertEquals(ExtractionFailure.OCR_TIMEOUT, status.failure());
            assertTrue(status.reason().contains("2ページ目のOCRが") && status.reason().contains("以内に終わりませんでした"),
                    "the reason names the page: " + status.reason());
            assertEquals(String.join("\n", TEXT_PAGE), library.text(token, id).pages().getFirst().text(),
                    "the page read before it is still published");
        }

        ServerConfig missing = RunningServer.config(dataDir.resolve("missing"), null);
        try (RunningServer server = RunningServer.start(missing.toBuilder()
                .documents(missing.documents().withTesseract(dataDir.resolve("no-such-tesseract").toString())).build())
                .withTestRoster()) {
            String token = server.sessionFor(TestRoster.SHUJI);
            LibraryClient library = new LibraryClient(server);
            String id = library.add(token, TestRoster.ZAISEI_KA, "申請書（画像）", "申請書.png",
                    LibrarySamples.image(scan(SCANNED_LINES, 61), "png"));
            ExtractionStatus status = library.awaitExtraction(token, id, 1, Duration.ofSeconds(60)).current().orElseThrow()
                    .extraction();
            assertEquals(ExtractionState.FAILED, status.state(), "without the OCR engine a scan cannot be read: " + status);
            assertEquals(ExtractionFailure.OCR_UNAVAILABLE, status.failure());
            assertTrue(status.reason().contains("tesseract-ocr をインストール"),
                    "the reason tells the administrator what to install: " + status.reason());
        }
    }
}
