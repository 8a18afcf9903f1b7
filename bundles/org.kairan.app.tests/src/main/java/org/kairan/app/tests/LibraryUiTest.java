package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
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
import org.kairan.search.ui.SearchUiConstants;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The 文書庫 tab (issue 5's desktop library) with the demo city's 財政課 主事 and the real server's extraction: a
 * folder of mixed files is dropped on the table — a Japanese text PDF, a scanned page without a text layer (in a
 * sub-folder; the server OCRs it), a PDF cut short, an empty file and a hidden file — and every file is listed at
 * once; the empty one is refused on the desktop with a message naming it, the hidden one is left out, and the
 * others move on to 抽出済, OCR済 and 失敗 with the reason as sync brings the server's progress. A document is
 * previewed, and a search hit opens it at its page with its words highlighted. With -Dkairan.screenshots=DIR it
 * saves the library.
 */
@Order(70)
class LibraryUiTest {

    private SwtDriver driver;
    private Desktop desktop;

    @BeforeEach
    void setUp() {
        Display display = Display.getCurrent();
        assertNotNull(display, "the UI harness runs tests on the UI thread");
        driver = new SwtDriver(display);
        BundleContext context = FrameworkUtil.getBundle(LibraryUiTest.class).getBundleContext();
        KairanServerClient client = context.getService(context.getServiceReference(KairanServerClient.class));
        TestServer server = context.getService(context.getServiceReference(TestServer.class));
        KessaiService kessai = context.getService(context.getServiceReference(KessaiService.class));
        SyncService sync = context.getService(context.getServiceReference(SyncService.class));
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
        DropTarget target = (DropTarget) table().getData(DND.DROP_TARGET_KEY);
        assertNotNull(target, "files can be dropped on the library's table");
        Constructor<?> make = Class.forName("org.eclipse.swt.dnd.DNDEvent").getDeclaredConstructor();
        make.setAccessible(true); // SWT makes these events itself; a test cannot reach the native drag and drop
        Event event = (Event) make.newInstance();
        event.widget = target;
        event.display = target.getDisplay();
        event.detail = DND.DROP_COPY;
        event.doit = true;
        java.lang.reflect.Field dataType = event.getClass().getDeclaredField("dataType");
        dataType.setAccessible(true);
        dataType.set(event, FileTransfer.getInstance().getSupportedTypes()[0]);
        event.data = java.util.Arrays.stream(paths).map(Path::toString).toArray(String[]::new);
        target.notifyListeners(DND.Drop, event);
    }

    private void select(String fileName) {
        Table t = table();
        TableItem item = row(fileName).orElseThrow();
        t.setSelection(item);
        t.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void aDroppedFolderIsFiledFileByFileWithItsProgressAndProblemsInWords() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        Path folder = Files.createTempDirectory("令和8年度資料-");
        Path scans = Files.createDirectories(folder.resolve("スキャン"));
        String budget = "予算編成方針" + tag + ".pdf";
        String scan = "道路占用許可申請書" + tag + ".pdf";
        String broken = "庁舎管理報告" + tag + ".pdf";
        String blank = "白紙" + tag + ".pdf";
        byte[] text = LibraryFiles.textPdf(List.of("令和8年度 予算編成方針", "1. 基本的な考え方",
                "歳入の確保と歳出の見直しにより、持続可能な財政運営を図る。"));
        Files.write(folder.resolve(budget), text);
        Files.write(scans.resolve(scan), LibraryFiles.scannedPdf(List.of("道路占用許可申請書", "伊織市長 様")));
        Files.write(folder.resolve(broken), LibraryFiles.cutShort(text));
        Files.write(folder.resolve(blank), new byte[0]);
        Files.writeString(folder.resolve(".~lock.予算編成方針.pdf#"), "lock file of an office suite");

        desktop.showPart(LibraryUiConstants.PART_LIBRARY);
        Combo unit = desktop.find(LibraryUiConstants.ID_UNIT, Combo.class);
        driver.waitUntil("the 主事's own 課 is chosen", () -> unit.getText().equals("財政課"));
        assertEquals("財政課", unit.getItem(0), "the user's own 課 comes first");

        drop(folder);
        driver.waitUntil("every file of the folder is listed at once, the hidden one left out",
                () -> fileNames().containsAll(List.of(budget, scan, broken, blank)));
        assertTrue(fileNames().stream().noneMatch(n -> n.startsWith(".~lock")), "hidden files are not filed: " + fileNames());
        driver.waitUntil("the empty file is refused with a message naming it", () -> stateOf(blank)
                .equals("登録不可（「" + blank + "」は空（0バイト）のため登録できません）"));
        Label message = desktop.find(LibraryUiConstants.ID_MESSAGE, Label.class);
        driver.waitUntil("the message above the table names the refused file", () -> message.isVisible()
                && message.getText().contains("「" + blank + "」は空（0バイト）"));
        driver.waitUntil("the other files are queued and then go on", () -> List.of(budget, scan, broken).stream()
                .noneMatch(n -> stateOf(n).equals("準備中")));
        desktop.screenshot("library-progress-ja");

        driver.waitUntil("the text PDF is extracted", () -> stateOf(budget).equals("抽出済"));
        driver.waitUntil("the PDF cut short fails with the reason, in words", () -> stateOf(broken)
                .startsWith("失敗（PDFの終わりがなく、途中で切れているようです"));
        driver.waitUntil("the scanned page is OCR'd", () -> stateOf(scan).equals("OCR済"));
        TableItem budgetRow = row(budget).orElseThrow();
        assertEquals("予算編成方針" + tag, budgetRow.getText(0), "titled by the file's name");
        assertEquals("1", budgetRow.getText(2), "the first version");
        assertEquals("1", budgetRow.getText(3), "one page");
        assertEquals("令和8年度", budgetRow.getText(4), "年度 in 和暦");
        assertEquals(LibraryEntry.State.EXTRACTED, ((LibraryEntry) budgetRow.getData()).state());

        // a version in the preview
        select(budget);
        PdfViewer viewer = desktop.find(LibraryUiConstants.ID_VIEWER, PdfViewer.class);
        driver.waitUntil("the selected document is shown in the preview", () -> viewer.getState() == PdfViewer.State.SHOWING
                && viewer.getPageCount() == 1);
        Table versions = desktop.find(LibraryUiConstants.ID_VERSIONS, Table.class);
        assertEquals(1, versions.getItemCount(), "its one version is listed");
        assertEquals(budget, versions.getItem(0).getText(1));
        select(broken);
        driver.waitUntil("the failed one says why in its details", () -> SwtDriver.all(
                desktop.find(LibraryUiConstants.ID_DETAILS, org.eclipse.swt.widgets.Composite.class),
                c -> c instanceof Label l && l.getText().contains("途中で切れている")).size() > 0);
        select(scan);
        driver.waitUntil("the scan is previewed too", () -> viewer.getState() == PdfViewer.State.SHOWING);
        desktop.screenshot("library-ja");

        // a search hit opens here: the 検索 tab's command for documents, with the hit's page and words
        String documentId = ((LibraryEntry) row(budget).orElseThrow().getData()).documentId();
        desktop.showPart(SearchUiConstants.PART_SEARCH);
        ECommandService commands = desktop.windowContext().get(ECommandService.class);
        EHandlerService handlers = desktop.windowContext().get(EHandlerService.class);
        ParameterizedCommand open = commands.createCommand(SearchUiConstants.COMMAND_OPEN_DOCUMENT, Map.of(
                SearchUiConstants.PARAM_HIT_ID, documentId, SearchUiConstants.PARAM_HIT_PAGE, "1",
                SearchUiConstants.PARAM_HIT_WORDS, "財政運営"));
        assertTrue(handlers.canExecute(open), "the 文書庫 handles the search's command for document hits");
        handlers.executeHandler(open);
        EPartService parts = desktop.windowContext().get(EPartService.class);
        driver.waitUntil("the 文書庫 tab comes forward with the hit's document selected", () ->
                parts.getActivePart() != null && LibraryUiConstants.PART_LIBRARY.equals(parts.getActivePart().getElementId())
                        && table().getSelectionCount() == 1 && table().getSelection()[0].getText(1).equals(budget));
        driver.waitUntil("the hit's words are highlighted on its page", () -> viewer.getState() == PdfViewer.State.SHOWING
                && viewer.getHighlightCount(1) > 0);
    }
}
