package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryFiles;
import org.kairan.core.documents.TextPage;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.testing.OfficeSamples;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Word and Excel files in a 課's library, on one H2 server with the test roster: their text is read once by the
 * server's worker (POI, no OCR) into pages a person can relate to, and bad files fail with their reason without
 * holding up the others.
 */
class OfficeExtractionTest extends LibraryServerCase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private List<String> extractedPages(String id, String mediaType, int pages) {
        DocumentVersion version = library.awaitExtraction(shuji, id, 1, WAIT).current().orElseThrow();
        assertEquals(mediaType, version.mediaType(), "the library knows the file by its content");
        assertEquals(ExtractionState.EXTRACTED, version.extraction().state(), "the text is extracted: " + version.extraction());
        assertEquals(pages, version.pages(), "the pages were counted at upload as the extraction counts them");
        assertEquals(pages, version.extraction().pagesTotal());
        assertEquals(0, version.extraction().ocrPages(), "a Word or Excel file is never OCR'd");
        List<TextPage> text = library.text(shuji, id).pages();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList(),
                text.stream().map(TextPage::page).toList(), "every page is listed with its number");
        assertTrue(text.stream().noneMatch(TextPage::ocr), "read, not recognised");
        return text.stream().map(TextPage::text).toList();
    }

    @Test
    void aWordDocumentIsReadPageByPageAsItsPageBreaksCutItWithTablesAsRowsAndNoHeaders() {
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "伊織市事務決裁規程", "事務決裁規程.docx", OfficeSamples.kitei());

        List<String> pages = extractedPages(id, LibraryFiles.DOCX, 3);
        assertEquals(String.join("\n", OfficeSamples.KITEI_PAGE_1), pages.get(0), "page 1 ends at the explicit page break");
        assertTrue(pages.get(1).startsWith("第５条（代決の順序）"), "a search for 第５条 opens page 2: " + pages.get(1));
        assertEquals(String.join("\n", OfficeSamples.KITEI_PAGE_2), pages.get(1));
        assertEquals("""
                別表（第３条関係）
                事項\t課長\t部長\t副市長
                物品の購入（50万円未満）\t○
                物品の購入（50万円以上）\t\t○
                工事の契約（１億円以上）\t\t\t○""", pages.get(2), "a table's rows are lines, its cells separated by tabs");
        assertTrue(pages.stream().noneMatch(p -> p.contains("ヘッダー")), "the header is not repeated on every page");
    }

    @Test
    void wordsOwnMarksOfWhereItsPagesBeganAndSectionBreaksCutPagesAndADocumentWithoutBreaksIsCutInChunks() {
        String laidOut = library.add(shuji, TestRoster.ZAISEI_KA, "行政評価報告書", "行政評価報告書.docx",
                OfficeSamples.laidOutByWord());
        String plain = library.add(shuji, TestRoster.ZAISEI_KA, "会議録（改ページなし）", "会議録.docx",
                OfficeSamples.withoutBreaks(30, 150));

        assertEquals(List.of("表紙　令和8年度 行政評価報告書", "目次\n第1章の終わりの文。", "次のページに続く文。\n第1章おわり",
                "第2章　評価の結果"), extractedPages(laidOut, LibraryFiles.DOCX, 4),
                "an explicit break and Word's mark after it are one break; a page Word began mid-paragraph and a new"
                        + " section are breaks");
        List<String> chunks = extractedPages(plain, LibraryFiles.DOCX, 3);
        assertTrue(chunks.stream().allMatch(p -> p.length() <= WordText.CHUNK), "pages of at most 2,000 characters");
        assertTrue(chunks.get(1).startsWith("第14段落"), "cut at a paragraph's end: " + chunks.get(1).substring(0, 10));
        assertEquals(30, chunks.stream().mapToLong(p -> p.lines().count()).sum(), "no paragraph lost or cut");
    }

    @Test
    void anExcelWorkbookIsOnePagePerVisibleSheetWithItsValuesAsDisplayed() {
        String id = library.add(shuji, TestRoster.ZAISEI_KA, "令和9年度 予算要求一覧", "予算要求一覧.xlsx", OfficeSamples.yosan());

        List<String> pages = extractedPages(id, LibraryFiles.XLSX, 2);
        assertEquals("""
                歳出
                款\t事業名\t要求額\t前年度\t提出日
                総務費\t庁舎維持管理事業\t1,500,000\t１２０，０００\t2026/10/30
                民生費\t子育て支援事業\t32,000,000
                合計\t33,500,000""", pages.get(0),
                "the sheet's name, then its rows as Excel shows them: 半角 numbers formatted, 全角 text as typed, the date"
                        + " as a Japanese Excel shows it, the sum's calculated value");
        assertEquals("歳入\n科目\t見込額\n市税\t6,480,000,000", pages.get(1), "the second sheet is page 2");
        assertTrue(pages.stream().noneMatch(p -> p.contains("非表示")), "a hidden sheet is not read");
    }

    @Test
    void passwordProtectedDamagedEmptyOldBombedAndOverlongFilesFailWithTheirReasonWhileTheNextIsExtracted() {
        byte[] kitei = OfficeSamples.kitei();
        List<Object[]> files = List.of(
                new Object[] {"パスワード付き.docx", OfficeSamples.passwordProtected(kitei)},
                new Object[] {"途中で切れた.docx", java.util.Arrays.copyOf(kitei, kitei.length / 2)},
                new Object[] {"空.xlsx", new byte[0]},
                new Object[] {"古い形式.docx", OfficeSamples.oldWord()},
                new Object[] {"爆弾.docx", OfficeSamples.zipBomb(50)},
                new Object[] {"長すぎる.docx", OfficeSamples.muchText(OfficePages.MAX_CHARACTERS + 1_000, 7)},
                new Object[] {"予算要求一覧.xlsx", OfficeSamples.yosan()});
        List<Map<String, Object>> commands = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Object[] file : files) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            AddDocument add = new AddDocument(id, TestRoster.ZAISEI_KA, (String) file[0], "一般庶務", 2026, List.of(), null,
                    library.uploaded(shuji, (String) file[0], (byte[]) file[1]));
            commands.add(SyncCommands.command(UUID.randomUUID().toString(), CommandTypes.ADD_DOCUMENT,
                    running.json.convertValue(add, new TypeReference<Map<String, Object>>() { })));
        }
        List<CommandResult> results = SyncCommands.send(running, shuji, commands);
        assertTrue(results.stream().allMatch(r -> r.outcome() == CommandOutcome.APPLIED),
                "a library keeps them all, broken or not: " + results);

        DocumentVersion good = library.awaitExtraction(shuji, ids.getLast(), 1, WAIT).current().orElseThrow();
        assertEquals(ExtractionState.EXTRACTED, good.extraction().state(), "the workbook queued after six bad files is read");

        assertFailed(ids.get(0), ExtractionFailure.ENCRYPTED, "パスワードで保護されたWord文書のため開けません");
        assertFailed(ids.get(1), ExtractionFailure.CORRUPT, "Word文書（.docx）として読めません");
        assertFailed(ids.get(2), ExtractionFailure.EMPTY, "空のファイル（0バイト）");
        assertFailed(ids.get(3), ExtractionFailure.UNSUPPORTED, "古い形式（.doc・.xls）");
        assertFailed(ids.get(4), ExtractionFailure.CORRUPT, "zip爆弾");
        assertFailed(ids.get(5), ExtractionFailure.TOO_MANY_PAGES, "文字数が上限（4,000,000文字）を超えています");
        for (int i = 0; i < 6; i++) {
            DocumentVersion version = library.document(shuji, ids.get(i)).current().orElseThrow();
            assertEquals(0, version.pages(), "a file that cannot be read has no pages counted at upload: " + files.get(i)[0]);
            assertEquals(0, library.text(shuji, ids.get(i)).pages().size(), "and no text");
        }
    }

    private void assertFailed(String id, ExtractionFailure failure, String words) {
        ExtractionStatus status = library.awaitExtraction(shuji, id, 1, WAIT).current().orElseThrow().extraction();
        assertEquals(ExtractionState.FAILED, status.state(), failure + " fails: " + status);
        assertEquals(failure, status.failure(), "with its code: " + status.reason());
        assertTrue(status.reason().contains(words), "and a Japanese reason saying 「" + words + "」: " + status.reason());
    }
}
