package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerAddress;
import org.kairan.client.internal.RealServer;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.NetworkCable;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.StepKind;
import org.kairan.core.sync.CommandCodes;

/**
 * 電子決裁 end to end with the real server and the demo city's 財政課: a 主事 drafts the issue's ¥150,000
 * 物品購入 with a PDF while the network is unplugged, and when it is back the file is uploaded and the draft
 * submitted; the 財政係長 and the 財政課長 find it in 承認待ち in turn; two answers to the same step give one
 * result and one conflict; a file the server refuses costs only its own action.
 */
class KessaiAgainstServerTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String CLERK = DemoAccounts.FINANCE_CLERK;
    private static final String SECTION_HEAD = DemoAccounts.FINANCE_SECTION_HEAD;
    private static final String HEAD = DemoAccounts.FINANCE_HEAD;

    @TempDir
    Path temp;

    private RealServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ServerDesktop desktop(String staffNo, NetworkCable cable) throws Exception {
        Path workspace = Files.createTempDirectory(temp, staffNo + "-");
        ServerDesktop desktop = cable == null ? ServerDesktop.logIn(server, staffNo, workspace)
                : ServerDesktop.logIn(server, staffNo, workspace, ServerAddress.parse(cable.url()));
        open.add(desktop);
        desktop.syncNow();
        return desktop;
    }

    private NetworkCable cable() throws Exception {
        NetworkCable cable = new NetworkCable(server.process.url());
        open.add(cable);
        return cable;
    }

    private static void syncQuietly(ServerDesktop desktop) {
        try {
            desktop.syncNow();
        } catch (Exception e) {
            // the engine retries by itself; the test looks at the outcome
        }
    }

    /**
     * Syncs until {@code condition} holds: after a cable is plugged in again the desktop's next sync (not its
     * back-off timer) tells it the network is back, as the connection monitor does in the application.
     */
    private static void syncUntil(ServerDesktop desktop, String expected, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        ServerDesktop.await(Duration.ofSeconds(60), expected, () -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            syncQuietly(desktop);
            return condition.getAsBoolean();
        });
    }

    private static ActionState state(ServerDesktop desktop, QueuedAction action) {
        return desktop.sync.action(action.key()).orElseThrow().state();
    }

    private static boolean awaits(ServerDesktop desktop, String kessaiId) {
        return desktop.kessai.inbox().get(InboxFolder.AWAITING).stream().anyMatch(i -> i.id().equals(kessaiId));
    }

    private Path document(String name, byte[] content) throws Exception {
        return Files.write(Files.createDirectories(temp.resolve("documents")).resolve(name), content);
    }

    private static KessaiDraft purchase(String id, String title, ApprovalRoute route, List<FileRef> files) {
        return new KessaiDraft(id, title, "契約・財務", "市民課窓口のプリンタが故障したため、次のとおり購入したいので伺います。\n金額　150,000円（税込）",
                "物品購入", 150_000, false, LocalDate.now(TOKYO), route, files);
    }

    @Test
    void aPurchaseDraftedOfflineWithAPdfIsUploadedSubmittedAndApprovedInTurn() throws Exception {
        server = RealServer.start("kessai-offline-draft");
        NetworkCable line = cable();
        ServerDesktop clerk = desktop(CLERK, line);
        ServerDesktop sectionHead = desktop(SECTION_HEAD, null);
        ServerDesktop head = desktop(HEAD, null);

        line.unplug();
        ApprovalRoute route = clerk.kessai.proposeRoute("物品購入", 150_000, LocalDate.now(TOKYO));
        assertEquals(List.of(StepKind.REVIEW, StepKind.DELEGATED_DECISION), route.steps().stream().map(s -> s.kind()).toList(),
                "offline, the route is drafted from the replica: 係長 回議, then 課長 専決");
        assertEquals(List.of(SECTION_HEAD, HEAD), route.steps().stream().map(s -> s.approver().staffNo()).toList());
        byte[] pdf = Pdfs.onePage("Mitsumorisho 150000 JPY");
        FileRef quote = clerk.kessai.prepareAttachment(document("見積書.pdf", pdf));
        String id = UUID.randomUUID().toString();
        QueuedAction save = clerk.kessai.saveDraft(purchase(id, "窓口用プリンタの購入について", route, List.of(quote)));
        Kessai drafted = clerk.kessai.find(id).orElseThrow().kessai();
        QueuedAction submit = clerk.kessai.act(KessaiAction.on(drafted, ActionKind.SUBMIT, ""));
        InboxItem waiting = clerk.kessai.find(id).orElseThrow();
        assertTrue(waiting.sending(), "offline, the submitted draft is 送信待ち");
        assertEquals(KessaiStatus.IN_ROUTE, waiting.kessai().status(), "and shows as 回議中 at once");

        line.plugIn();
        syncUntil(clerk, "back online, the draft and its submission are applied",
                () -> state(clerk, save) == ActionState.APPLIED && state(clerk, submit) == ActionState.APPLIED);

        sectionHead.syncNow();
        assertTrue(awaits(sectionHead, id), "the 財政係長 finds it in 承認待ち");
        Attachment arrived = sectionHead.kessai.find(id).orElseThrow().kessai().currentAttachments().getFirst();
        assertEquals("見積書.pdf", arrived.name(), "with the quote the clerk attached offline");
        assertArrayEquals(pdf, Files.readAllBytes(sectionHead.kessai.open(arrived.sha256())),
                "which the 係長 opens as it was attached");
        head.syncNow();
        assertTrue(!awaits(head, id), "the 財政課長's turn has not come yet");

        Kessai seen = sectionHead.kessai.find(id).orElseThrow().kessai();
        QueuedAction approve = sectionHead.kessai.act(KessaiAction.on(seen, ActionKind.APPROVE, "確認しました。"));
        syncUntil(sectionHead, "the 係長's 承認 is applied", () -> state(sectionHead, approve) == ActionState.APPLIED);
        head.syncNow();
        assertTrue(awaits(head, id), "after the 係長's 承認 the 財政課長 finds it in 承認待ち");
        clerk.syncNow();
        assertTrue(clerk.kessai.find(id).orElseThrow().where().contains("課長"),
                "the clerk sees it waiting for the 課長: " + clerk.kessai.find(id).orElseThrow().where());

        QueuedAction decide = head.kessai.act(KessaiAction.on(head.kessai.find(id).orElseThrow().kessai(),
                ActionKind.APPROVE, ""));
        syncUntil(head, "the 課長's 専決 is applied", () -> state(head, decide) == ActionState.APPLIED);
        syncUntil(clerk, "the clerk's desktop receives the decided 案件 with its PDF of record",
                () -> clerk.kessai.find(id).map(i -> i.kessai().record() != null).orElse(false));
        InboxItem decided = clerk.kessai.find(id).orElseThrow();
        assertEquals(KessaiStatus.DECIDED, decided.kessai().status(), "the 課長 decided it by 専決");
        assertTrue(clerk.kessai.inbox().get(InboxFolder.CLOSED).contains(decided), "it is in the clerk's 決裁済");
        byte[] record = Files.readAllBytes(clerk.kessai.openRecord(id));
        assertEquals("%PDF-", new String(record, 0, 5, java.nio.charset.StandardCharsets.US_ASCII),
                "the signed PDF of record opens on the clerk's desktop");
        line.unplug();
        assertArrayEquals(record, Files.readAllBytes(clerk.kessai.openRecord(id)), "and again offline, from the cache");
    }

    @Test
    void anApprovalAndASendBackOnTheSameStepGiveOneResultAndOneConflict() throws Exception {
        server = RealServer.start("kessai-one-wins");
        ServerDesktop clerk = desktop(CLERK, null);
        String id = UUID.randomUUID().toString();
        clerk.kessai.saveDraft(purchase(id, "会議用ホワイトボードの購入について",
                clerk.kessai.proposeRoute("物品購入", 150_000, LocalDate.now(TOKYO)), List.of()));
        clerk.kessai.act(KessaiAction.on(clerk.kessai.find(id).orElseThrow().kessai(), ActionKind.SUBMIT, ""));
        ServerDesktop.await(Duration.ofSeconds(30), "the clerk's draft is submitted",
                () -> clerk.sync.status().queued() == 0);

        NetworkCable officeLine = cable();
        NetworkCable homeLine = cable();
        ServerDesktop office = desktop(SECTION_HEAD, officeLine);
        ServerDesktop home = desktop(SECTION_HEAD, homeLine);
        assertTrue(awaits(office, id) && awaits(home, id), "the 係長 sees it waiting on both desktops");

        officeLine.unplug();
        homeLine.unplug();
        Kessai atOffice = office.kessai.find(id).orElseThrow().kessai();
        Kessai atHome = home.kessai.find(id).orElseThrow().kessai();
        QueuedAction approve = office.kessai.act(KessaiAction.on(atOffice, ActionKind.APPROVE, ""));
        QueuedAction sendBack = home.kessai.act(KessaiAction.sendBack(atHome, -1, "見積書を添付してください。"));
        officeLine.plugIn();
        homeLine.plugIn();
        Thread other = Thread.ofPlatform().start(() -> syncQuietly(home));
        syncQuietly(office);
        other.join();
        syncUntil(office, "the server answers the office desktop", () -> state(office, approve).isSettled());
        syncUntil(home, "the server answers the home desktop", () -> state(home, sendBack).isSettled());

        Set<ActionState> outcomes = Set.of(state(office, approve), state(home, sendBack));
        assertEquals(Set.of(ActionState.APPLIED, ActionState.CONFLICT), outcomes, "one answer wins, the other conflicts");
        QueuedAction lost = state(office, approve) == ActionState.CONFLICT ? office.sync.action(approve.key()).orElseThrow()
                : home.sync.action(sendBack.key()).orElseThrow();
        assertEquals(CommandCodes.STEP_MOVED, lost.code(), "because the step moved");
        assertTrue(lost.message() != null && !lost.message().isBlank(), "with the server's reason");
        ServerDesktop loser = lost.key().equals(approve.key()) ? office : home;
        loser.syncNow();
        assertEquals(lost.key(), loser.kessai.find(id).orElseThrow().refused().orElseThrow().key(),
                "the desktop that lost shows the refusal on the 案件");
        office.syncNow();
        home.syncNow();
        clerk.syncNow();
        List<String> where = List.of(office.kessai.find(id).orElseThrow().where(),
                home.kessai.find(id).orElseThrow().where(), clerk.kessai.find(id).orElseThrow().where());
        assertEquals(1, where.stream().distinct().count(), "and all desktops agree on where the 案件 is: " + where);
    }

    @Test
    void aFileTheServerRefusesCostsOnlyItsOwnActionAndSaysWhy() throws Exception {
        server = RealServer.start("kessai-refused-file");
        NetworkCable line = cable();
        ServerDesktop clerk = desktop(CLERK, line);

        FileNotAcceptedException empty = assertThrows(FileNotAcceptedException.class,
                () -> clerk.kessai.prepareAttachment(document("見積書（白紙）.pdf", new byte[0])),
                "a 0-byte PDF is refused as soon as it is added");
        assertEquals(FileRefusal.EMPTY, empty.reason());
        assertTrue(empty.getMessage().contains("見積書（白紙）.pdf"), "naming the file: " + empty.getMessage());

        line.unplug();
        ApprovalRoute route = clerk.kessai.proposeRoute("物品購入", 150_000, LocalDate.now(TOKYO));
        FileRef locked = clerk.kessai.prepareAttachment(document("見積書（保護付き）.pdf", Pdfs.passwordProtected()));
        FileRef readable = clerk.kessai.prepareAttachment(document("仕様書.pdf", Pdfs.onePage("Shiyousho")));
        String refusedId = UUID.randomUUID().toString();
        String keptId = UUID.randomUUID().toString();
        QueuedAction refused = clerk.kessai.saveDraft(purchase(refusedId, "保護付きPDFの起案", route, List.of(locked)));
        QueuedAction kept = clerk.kessai.saveDraft(purchase(keptId, "読めるPDFの起案", route, List.of(readable)));
        line.plugIn();
        syncUntil(clerk, "the server answers both drafts",
                () -> state(clerk, refused).isSettled() && state(clerk, kept).isSettled());

        QueuedAction outcome = clerk.sync.action(refused.key()).orElseThrow();
        assertEquals(ActionState.REJECTED, outcome.state(), "the draft with the password-protected PDF is refused");
        assertEquals(FileRefusal.ENCRYPTED.name(), outcome.code(), "because the PDF is encrypted");
        assertTrue(outcome.message().startsWith("「見積書（保護付き）.pdf」") && outcome.message().contains("パスワード"),
                "the server's Japanese message names the file and says why: " + outcome.message());
        assertEquals(ActionState.APPLIED, state(clerk, kept), "the other draft is not lost");
        clerk.syncNow();
        assertEquals(List.of("読めるPDFの起案"), clerk.kessai.inbox().get(InboxFolder.DRAFTS).stream()
                .map(InboxItem::title).filter(t -> t.endsWith("PDFの起案")).collect(Collectors.toList()),
                "it is in 起案中 with its file; the refused one is not on the server");
        assertEquals(1, clerk.sync.status().conflicts(), "送信状況 shows the one refusal");
    }

    @Test
    void theKachoExportsTheRegisterOfHisKaForExcelAndAShujiMayNot() throws Exception {
        server = RealServer.start("kessai-register");
        ServerDesktop head = desktop(HEAD, null);
        java.time.LocalDate today = java.time.LocalDate.now(TOKYO);
        java.time.LocalDate fiscalStart = java.time.LocalDate.of(today.getMonthValue() >= 4 ? today.getYear()
                : today.getYear() - 1, 4, 1);
        Path utf8 = temp.resolve("決裁簿.csv");
        head.client.downloadRegister("120200", fiscalStart, today, false, utf8);
        byte[] bytes = Files.readAllBytes(utf8);
        assertArrayEqualsPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
        String text = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("文書番号,起案日,決裁日,件名"), "a header row for Excel: " + text);
        assertTrue(text.contains("消耗品（トナー）の購入について") && text.contains("令和"),
                "the demo's decided 案件 of 財政課 is a row, with 和暦 dates: " + text);

        Path sjis = temp.resolve("決裁簿-sjis.csv");
        head.client.downloadRegister("120200", fiscalStart, today, true, sjis);
        assertEquals(text, new String(Files.readAllBytes(sjis), java.nio.charset.Charset.forName("windows-31j")),
                "the same register in Shift_JIS");

        ServerDesktop clerk = desktop(CLERK, null);
        assertThrows(org.kairan.client.KairanClientException.class,
                () -> clerk.client.downloadRegister("120200", fiscalStart, today, false, temp.resolve("no.csv")),
                "a 主事 has no rights over the 課's register");
    }

    @Test
    void anAdministratorListsRecordsPastTheirRetentionAndTransfersOne() throws Exception {
        server = RealServer.start("kessai-retention");
        ServerDesktop admin = desktop(DemoAccounts.ADMIN, null);
        java.time.LocalDate today = java.time.LocalDate.now(TOKYO);
        java.time.LocalDate afterAYear = java.time.LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() + 2
                : today.getYear() + 1, 4, 1);
        org.kairan.core.kessai.RetentionList due = admin.client.retention(afterAYear);
        org.kairan.core.kessai.RetentionItem toner = due.items().stream()
                .filter(i -> i.title().equals("消耗品（トナー）の購入について")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo's 一般庶務 (1年) record is due on " + afterAYear + ": " + due));
        assertEquals("1年", toner.retention());
        admin.client.decideRetention(toner.kessaiId(), org.kairan.core.kessai.RetentionList.Disposition.TRANSFER, null);
        assertTrue(admin.client.retention(afterAYear).items().stream().noneMatch(i -> i.kessaiId().equals(toner.kessaiId())),
                "a record transferred to the archives leaves the list");
        ServerDesktop head = desktop(HEAD, null);
        assertThrows(org.kairan.client.KairanClientException.class, () -> head.client.retention(afterAYear),
                "the list is for administrators");
    }

    private static void assertArrayEqualsPrefix(byte[] prefix, byte[] bytes) {
        assertTrue(bytes.length >= prefix.length && java.util.Arrays.equals(prefix, java.util.Arrays.copyOf(bytes,
                prefix.length)), "UTF-8 starts with a BOM so that Excel reads it");
    }
}
