package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.TextPage;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text extraction of a 課's library with the real components: PDFBox for text PDFs, the installed
 * {@code tesseract} (jpn, jpn_vert) for scans, on one H2 server with the test roster. Each test adds its own
 * documents as a member of 財政課 and waits for the server's worker.
 */
class LibraryExtractionTest extends LibraryServerCase {

    private static final Duration OCR_WAIT = Duration.ofMinutes(3);

    /** A notice as 伊織市 would scan it: what OCR must find. */
    static final List<String> NOTICE = List.of(
            "道路占用許可申請書",
            "伊織市長　北川誠一　様",
            "申請者　伊織建設株式会社　代表取締役　山田太郎",
            "道路法第32条の規定により、次のとおり道路の占用の許可を申請します。",
            "占用の目的　水道管の布設工事",
            "占用の場所　伊織市本町二丁目十三番地先",
            "占用の期間　令和8年5月1日から令和8年7月31日まで",
            "工事の方法　開削工法により施工する。");

    @Test
    void theTextOfEachPageOfATextPdfIsExtractedExactlyAndTravelsThroughTheFeed() {
        List<List<String>> pages = List.of(
                List.of("令和8年度 予算編成方針", "1. 基本的な考え方", "経常的経費は前年度当初予算額の97％以内とする。"),
                List.of("2. 重点施策", "（1）子育て支援の充実", "（2）防災・減災対策の推進"),
                List.of("3. 日程", "予算要求の締切　令和7年11月14日", "市長査定　令和8年1月中旬"));
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "予算編成方針", "予算編成方針.pdf", LibrarySamples.textPdf(pages));

        LibraryDocument done = library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(60));
        ExtractionStatus status = done.current().orElseThrow().extraction();
        assertEquals(ExtractionState.EXTRACTED, status.state(), "a text PDF is extracted: " + status);
        assertEquals(3, status.pagesDone(), "every page is read");
        assertEquals(3, status.pagesTotal());
        assertEquals(0, status.ocrPages(), "no page needed OCR");
        assertNull(status.reason(), "nothing to explain");

        DocumentText text = library.text(shuji, id);
        assertEquals(1, text.version(), "the text is of version 1");
        assertEquals(List.of(1, 2, 3), text.pages().stream().map(TextPage::page).toList(), "page numbers are kept");
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(String.join("\n", pages.get(i)), text.pages().get(i).text(), "page " + (i + 1) + " reads exactly"
                    + " as it was written");
            assertTrue(!text.pages().get(i).ocr(), "read from the text layer");
        }

        SyncChange fed = SyncPages.pullAll(running, shuji, null, 500).latest()
                .get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 1));
        assertNotNull(fed, "the text travels to the desktop through the feed");
        DocumentText fromFeed;
        try {
            fromFeed = running.json.readValue(fed.data(), DocumentText.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("the feed's text reads as JSON", e);
        }
        assertEquals(new DocumentText(id, 1, 1, 1, text.pages()), fromFeed, "the feed carries the same pages, in one part");
    }

    @Test
    void aScannedJapanesePageWithoutATextLayerIsOcrdAndItsWordsAreFound() {
        BufferedImage scan = LibrarySamples.scannedPage(NOTICE, 12, false, 7);
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "道路占用許可申請書（スキャン）", "占用許可申請.pdf",
                LibrarySamples.imagePdf(List.of(scan), true));

        LibraryDocument done = library.awaitExtraction(shuji, id, 1, OCR_WAIT);
        ExtractionStatus status = done.current().orElseThrow().extraction();
        assertEquals(ExtractionState.EXTRACTED, status.state(), "the scan is OCR'd: " + status);
        assertEquals(1, status.ocrPages(), "its one page was OCR'd");
        TextPage page = library.text(shuji, id).pages().getFirst();
        assertTrue(page.ocr(), "the page says its text came from OCR");
        double cer = LibrarySamples.characterErrorRate(String.join("", NOTICE), page.text());
        assertTrue(cer <= 0.05, "Japanese OCR of a 300 dpi scan misses at most 5 % of the characters, was "
                + Math.round(cer * 1000) / 10.0 + " %: " + page.text());
        String found = LibrarySamples.squeezed(page.text());
        for (String word : List.of("道路占用許可申請書", "伊織建設株式会社", "水道管の布設工事", "令和8年5月1日", "開削工法")) {
            assertTrue(found.contains(word), "a search for 「" + word + "」 finds the scan: " + page.text());
        }
    }

    @Test
    void scannedImagesAreOcrdDirectlyPageByPageWithTheirPageNumbers() {
        List<String> second = List.of("会議録", "令和8年6月10日　第2会議室", "出席者　財政課長、財政係長、契約管財係長",
                "議題　公共施設の長寿命化計画について");
        String png = library.add(shuji, TestRoster.ZAISEI_KA, "占用許可申請（画像）", "申請書.png",
                LibrarySamples.image(LibrarySamples.scannedPage(NOTICE, 12, false, 11), "png"));
        String tiff = library.add(shuji, TestRoster.ZAISEI_KA, "会議録（2ページ）", "会議録.tif", LibrarySamples.tiff(List.of(
                LibrarySamples.scannedPage(NOTICE.subList(0, 4), 12, false, 12),
                LibrarySamples.scannedPage(second, 12, false, 13))));

        DocumentVersion image = library.awaitExtraction(shuji, png, 1, OCR_WAIT).current().orElseThrow();
        assertEquals("image/png", image.mediaType(), "a PNG is kept as a PNG");
        assertEquals(ExtractionState.EXTRACTED, image.extraction().state(), "and OCR'd: " + image.extraction());
        assertTrue(LibrarySamples.squeezed(library.text(shuji, png).pages().getFirst().text()).contains("道路占用許可申請書"),
                "its words are found");

        DocumentVersion frames = library.awaitExtraction(shuji, tiff, 1, OCR_WAIT).current().orElseThrow();
        assertEquals("image/tiff", frames.mediaType());
        assertEquals(2, frames.pages(), "a TIFF's frames are its pages");
        assertEquals(2, frames.extraction().ocrPages(), "both OCR'd: " + frames.extraction());
        List<TextPage> pages = library.text(shuji, tiff).pages();
        assertEquals(List.of(1, 2), pages.stream().map(TextPage::page).toList());
        assertTrue(LibrarySamples.squeezed(pages.get(1).text()).contains("長寿命化計画"),
                "the second frame's words are on page 2: " + pages.get(1).text());
    }

    @Test
    void verticalJapaneseTextIsReadWithTheVerticalModel() {
        List<String> columns = List.of("防災訓練の実施について", "令和八年九月一日に市内全域で", "総合防災訓練を実施します。",
                "市民の皆様のご協力をお願いします。");
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "防災訓練のお知らせ（縦書き）", "防災訓練.png",
                LibrarySamples.image(LibrarySamples.scannedPage(columns, 12, true, 21), "png"));

        DocumentVersion version = library.awaitExtraction(shuji, id, 1, OCR_WAIT).current().orElseThrow();
        assertEquals(ExtractionState.EXTRACTED, version.extraction().state());
        String text = library.text(shuji, id).pages().getFirst().text();
        double cer = LibrarySamples.characterErrorRate(String.join("", columns), text);
        assertTrue(cer <= 0.10, "縦書き columns are read in order (jpn_vert), at most 10 % of the characters missed, was "
                + Math.round(cer * 1000) / 10.0 + " %: " + text);
        assertTrue(LibrarySamples.squeezed(text).contains("総合防災訓練を実施します"), "a column reads as one line: " + text);
    }

    @Test
    void damagedEncryptedEmptyAndHugeFilesEachFailWithTheirReasonWhileTheFileQueuedAfterThemIsExtracted() {
        List<List<String>> onePage = List.of(List.of("見積書", "品名　複合機　1台", "金額　150,000円"));
        List<Object[]> files = List.of(
                new Object[] {"途中で切れた.pdf", LibrarySamples.truncated(LibrarySamples.textPdf(onePage))},
                new Object[] {"パスワード付き.pdf", LibrarySamples.passwordProtected(onePage)},
                new Object[] {"空.pdf", new byte[0]},
                new Object[] {"会議録_5000ページ.pdf", LibrarySamples.manyPages(5_000)},
                new Object[] {"見積書.pdf", LibrarySamples.textPdf(onePage)});
        List<java.util.Map<String, Object>> commands = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Object[] file : files) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            AddDocument add = new AddDocument(id, TestRoster.ZAISEI_KA, (String) file[0], "契約・財務", 2026, List.of(), null,
                    library.uploaded(shuji, (String) file[0], (byte[]) file[1]));
            commands.add(SyncCommands.command(UUID.randomUUID().toString(), CommandTypes.ADD_DOCUMENT,
                    running.json.convertValue(add, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { })));
        }
        List<CommandResult> results = SyncCommands.send(running, shuji, commands);
        assertTrue(results.stream().allMatch(r -> r.outcome() == CommandOutcome.APPLIED),
                "a library keeps all five, broken or not: " + results);

        ExtractionStatus good = library.awaitExtraction(shuji, ids.get(4), 1, Duration.ofSeconds(120)).current().orElseThrow()
                .extraction();
        assertEquals(ExtractionState.EXTRACTED, good.state(), "the good file queued after four bad ones is extracted");
        assertEquals("見積書\n品名　複合機　1台\n金額　150,000円", library.text(shuji, ids.get(4)).pages().getFirst().text());

        assertFailed(ids.get(0), ExtractionFailure.CORRUPT, "途中で切れて");
        assertFailed(ids.get(1), ExtractionFailure.ENCRYPTED, "パスワード");
        assertFailed(ids.get(2), ExtractionFailure.EMPTY, "空のファイル（0バイト）");
        ExtractionStatus huge = assertFailed(ids.get(3), ExtractionFailure.TOO_MANY_PAGES, "5,000ページ");
        assertTrue(huge.reason().contains("上限（2,000ページ）"), "the reason names the limit: " + huge.reason());
        assertEquals(5_000, huge.pagesTotal(), "and how many pages it has");
        assertEquals(0, huge.pagesDone(), "none of which was read");
        for (int i = 0; i < 4; i++) {
            assertEquals(0, library.text(shuji, ids.get(i)).pages().size(), "a failed file has no text");
        }
    }

    private ExtractionStatus assertFailed(String id, ExtractionFailure failure, String words) {
        ExtractionStatus status = library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(30)).current().orElseThrow()
                .extraction();
        assertEquals(ExtractionState.FAILED, status.state(), failure + " fails: " + status);
        assertEquals(failure, status.failure(), "with its code");
        assertTrue(status.reason().contains(words), "and a Japanese reason saying 「" + words + "」: " + status.reason());
        return status;
    }

    @Test
    void aPdfRestrictedByAnOwnerPasswordOnlyIsReadLikeAnyOther() {
        List<List<String>> pages = List.of(List.of("個人情報保護に関する規程", "第1条　この規程は、個人情報の適正な取扱いを定める。"));
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "個人情報保護規程", "規程.pdf", LibrarySamples.restricted(pages));

        ExtractionStatus status = library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(60)).current().orElseThrow()
                .extraction();
        assertEquals(ExtractionState.EXTRACTED, status.state(), "copy restrictions do not stop the city's own search: " + status);
        assertEquals(String.join("\n", pages.getFirst()), library.text(shuji, id).pages().getFirst().text());
    }

    @Test
    void theProgressOfAnOcrIsPublishedPageByPage() {
        List<BufferedImage> scans = List.of(LibrarySamples.scannedPage(NOTICE.subList(0, 3), 12, false, 31),
                LibrarySamples.scannedPage(NOTICE.subList(3, 6), 12, false, 32),
                LibrarySamples.scannedPage(NOTICE.subList(5, 8), 12, false, 33));
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "申請書（3ページ）", "申請書3.pdf", LibrarySamples.imagePdf(scans, true));
        library.awaitExtraction(shuji, id, 1, OCR_WAIT);

        List<String> published = new ArrayList<>();
        running.server.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT data FROM change_feed WHERE entity_type = ? AND entity_id = ? ORDER BY seq")) {
                ps.setString(1, EntityTypes.DOCUMENT);
                ps.setString(2, id);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode extraction = running.json.readTree(rs.getString(1)).path("versions").get(0).path("extraction");
                        published.add(extraction.path("state").asText() + " " + extraction.path("pagesDone").asInt() + "/"
                                + extraction.path("pagesTotal").asInt() + " OCR " + extraction.path("ocrPages").asInt());
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertEquals(List.of("PENDING 0/3 OCR 0", "EXTRACTING 1/3 OCR 1", "EXTRACTING 2/3 OCR 2", "EXTRACTED 3/3 OCR 3"),
                published, "the desktop sees 待機中, then OCR 1/3, 2/3, then 抽出済");
    }
}
