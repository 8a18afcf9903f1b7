package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.KairanServerClient;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.library.ui.LibraryUiConstants;
import org.kairan.search.SearchHit;

/**
 * The 文書庫 tab (issue 5's desktop library) with the demo city's 財政課 主事 and the real server's extraction: a
 * folder of mixed files is dropped on the table — a Japanese text PDF, a scanned page without a text layer (in a
 * sub-folder; the server OCRs it), a PDF cut short, an empty file and a hidden file — and every file is listed at
 * once; the empty one is refused on the desktop with a message naming it, the hidden one is left out, and the
 * others move on to 抽出済, OCR済 and 失敗 with the reason as sync brings the server's progress. A document is
 * previewed. Then issue 5's "done when": the 検索 tab finds 「代決の順序」, a person's name typed in かな (on the
 * scan, read by the server's OCR) and a 全角 number, each on its page, and opening each hit shows that page in the
 * 文書庫 with the words highlighted. With -Dkairan.screenshots=DIR it saves the library and the hits.
 */
@Order(70)
class LibraryUiTest {

    private SwtDriver driver;
    private Desktop desktop;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        TestServer server = Services.of(TestServer.class);
        KessaiService kessai = Services.of(KessaiService.class);
        SyncService sync = Services.of(SyncService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        if (!client.session().map(s -> s.user().staffNo().equals(DemoAccounts.FINANCE_CLERK)).orElse(false)) {
            new KessaiScreen(driver, desktop, kessai, sync).waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
        }
    }

    private Table table() {
        return desktop.find(LibraryUiConstants.ID_TABLE, Table.class);
    }

    /** The row whose ファイル名 is {@code fileName}. */
    private Optional<TableItem> row(String fileName) {
        for (TableItem item : table().getItems()) {
            if (item.getText(1).equals(fileName)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private String stateOf(String fileName) {
        return row(fileName).map(r -> r.getText(6)).orElse("");
    }

    private List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (TableItem item : table().getItems()) {
            names.add(item.getText(1));
        }
        return names;
    }

    /** Drops the paths on the table as the file manager does: a FileTransfer drop through the table's DropTarget. */
    private void drop(Path... paths) throws Exception {
        SwtDriver.dropFiles(table(), paths);
    }

    private void select(String fileName) {
        Table t = table();
        TableItem item = row(fileName).orElseThrow();
        t.setSelection(item);
        t.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void aDroppedFolderIsFiledFileByFileAndItsWordsAreFoundAndShownHighlightedOnTheirPage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        Path folder = Files.createTempDirectory("令和8年度資料-");
        Path scans = Files.createDirectories(folder.resolve("スキャン"));
        String rules = "事務決裁規程" + tag;
        String minutes = "課内会議録" + tag;
        String request = "予算要求資料" + tag;
        String memo = "打合せメモ" + tag;
        String broken = "庁舎管理報告" + tag + ".pdf";
        String blank = "白紙" + tag + ".pdf";
        byte[] text = LibraryFiles.textPdf(
                List.of("伊織市事務決裁規程", "第１条（目的）この規程は、市長の権限に属する事務の決裁について定める。"),
                List.of("第５条（代決の順序）" + tag, "市長が不在のときは副市長が、副市長も不在のときは総務部長が代決する。",
                        "第６条（後閲）代決した事項は、速やかに後閲に供さなければならない。"),
                List.of("附則", "この規程は、令和８年４月１日から施行する。"));
        Files.write(folder.resolve(rules + ".pdf"), text);
        Files.write(scans.resolve(minutes + ".pdf"), LibraryFiles.scannedPdf(
                List.of("課内会議録", "令和8年11月20日 財政課会議室"),
                List.of("出席者", "財政課長 野村健一", "議題 予算要求の進め方")));
        Files.write(folder.resolve(request + ".pdf"), LibraryFiles.textPdf(
                List.of("予算要求資料", "令和9年度当初予算の要求内容を次のとおりまとめる。"),
                List.of("庁舎照明のLED化 " + tag, "事業費 1,250,000円（税込）", "既存の蛍光灯を更新する。")));
        Files.write(folder.resolve(memo + ".docx"), LibraryFiles.wordDocument(List.of("打合せメモ",
                "公用車の更新は、電気自動車の導入" + tag + "を前提に見積りを取る。")));
        Files.write(folder.resolve(broken), LibraryFiles.cutShort(text));
        Files.write(folder.resolve(blank), new byte[0]);
        Files.writeString(folder.resolve(".~lock.事務決裁規程.pdf#"), "lock file of an office suite");

        desktop.showPart(LibraryUiConstants.PART_LIBRARY);
        Combo unit = desktop.find(LibraryUiConstants.ID_UNIT, Combo.class);
        driver.waitUntil("the 主事's own 課 is chosen", () -> unit.getText().equals("財政課"));
        assertEquals("財政課", unit.getItem(0), "the user's own 課 comes first");

        drop(folder);
        List<String> filed = List.of(rules + ".pdf", minutes + ".pdf", request + ".pdf", memo + ".docx", broken);
        driver.waitUntil("every file of the folder is listed at once, the hidden one left out",
                () -> fileNames().containsAll(filed) && fileNames().contains(blank));
        assertTrue(fileNames().stream().noneMatch(n -> n.startsWith(".~lock")), "hidden files are not filed: " + fileNames());
        driver.waitUntil("the empty file is refused with a message naming it", () -> stateOf(blank)
                .equals("登録不可（「" + blank + "」は空（0バイト）のため登録できません）"));
        Label message = desktop.find(LibraryUiConstants.ID_MESSAGE, Label.class);
        driver.waitUntil("the message above the table names the refused file", () -> message.isVisible()
                && message.getText().contains("「" + blank + "」は空（0バイト）"));
        driver.waitUntil("the other files are queued and then go on", () -> filed.stream()
                .noneMatch(n -> stateOf(n).equals("準備中")));
        desktop.screenshot("library-progress-ja");

        driver.waitUntil("the text PDFs and the Word document are extracted", () -> stateOf(rules + ".pdf").equals("抽出済")
                && stateOf(request + ".pdf").equals("抽出済") && stateOf(memo + ".docx").equals("抽出済"));
        driver.waitUntil("the PDF cut short fails with the reason, in words", () -> stateOf(broken)
                .startsWith("失敗（PDFの終わりがなく、途中で切れているようです"));
        driver.waitUntil("the scanned pages are OCR'd", () -> stateOf(minutes + ".pdf").equals("OCR済"));
        TableItem rulesRow = row(rules + ".pdf").orElseThrow();
        assertEquals(rules, rulesRow.getText(0), "titled by the file's name");
        assertEquals("1", rulesRow.getText(2), "the first version");
        assertEquals("3", rulesRow.getText(3), "three pages");
        assertEquals("令和8年度", rulesRow.getText(4), "年度 in 和暦");
        assertEquals(LibraryEntry.State.EXTRACTED, ((LibraryEntry) rulesRow.getData()).state());

        // a version in the preview
        select(rules + ".pdf");
        PdfViewer viewer = desktop.find(LibraryUiConstants.ID_VIEWER, PdfViewer.class);
        driver.waitUntil("the selected document is shown in the preview", () -> viewer.getState() == PdfViewer.State.SHOWING
                && viewer.getPageCount() == 3);
        Table versions = desktop.find(LibraryUiConstants.ID_VERSIONS, Table.class);
        assertEquals(1, versions.getItemCount(), "its one version is listed");
        assertEquals(rules + ".pdf", versions.getItem(0).getText(1));
        select(broken);
        driver.waitUntil("the failed one says why in its details", () -> SwtDriver.all(
                desktop.find(LibraryUiConstants.ID_DETAILS, org.eclipse.swt.widgets.Composite.class),
                c -> c instanceof Label l && l.getText().contains("途中で切れている")).size() > 0);
        select(memo + ".docx");
        driver.waitUntil("a Word document is not drawn here, and the preview says so", () -> viewer.getMessage()
                .startsWith("「" + memo + ".docx」はWord・Excelの文書のため、ここには表示できません"));
        assertTrue(desktop.find(LibraryUiConstants.ID_OPEN_FILE, org.eclipse.swt.widgets.Button.class).isEnabled(),
                "「ファイルを開く」 hands it to this computer's application");
        select(minutes + ".pdf");
        driver.waitUntil("the scan is previewed too", () -> viewer.getState() == PdfViewer.State.SHOWING
                && viewer.isDrawn(1));
        desktop.screenshot("library-ja");

        // found in the 検索 tab — a phrase, a person's name typed in かな (on the scan), a 全角 number — and each
        // opened in the 文書庫 at its page with the words highlighted
        SearchScreen search = new SearchScreen(driver, desktop);
        EPartService parts = desktop.windowContext().get(EPartService.class);
        record Case(String typed, String title, int page) {
        }
        search.show();
        search.search("電気自動車の導入" + tag, memo); // the Word document's text is searchable
        for (Case c : List.of(new Case("代決の順序", rules, 2), new Case("のむら けんいち", minutes, 2),
                new Case("１，２５０，０００円", request, 2))) {
            search.show();
            search.search(c.typed(), c.title());
            search.select(c.title());
            assertEquals(c.page(), ((SearchHit) search.row(c.title()).orElseThrow().getData()).page(),
                    "「" + c.typed() + "」 is found on page " + c.page() + " of " + c.title());
            if (c.page() == 2 && c.title().equals(rules)) {
                desktop.screenshot("library-search-ja");
            }
            search.results().notifyListeners(SWT.DefaultSelection, new Event());
            driver.waitUntil("「" + c.typed() + "」 opens " + c.title() + " in the 文書庫 at page " + c.page()
                    + " with the words highlighted", () -> parts.getActivePart() != null
                    && LibraryUiConstants.PART_LIBRARY.equals(parts.getActivePart().getElementId())
                    && table().getSelectionCount() == 1 && table().getSelection()[0].getText(0).equals(c.title())
                    && viewer.getState() == PdfViewer.State.SHOWING && viewer.getPage() == c.page()
                    && viewer.getHighlightCount(c.page()) > 0);
            if (c.title().equals(minutes)) {
                driver.waitUntil("the hit's page is drawn", () -> viewer.isDrawn(c.page()));
                desktop.screenshot("library-hit-scan-ja");
            }
        }
    }
}
