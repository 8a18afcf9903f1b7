package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.KairanServerClient;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchService;

/**
 * A word found only inside a 決裁's attached PDF, with the demo city's 財政課 主事 and the real server's text
 * extraction: the 主事 submits a 決裁 with a three-page 見積書; once its text has come through sync, the 検索 tab lists
 * the hit as the 決裁 with the file's name and its page (「添付「見積書….pdf」p.2」), and opening it brings the 決裁 tab
 * forward with the 案件 selected and the 見積書 shown in its 文書 tab at page 2 with the words highlighted.
 */
@Order(75)
class KessaiAttachmentSearchUiTest {

    private SwtDriver driver;
    private Desktop desktop;
    private KessaiService kessai;
    private SearchService search;
    private KessaiScreen kessaiScreen;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        TestServer server = Services.of(TestServer.class);
        kessai = Services.of(KessaiService.class);
        search = Services.of(SearchService.class);
        SyncService sync = Services.of(SyncService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        kessaiScreen = new KessaiScreen(driver, desktop, kessai, sync);
        if (!client.session().map(s -> s.user().staffNo().equals(DemoAccounts.FINANCE_CLERK)).orElse(false)) {
            kessaiScreen.waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
        }
    }

    @Test
    void aWordOnPage2OfAnAttachedPdfIsListedWithTheFileAndPageAndOpensThereHighlighted() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String title = "事務室複合機の賃貸借について（" + tag + "）";
        String fileName = "見積書" + tag + ".pdf";
        Path pdf = Files.createTempDirectory("決裁添付-").resolve(fileName);
        Files.write(pdf, LibraryFiles.textPdf(
                List.of("御見積書", "複合機賃貸借　一式"),
                List.of("保守内容", "定期点検 " + tag, "トナー交換を含む。"),
                List.of("有効期限", "見積日から30日")));
        driver.waitUntil("the city's 決裁 settings are synced (the 起案 needs them)", () -> kessai.settings().isPresent());
        LocalDate today = desktop.today();
        FileRef file = kessai.prepareAttachment(pdf);
        ApprovalRoute route = kessai.proposeRoute("物品購入", 180_000, today);
        KessaiDraft draft = new KessaiDraft(UUID.randomUUID().toString(), title, "契約・財務",
                "事務室の複合機を賃借したい。見積書を添付する。", "物品購入", 180_000, false, today, route, List.of(file));
        kessai.saveDraft(draft);
        kessai.act(new KessaiAction(draft.kessaiId(), ActionKind.SUBMIT, 0, -1, -1, "", false));

        String typed = "定期点検 " + tag;
        driver.waitUntil("the 見積書's text came from the server and its pages are indexed", () -> search
                .search(SearchQuery.of(typed)).hits().stream().anyMatch(h -> h.attachment().equals(file.attachmentId())));
        SearchScreen screen = new SearchScreen(driver, desktop);
        screen.show();
        String shown = title + "\u3000添付「" + fileName + "」p.2";
        screen.search(typed, shown);
        TableItem row = screen.row(shown).orElseThrow();
        SearchHit hit = (SearchHit) row.getData();
        assertEquals(draft.kessaiId(), hit.id(), "the hit is the 決裁");
        assertEquals(file.attachmentId(), hit.attachment(), "on its attachment");
        assertEquals(2, hit.page(), "on the page the words are on");
        assertEquals("決裁", row.getText(1), "listed as a 決裁");
        assertEquals("2ページ", row.getText(5), "with its page");
        desktop.screenshot("kessai-attachment-hit-ja");

        screen.select(shown);
        screen.results().notifyListeners(SWT.DefaultSelection, new Event());
        EPartService parts = desktop.windowContext().get(EPartService.class);
        PdfViewer viewer = kessaiScreen.viewer();
        Table files = desktop.find(ApprovalUiConstants.ID_KESSAI_FILES, Table.class);
        CTabFolder tabs = desktop.find(ApprovalUiConstants.ID_KESSAI_TABS, CTabFolder.class);
        driver.waitUntil("the hit opens the 決裁 tab with the 案件 selected and the 見積書 in its 文書 tab at page 2 with"
                + " the words highlighted", () -> parts.getActivePart() != null
                        && ApprovalUiConstants.PART_KESSAI.equals(parts.getActivePart().getElementId())
                        && kessaiScreen.items().getSelectionCount() == 1
                        && kessaiScreen.items().getSelection()[0].getText(0).equals(title)
                        && tabs.getSelectionIndex() == 2
                        && files.getSelectionCount() == 1 && files.getSelection()[0].getText().equals(fileName)
                        && viewer.getState() == PdfViewer.State.SHOWING && viewer.getPage() == 2
                        && viewer.getHighlightCount(2) > 0);
        desktop.screenshot("kessai-attachment-opened-ja");
    }
}
