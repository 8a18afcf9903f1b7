package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.KairanServerClient;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.KairanServerProcess;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchService;

/**
 * 電子決裁 at the desktop with the demo city's real accounts (issue 4's "done when"). First the issue's
 * purchase: the 主事 drafts ¥150,000, the 係長 approves, the 課長 sends it back with a reason, the 主事
 * resubmits, the 課長 decides by 専決, and the signed PDF of record shows the seals and verifies with the
 * server's {@code admin verify-record}. Then 合議, 代決 and 後閲: a draft with a 合議 of 情報政策課, the 課長 away,
 * the 係長 deciding for him, and the 課長's 後閲 on his return. One desktop, people logging in in turn, as
 * at a shared terminal. With -Dkairan.screenshots=DIR it saves the inbox, the route view and the record.
 */
@Order(50)
class KessaiUiTest {

    private SwtDriver driver;
    private Desktop desktop;
    private TestServer server;
    private KessaiScreen screen;
    private KessaiService kessai;
    private SearchService search;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        kessai = Services.of(KessaiService.class);
        search = Services.of(SearchService.class);
        SyncService sync = Services.of(SyncService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        screen = new KessaiScreen(driver, desktop, kessai, sync);
    }

    private void logInAs(String staffNo) {
        screen.waitUntilSent();
        desktop.logInAs(staffNo, TestServer.DEMO_PASSWORD);
        screen.show();
    }

    /** 新規起案 filled in as a person would; {@code consult} adds a 合議 of that 課's 課長 first. */
    private void draft(String title, long amount, String consult) {
        screen.withDialog(ApprovalUiConstants.ID_KESSAI_NEW, ApprovalUiConstants.ID_DRAFT_SUBJECT, dialog -> {
            SwtDriver.type(KessaiScreen.text(dialog, ApprovalUiConstants.ID_DRAFT_SUBJECT), title);
            KessaiScreen.choose(SwtDriver.find(dialog, ApprovalUiConstants.ID_DRAFT_CLASS, Combo.class), "契約・財務");
            KessaiScreen.choose(SwtDriver.find(dialog, ApprovalUiConstants.ID_DRAFT_KIND, Combo.class), "物品購入");
            SwtDriver.type(KessaiScreen.text(dialog, ApprovalUiConstants.ID_DRAFT_AMOUNT), Long.toString(amount));
            SwtDriver.type(KessaiScreen.text(dialog, ApprovalUiConstants.ID_DRAFT_BODY),
                    "財政課で使う機器を購入したいので伺います。\n金額　" + amount + "円（税込）");
            Table route = SwtDriver.find(dialog, ApprovalUiConstants.ID_DRAFT_ROUTE, Table.class);
            assertEquals(List.of("回議|企画財政部 財政課 財政係|係長|田中　直樹", "専決|企画財政部 財政課|課長|野村　健一"),
                    java.util.Arrays.stream(route.getItems()).map(KessaiScreen::line).toList(),
                    "the rules' route for ¥" + amount + " is shown while drafting: 係長 回議, 課長 専決");
            if (consult != null) {
                driver.script().when("the 合議 dialog is shown", () -> driver.shellWith(ApprovalUiConstants.ID_CONSULT_UNIT)
                        .isPresent(), () -> {
                            Shell add = driver.shellWith(ApprovalUiConstants.ID_CONSULT_UNIT).get();
                            KessaiScreen.choose(SwtDriver.find(add, ApprovalUiConstants.ID_CONSULT_UNIT, Combo.class), consult);
                            KessaiScreen.choose(SwtDriver.find(add, ApprovalUiConstants.ID_CONSULT_POSITION, Combo.class), "課長");
                            SwtDriver.click(SwtDriver.dialogButton(add, org.eclipse.jface.dialogs.IDialogConstants.OK_ID));
                        }).start();
                SwtDriver.click(SwtDriver.find(dialog, ApprovalUiConstants.ID_DRAFT_ADD_CONSULTATION, Button.class));
                assertTrue(java.util.Arrays.stream(route.getItems()).map(KessaiScreen::line)
                        .anyMatch(l -> l.startsWith("合議|総務部 情報政策課|課長|")), "the 合議 joins the route before the 専決");
            }
            desktop.screenshot("kessai-draft-ja");
        });
    }

    private void click(String buttonId) {
        SwtDriver.click(screen.button(buttonId));
        driver.settle();
    }

    @Test
    void thePurchaseIsApprovedSentBackResubmittedAndDecidedBySenketsuWithAStampedVerifiedRecord() throws Exception {
        String title = "庁舎用プリンタの購入について（" + UUID.randomUUID().toString().substring(0, 4) + "）";
        logInAs(DemoAccounts.FINANCE_CLERK);
        draft(title, 150_000, null);
        InboxItem submitted = screen.waitFor(InboxFolder.IN_ROUTE, title);
        assertTrue(submitted.kessai().documentNumber().startsWith("伊財第"), "numbered at submission: "
                + submitted.kessai().documentNumber());

        logInAs(DemoAccounts.FINANCE_SECTION_HEAD);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.select(InboxFolder.AWAITING, title);
        screen.tab(0);
        desktop.screenshot("kessai-inbox-ja");
        assertTrue(screen.routeLines().get(1).contains("処理待ち"), "the route view shows the 係長's line waiting: "
                + screen.routeLines());
        Event ctrlEnter = new Event();
        ctrlEnter.keyCode = SWT.CR;
        ctrlEnter.stateMask = SWT.MOD1;
        screen.items().notifyListeners(SWT.KeyDown, ctrlEnter);
        driver.waitUntil("the 係長's Ctrl+Enter 承認 takes it out of 承認待ち",
                () -> screen.find(InboxFolder.AWAITING, title).isEmpty());

        logInAs(DemoAccounts.FINANCE_HEAD);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.select(InboxFolder.AWAITING, title);
        screen.withDialog(ApprovalUiConstants.ID_KESSAI_SEND_BACK, ApprovalUiConstants.ID_REASON_TEXT, dialog -> {
            Combo target = SwtDriver.find(dialog, ApprovalUiConstants.ID_SEND_BACK_TARGET, Combo.class);
            assertTrue(target.getText().startsWith("起案者"), "差戻し goes to the drafter by default: " + target.getText());
            assertTrue(List.of(target.getItems()).stream().anyMatch(t -> t.contains("田中")), "or to the 係長's step");
            SwtDriver.type(KessaiScreen.text(dialog, ApprovalUiConstants.ID_REASON_TEXT), "相見積り（2社以上）を添付してください。");
        });

        logInAs(DemoAccounts.FINANCE_CLERK);
        InboxItem returned = screen.waitFor(InboxFolder.RETURNED, title);
        assertEquals("相見積り（2社以上）を添付してください。", returned.kessai().history().getLast().comment(),
                "the drafter reads the 課長's reason");
        screen.select(InboxFolder.RETURNED, title);
        click(ApprovalUiConstants.ID_KESSAI_SUBMIT);
        screen.waitFor(InboxFolder.IN_ROUTE, title);

        logInAs(DemoAccounts.FINANCE_HEAD);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.select(InboxFolder.AWAITING, title);
        click(ApprovalUiConstants.ID_KESSAI_APPROVE);
        InboxItem decided = screen.waitFor(InboxFolder.CLOSED, title);
        assertEquals(KessaiStatus.DECIDED, decided.kessai().status());
        assertEquals("専決", decided.kessai().history().getLast().outcome(), "the 課長 decides by 専決");

        driver.waitUntil("the signed record of decision arrives", () -> screen.find(InboxFolder.CLOSED, title)
                .map(i -> i.kessai().record() != null).orElse(false));
        screen.select(InboxFolder.CLOSED, title);
        List<String> route = screen.routeLines();
        assertTrue(route.get(1).contains("承認") && route.get(2).contains("専決"), "the route view shows who did what: " + route);
        screen.tab(0);
        desktop.screenshot("kessai-route-ja");
        screen.tab(2);
        PdfViewer viewer = screen.viewer();
        try {
            driver.waitUntil("the record of decision is shown", () -> viewer.getState() == PdfViewer.State.SHOWING);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": the viewer is " + viewer.getState() + " 「" + viewer.getMessage()
                    + "」", e);
        }
        assertEquals(1, viewer.getPageCount(), "the record of a 案件 without files is its 鑑");
        viewer.setZoom(org.kairan.approval.ui.Zoom.FIT_PAGE);
        long drawn = System.nanoTime() + 2_000_000_000L;
        driver.waitUntil("the page had time to be drawn", () -> System.nanoTime() > drawn);
        desktop.screenshot("kessai-record-ja");

        Path record = kessai.openRecord(decided.id());
        KairanServerProcess.VerifyRecord verified = server.verifyRecord(record);
        assertEquals(0, verified.exitCode(), "admin verify-record accepts the record: " + verified.output());
        String cover = PdfText.firstPage(record);
        for (String expected : List.of(title, decided.kessai().documentNumber(), "令和", "佐藤", "田中", "野村", "専決")) {
            assertTrue(cover.contains(expected), "the 鑑 shows " + expected + ":\n" + cover);
        }

        // the desktop's search index followed the replica: the 課長 finds it by a word inside the title,
        // by the reason he wrote, by the 係長's name typed in かな, and by 全角 digits of its number
        String number = decided.kessai().documentNumber();
        String fullWidthNumber = number.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０'))
                : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
        for (String query : List.of("プリンタ", "相見積り", "たなか　なおき", fullWidthNumber)) {
            driver.waitUntil("search finds the decided 決裁 by 「" + query + "」", () -> search.search(SearchQuery.of(query))
                    .hits().stream().anyMatch(h -> h.id().equals(decided.id()) && h.state().equals(KessaiStatus.DECIDED.label())));
        }
        // and the 課's library, whose text the server extracted (the 見積書 is a scan: OCR'd by Tesseract)
        driver.waitUntil("search finds the 予算編成方針 of the 課's library at its first page", () -> search.search(
                SearchQuery.of("待機児童")).hits().stream().anyMatch(h -> h.kind() == SearchKind.DOCUMENT
                        && h.title().equals("令和8年度 予算編成方針") && h.page() == 1));
        driver.waitUntil("search finds the scanned 見積書 by words Tesseract read", () -> search.search(
                SearchQuery.of("日常清掃 ビルサービス")).hits().stream().anyMatch(h -> h.kind() == SearchKind.DOCUMENT
                        && h.title().startsWith("庁舎清掃業務 見積書")));
    }

    @Test
    void aConsultationAStandInDecisionAndTheReviewAfterwards() {
        String title = "財務会計端末の購入について（" + UUID.randomUUID().toString().substring(0, 4) + "）";
        logInAs(DemoAccounts.FINANCE_CLERK);
        draft(title, 180_000, "総務部 情報政策課");
        screen.waitFor(InboxFolder.IN_ROUTE, title);

        logInAs(DemoAccounts.FINANCE_SECTION_HEAD);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.select(InboxFolder.AWAITING, title);
        click(ApprovalUiConstants.ID_KESSAI_APPROVE);
        driver.waitUntil("the 係長's 承認 is sent", () -> screen.find(InboxFolder.AWAITING, title).isEmpty());

        logInAs(DemoAccounts.ADMIN);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.select(InboxFolder.AWAITING, title);
        click(ApprovalUiConstants.ID_KESSAI_APPROVE);
        driver.waitUntil("the 情報政策課長's 合議 is sent", () -> screen.find(InboxFolder.AWAITING, title).isEmpty());

        logInAs(DemoAccounts.FINANCE_HEAD);
        screen.waitFor(InboxFolder.AWAITING, title);
        screen.withDialog(ApprovalUiConstants.ID_KESSAI_ABSENCE, ApprovalUiConstants.ID_ABSENCE_REASON, dialog -> {
            DateTime to = SwtDriver.find(dialog, ApprovalUiConstants.ID_ABSENCE_TO, DateTime.class);
            LocalDate later = desktop.today().plusDays(2);
            to.setDate(later.getYear(), later.getMonthValue() - 1, later.getDayOfMonth());
            SwtDriver.type(KessaiScreen.text(dialog, ApprovalUiConstants.ID_ABSENCE_REASON), "出張（東京）");
        });

        logInAs(DemoAccounts.FINANCE_SECTION_HEAD);
        InboxItem standIn = screen.waitFor(InboxFolder.AWAITING, title);
        assertEquals(DemoAccounts.FINANCE_SECTION_HEAD, standIn.kessai().standIns().getFirst().substitute().staffNo(),
                "with the 課長 away, the 係長 is his 代決者");
        screen.select(InboxFolder.AWAITING, title);
        assertTrue(screen.routeLines().stream().anyMatch(l -> l.contains("代決者")), "the route view names the 代決者: "
                + screen.routeLines());
        click(ApprovalUiConstants.ID_KESSAI_APPROVE);
        InboxItem decided = screen.waitFor(InboxFolder.CLOSED, title);
        assertEquals("代決（専決）", decided.kessai().history().getLast().outcome(), "decided by 代決");

        logInAs(DemoAccounts.FINANCE_HEAD);
        screen.waitFor(InboxFolder.POST_REVIEW, title);
        screen.select(InboxFolder.POST_REVIEW, title);
        assertTrue(screen.routeLines().stream().anyMatch(l -> l.contains("田中") && l.contains("代決")),
                "the route view shows the acting approver beside the 課長: " + screen.routeLines());
        screen.tab(0);
        desktop.screenshot("kessai-post-review-ja");
        click(ApprovalUiConstants.ID_KESSAI_POST_REVIEW);
        driver.waitUntil("後閲 done", () -> screen.find(InboxFolder.POST_REVIEW, title).isEmpty());
        screen.waitUntilSent();
    }

}
