package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.ApproverPost;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Consent;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.StepKind;

/**
 * Files of 案件 opened on the desktop (downloaded once, checked, then opened offline), files attached through
 * the outbox, and routes drafted offline from the replica's directory and the city's 事務決裁規程. Against one
 * real demo server for the class, whose file limit is small ({@value #LIMIT} bytes) so the city's limit can be
 * tried with a small file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KessaiFilesAndRoutesTest {

    private static final long LIMIT = 1_000_000;

    @TempDir
    static Path temp;

    private DemoCity city;
    private Path documents;
    private final List<ServerDesktop> desktops = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        city = DemoCity.start("kessai-files-routes", temp, "--max-attachment-bytes", Long.toString(LIMIT));
    }

    @AfterAll
    void stopServer() throws Exception {
        city.close();
    }

    @BeforeEach
    void plugIn() throws Exception {
        city.cable.plugIn();
        documents = Files.createTempDirectory(temp, "documents-");
    }

    @AfterEach
    void closeDesktops() {
        desktops.forEach(ServerDesktop::close);
        desktops.clear();
    }

    private ServerDesktop desktopOf(String staffNo) throws Exception {
        ServerDesktop desktop = city.synced(staffNo);
        desktops.add(desktop);
        return desktop;
    }

    /** A readable one-page PDF quote of its own (the server checks PDFs by content); {@code text} is ASCII. */
    private static byte[] quote(String text) {
        return Pdfs.onePage("Mitsumorisho Iori Jimuki 150000 JPY " + text);
    }

    /** The 主事's purchase with {@code quote} as 見積書.pdf, submitted: it waits for the 係長. */
    private FileRef submittedWithQuote(String title, byte[] quote) throws Exception {
        FileRef file = city.uploaded(SHUJI, "見積書.pdf", quote);
        city.submitted(title, file);
        return file;
    }

    @Test
    void anAttachmentIsDownloadedOnceCheckedAndThenOpensOffline() throws Exception {
        byte[] content = quote("download once");
        FileRef quote = submittedWithQuote("庁舎用プリンタ購入について", content);
        ServerDesktop kakaricho = desktopOf(KAKARICHO);

        Path opened = kakaricho.kessai.open(quote.sha256());
        assertArrayEquals(content, Files.readAllBytes(opened), "the 係長 gets the quote the 主事 attached");
        assertTrue(opened.getFileName().toString().endsWith(".pdf"), "kept as a .pdf, so a viewer knows what it is");

        city.cable.unplug();
        assertEquals(opened, kakaricho.kessai.open(quote.sha256()), "opened once, it opens again offline");
    }

    @Test
    void aFileNeverOpenedCannotBeOpenedOfflineAndTheMessageNamesIt() throws Exception {
        FileRef quote = submittedWithQuote("公用車タイヤ交換", quote("never opened"));
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        city.cable.unplug();

        FileUnavailableException e = assertThrows(FileUnavailableException.class,
                () -> kakaricho.kessai.open(quote.sha256()), "offline, a file not on this desktop cannot be opened");
        assertEquals(FileUnavailableException.Reason.OFFLINE, e.reason());
        assertTrue(e.getMessage().contains("見積書.pdf") && e.getMessage().contains("接続してから"),
                "the message names the file and says what to do: " + e.getMessage());
    }

    @Test
    void aDamagedDownloadIsNotKept() throws Exception {
        FileRef quote = submittedWithQuote("会議室プロジェクタ購入", quote("damaged on the way"));
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        // the server's copy is damaged behind its back (same length, other bytes): it serves other bytes than it
        // stored under the hash
        Path stored = city.storedFile(quote.sha256());
        byte[] damaged = Files.readAllBytes(stored);
        byte[] broken = "途中で壊れた".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(broken, 0, damaged, damaged.length / 2, broken.length);
        Files.write(stored, damaged);

        FileUnavailableException e = assertThrows(FileUnavailableException.class,
                () -> kakaricho.kessai.open(quote.sha256()), "content that does not match its hash is refused");
        assertEquals(FileUnavailableException.Reason.DAMAGED, e.reason());
        city.cable.unplug();
        assertThrows(FileUnavailableException.class, () -> kakaricho.kessai.open(quote.sha256()),
                "and nothing damaged was kept to be opened later");
    }

    @Test
    void thePdfOfRecordOpensOnceDecidedAndNotBefore() throws Exception {
        String decided = city.decided("庁舎用ロッカーの購入について", city.uploaded(SHUJI, "見積書.pdf", quote("record")));
        String pending = city.submitted("庁舎用書庫の購入について", city.uploaded(SHUJI, "仕様書.pdf", quote("pending")));
        ServerDesktop.await(Duration.ofSeconds(60), "the server makes the PDF of record of the decided 案件",
                () -> {
                    try {
                        return city.as(SHUJI, decided).record() != null;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        ServerApi.Answer record = city.server.api.get("/api/kessai/" + decided + "/record",
                city.session(SHUJI).token());
        assertEquals(200, record.status(), "the server has the PDF of record");
        ServerDesktop shuji = desktopOf(SHUJI);

        assertArrayEquals(record.body(), Files.readAllBytes(shuji.kessai.openRecord(decided)),
                "the signed PDF of record of the decided 案件 opens");
        FileUnavailableException none = assertThrows(FileUnavailableException.class,
                () -> shuji.kessai.openRecord(pending), "one still on its route has no PDF of record");
        assertEquals(FileUnavailableException.Reason.NO_RECORD, none.reason());
    }

    @Test
    void aFileAttachedOfflineOpensAtOnceAndIsUploadedBeforeTheAttachment() throws Exception {
        String printer = city.drafted("庁舎用シュレッダー購入について", city.uploaded(SHUJI, "見積書.pdf", quote("attach")));
        ServerDesktop shuji = desktopOf(SHUJI);
        city.cable.unplug();
        Path second = Files.write(documents.resolve("相見積書.pdf"), Pdfs.onePage("Ai-mitsumorisho 148000 JPY"));

        QueuedAction attach = shuji.kessai.attach(printer, second);
        FileRef ref = shuji.sync.payloadOf(attach, AttachFile.class).file();
        assertEquals("相見積書.pdf", ref.name(), "the attachment has the file's name");
        assertTrue(shuji.kessai.find(printer).orElseThrow().kessai().currentAttachments().stream()
                .anyMatch(a -> a.name().equals("相見積書.pdf")), "the 案件 lists it at once, 送信待ち");
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(shuji.kessai.open(ref.sha256())),
                "and it opens offline from the outbox");

        int uploadsBefore = city.proxy.requestsFor(FILES);
        city.cable.plugIn();
        shuji.syncNow();
        assertEquals(ActionState.APPLIED, shuji.sync.action(attach.key()).orElseThrow().state());
        assertEquals(1, city.proxy.requestsFor(FILES) - uploadsBefore, "the file was uploaded once");
        Kessai onServer = city.as(SHUJI, printer);
        assertTrue(onServer.currentAttachments().stream().anyMatch(a -> a.sha256().equals(ref.sha256())),
                "the file reached the server before the command naming it (the server refuses an attachment of a"
                        + " file it does not have)");
    }

    @Test
    void theCitysLimitAndEmptyFilesAreCheckedWhenTheFileIsAdded() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        Path drawing = Files.write(documents.resolve("配置図.pdf"), new byte[(int) LIMIT + 1_000]);
        FileNotAcceptedException tooLarge = assertThrows(FileNotAcceptedException.class,
                () -> shuji.kessai.prepareAttachment(drawing), "a file over the city's limit is refused when added");
        assertEquals(FileRefusal.TOO_LARGE, tooLarge.reason());
        assertTrue(tooLarge.getMessage().contains("配置図.pdf"), "naming it: " + tooLarge.getMessage());
        Path empty = Files.write(documents.resolve("白紙.pdf"), new byte[0]);
        assertEquals(FileRefusal.EMPTY, assertThrows(FileNotAcceptedException.class,
                () -> shuji.kessai.prepareAttachment(empty)).reason(), "an empty file is refused when added");
    }

    @Test
    void aDraftNamingAFileThatWasNeverAddedIsRefused() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        ApprovalRoute route = shuji.kessai.proposeRoute("物品購入", 150_000, today());
        KessaiDraft draft = new KessaiDraft(UUID.randomUUID().toString(), "庁舎用扇風機購入について", "契約・財務", "",
                "物品購入", 150_000, false, today(), route,
                List.of(new FileRef(UUID.randomUUID().toString(), "どこかの見積書.pdf", "ab".repeat(32))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shuji.kessai.saveDraft(draft));
        assertTrue(e.getMessage().contains("どこかの見積書.pdf"), "the message names the file: " + e.getMessage());
        assertTrue(shuji.sync.actions().isEmpty(), "nothing was queued");

        int uploadsBefore = city.proxy.requestsFor(FILES);
        FileRef prepared = shuji.kessai.prepareAttachment(Files.write(documents.resolve("見積書.pdf"),
                quote("prepared")));
        QueuedAction saved = shuji.kessai.saveDraft(new KessaiDraft(draft.kessaiId(), draft.title(),
                draft.classification(), draft.body(), draft.decisionKind(), draft.amountYen(), false, today(), route,
                List.of(prepared)));
        shuji.syncNow();
        assertEquals(ActionState.APPLIED, shuji.sync.action(saved.key()).orElseThrow().state());
        assertEquals(1, city.proxy.requestsFor(FILES) - uploadsBefore, "a prepared file is uploaded with the draft");
        assertEquals(prepared.sha256(), city.as(SHUJI, draft.kessaiId()).currentAttachments().getFirst().sha256(),
                "and the draft on the server names it");
    }

    @Test
    void routesAreDraftedOfflineFromTheReplicaAsTheRulesGiveThem() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        city.cable.unplug();

        ApprovalRoute purchase = shuji.kessai.proposeRoute("物品購入", 150_000, today());
        assertEquals(List.of(StepKind.REVIEW, StepKind.DELEGATED_DECISION),
                purchase.steps().stream().map(s -> s.kind()).toList(), "¥150,000: 係長 回議, then 課長 専決");
        assertEquals(List.of("田中　直樹", "野村　健一"), purchase.steps().stream().map(s -> s.approver().name()).toList());
        ApprovalRoute large = shuji.kessai.proposeRoute("物品購入", 3_000_000, today());
        assertEquals("副市長", large.decision().approver().position(), "¥3,000,000 is decided by the 副市長");

        RouteException unknown = assertThrows(RouteException.class,
                () -> shuji.kessai.proposeRoute("宇宙船購入", 1, today()), "a 決裁区分 the rules do not know");
        assertEquals(RouteException.Reason.UNKNOWN_KIND, unknown.reason(), "comes through as the rules say it");

        ApprovalRoute consulted = shuji.kessai.routeEditor().addConsultation(purchase,
                List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);
        assertEquals("中西　恵", consulted.steps().get(1).approver().name(), "合議 of the 情報政策課長 before the 専決");
        RouteException own = assertThrows(RouteException.class, () -> shuji.kessai.routeEditor()
                .addConsultation(purchase, List.of(new ApproverPost(ZAISEI_KA, "課長")), Consent.ALL));
        assertEquals(RouteException.Reason.OWN_DIVISION, own.reason(), "合議 is not asked of one's own 課");
    }

    @Test
    void withoutTheCitysSettingsNoRouteIsGuessed() throws Exception {
        ServerDesktop shuji = city.desktop(SHUJI, Clock.systemDefaultZone()); // never synced: no city, no settings
        desktops.add(shuji);
        city.cable.unplug();
        try {
            shuji.syncNow();
        } catch (Exception expected) {
            // unplugged: the replica stays empty
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shuji.kessai.proposeRoute("物品購入", 150_000, today()), "before the settings are synced");
        assertTrue(e.getMessage().contains("同期"), "the message says to wait for the sync: " + e.getMessage());
    }
}
