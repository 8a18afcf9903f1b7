package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.IoriCity.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.internal.InMemoryServer;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.ApproverPost;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Consent;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.RecordFile;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.StepKind;

/**
 * Files of 案件 opened on the desktop (downloaded once, checked, then opened offline), files attached through
 * the outbox, and routes drafted offline from the replica's directory and the city's 事務決裁規程.
 */
class KessaiFilesAndRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final byte[] QUOTE = "%PDF-1.7 御見積書 株式会社伊織事務機 金150,000円".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspaces;
    @TempDir
    Path documents;

    private final List<KessaiDesktop> desktops = new ArrayList<>();

    @AfterEach
    void closeDesktops() {
        desktops.forEach(KessaiDesktop::close);
    }

    private KessaiDesktop desktopOf(String staffNo, KessaiSettings settings, Kessai... kessai) throws Exception {
        InMemoryServer server = new InMemoryServer(user(staffNo));
        if (settings != null) {
            publishCity(server, settings);
        } else {
            publishCity(server, KessaiSettings.standard());
        }
        for (Kessai k : kessai) {
            publish(server, k);
        }
        KessaiDesktop desktop = new KessaiDesktop(server, workspaces.resolve(staffNo + "-" + desktops.size()), CLOCK);
        desktops.add(desktop);
        desktop.syncNow();
        return desktop;
    }

    private static Kessai withQuote(Attachment quote) {
        return act(draft("庁舎用プリンタ購入について", "物品購入", 150_000, T0, quote), SHUJI, ActionKind.SUBMIT, T0);
    }

    @Test
    void anAttachmentIsDownloadedOnceCheckedAndThenOpensOffline() throws Exception {
        Attachment quote = pdf("見積書.pdf", QUOTE, T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, null, withQuote(quote));
        kakaricho.server.files.put(quote.sha256(), QUOTE);

        Path opened = kakaricho.kessai.open(quote.sha256());
        assertArrayEquals(QUOTE, Files.readAllBytes(opened), "the 係長 gets the quote the 主事 attached");
        assertTrue(opened.getFileName().toString().endsWith(".pdf"), "kept as a .pdf, so a viewer knows what it is");

        kakaricho.server.reachable(false);
        assertEquals(opened, kakaricho.kessai.open(quote.sha256()), "opened once, it opens again offline");
    }

    @Test
    void aFileNeverOpenedCannotBeOpenedOfflineAndTheMessageNamesIt() throws Exception {
        Attachment quote = pdf("見積書.pdf", QUOTE, T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, null, withQuote(quote));
        kakaricho.server.files.put(quote.sha256(), QUOTE);
        kakaricho.server.reachable(false);

        FileUnavailableException e = assertThrows(FileUnavailableException.class,
                () -> kakaricho.kessai.open(quote.sha256()), "offline, a file not on this desktop cannot be opened");
        assertEquals(FileUnavailableException.Reason.OFFLINE, e.reason());
        assertTrue(e.getMessage().contains("見積書.pdf") && e.getMessage().contains("接続してから"),
                "the message names the file and says what to do: " + e.getMessage());
    }

    @Test
    void aDamagedDownloadIsNotKept() throws Exception {
        Attachment quote = pdf("見積書.pdf", QUOTE, T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, null, withQuote(quote));
        kakaricho.server.files.put(quote.sha256(), QUOTE);
        kakaricho.server.serveInstead(quote.sha256(), "%PDF-1.7 途中で壊れた".getBytes(StandardCharsets.UTF_8));

        FileUnavailableException e = assertThrows(FileUnavailableException.class,
                () -> kakaricho.kessai.open(quote.sha256()), "content that does not match its hash is refused");
        assertEquals(FileUnavailableException.Reason.DAMAGED, e.reason());
        kakaricho.server.reachable(false);
        assertThrows(FileUnavailableException.class, () -> kakaricho.kessai.open(quote.sha256()),
                "and nothing damaged was kept to be opened later");
    }

    @Test
    void thePdfOfRecordOpensOnceDecidedAndNotBefore() throws Exception {
        byte[] record = "%PDF-1.7 決裁文書 伊財第12号 電子印影".getBytes(StandardCharsets.UTF_8);
        Kessai decided = act(act(withQuote(pdf("見積書.pdf", QUOTE, T0)), KAKARICHO, ActionKind.APPROVE, T0),
                KACHO, ActionKind.APPROVE, T0).withRecord(new RecordFile(InMemoryServer.sha256(record), record.length, 2,
                        T0));
        Kessai pending = withQuote(pdf("仕様書.pdf", QUOTE, T0));
        KessaiDesktop shuji = desktopOf(SHUJI, null, decided, pending);
        shuji.server.records.put(decided.id(), record);

        assertArrayEquals(record, Files.readAllBytes(shuji.kessai.openRecord(decided.id())),
                "the signed PDF of record of the decided 案件 opens");
        FileUnavailableException none = assertThrows(FileUnavailableException.class,
                () -> shuji.kessai.openRecord(pending.id()), "one still on its route has no PDF of record");
        assertEquals(FileUnavailableException.Reason.NO_RECORD, none.reason());
    }

    @Test
    void aFileAttachedOfflineOpensAtOnceAndIsUploadedBeforeTheAttachment() throws Exception {
        Kessai printer = withQuote(pdf("見積書.pdf", QUOTE, T0));
        KessaiDesktop shuji = desktopOf(SHUJI, null, printer);
        shuji.server.reachable(false);
        Path second = Files.write(documents.resolve("相見積書.pdf"), "%PDF-1.7 相見積書 金148,000円".getBytes(StandardCharsets.UTF_8));

        QueuedAction attach = shuji.kessai.attach(printer.id(), second);
        FileRef ref = shuji.sync.payloadOf(attach, AttachFile.class).file();
        assertEquals("相見積書.pdf", ref.name(), "the attachment has the file's name");
        assertTrue(shuji.kessai.find(printer.id()).orElseThrow().kessai().currentAttachments().stream()
                .anyMatch(a -> a.name().equals("相見積書.pdf")), "the 案件 lists it at once, 送信待ち");
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(shuji.kessai.open(ref.sha256())),
                "and it opens offline from the outbox");

        shuji.server.reachable(true);
        shuji.syncNow();
        assertEquals(ActionState.APPLIED, shuji.sync.action(attach.key()).orElseThrow().state());
        assertEquals(List.of("upload " + ref.sha256(), "command kessai.attach " + attach.key()), shuji.server.log,
                "the file reached the server before the command naming it");
    }

    @Test
    void theCitysLimitAndEmptyFilesAreCheckedWhenTheFileIsAdded() throws Exception {
        KessaiSettings small = new KessaiSettings(org.kairan.core.kessai.DecisionRules.STANDARD_TEXT,
                org.kairan.core.kessai.SubstituteRules.STANDARD_TEXT,
                KessaiSettings.parseClasses(KessaiSettings.STANDARD_CLASSES), org.kairan.core.kessai.DocumentNumberFormat.STANDARD_PATTERN, "伊",
                KessaiSettings.Numbering.SUBMISSION, 1_000);
        KessaiDesktop shuji = desktopOf(SHUJI, small);
        Path drawing = Files.write(documents.resolve("配置図.pdf"), new byte[2_000]);
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
        KessaiDesktop shuji = desktopOf(SHUJI, null);
        ApprovalRoute route = shuji.kessai.proposeRoute("物品購入", 150_000, DRAFT_DAY);
        KessaiDraft draft = new KessaiDraft(UUID.randomUUID().toString(), "庁舎用プリンタ購入について", "契約・財務", "",
                "物品購入", 150_000, false, DRAFT_DAY, route,
                List.of(new FileRef(UUID.randomUUID().toString(), "どこかの見積書.pdf", "ab".repeat(32))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shuji.kessai.saveDraft(draft));
        assertTrue(e.getMessage().contains("どこかの見積書.pdf"), "the message names the file: " + e.getMessage());
        assertTrue(shuji.sync.actions().isEmpty(), "nothing was queued");

        FileRef prepared = shuji.kessai.prepareAttachment(Files.write(documents.resolve("見積書.pdf"), QUOTE));
        shuji.kessai.saveDraft(new KessaiDraft(draft.kessaiId(), draft.title(), draft.classification(), draft.body(),
                draft.decisionKind(), draft.amountYen(), false, DRAFT_DAY, route, List.of(prepared)));
        shuji.syncNow();
        assertEquals(1, shuji.server.uploads.get(prepared.sha256()), "a prepared file is uploaded with the draft");
    }

    @Test
    void routesAreDraftedOfflineFromTheReplicaAsTheRulesGiveThem() throws Exception {
        KessaiDesktop shuji = desktopOf(SHUJI, null);
        shuji.server.reachable(false);

        ApprovalRoute purchase = shuji.kessai.proposeRoute("物品購入", 150_000, DRAFT_DAY);
        assertEquals(List.of(StepKind.REVIEW, StepKind.DELEGATED_DECISION),
                purchase.steps().stream().map(s -> s.kind()).toList(), "¥150,000: 係長 回議, then 課長 専決");
        assertEquals(List.of("田中　直樹", "野村　健一"), purchase.steps().stream().map(s -> s.approver().name()).toList());
        ApprovalRoute large = shuji.kessai.proposeRoute("物品購入", 3_000_000, DRAFT_DAY);
        assertEquals("副市長", large.decision().approver().position(), "¥3,000,000 is decided by the 副市長");

        RouteException unknown = assertThrows(RouteException.class,
                () -> shuji.kessai.proposeRoute("宇宙船購入", 1, DRAFT_DAY), "a 決裁区分 the rules do not know");
        assertEquals(RouteException.Reason.UNKNOWN_KIND, unknown.reason(), "comes through as the rules say it");

        ApprovalRoute consulted = shuji.kessai.routeEditor().addConsultation(purchase,
                List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);
        assertEquals("木村　茂", consulted.steps().get(1).approver().name(), "合議 of the 情報政策課長 before the 専決");
        RouteException own = assertThrows(RouteException.class, () -> shuji.kessai.routeEditor()
                .addConsultation(purchase, List.of(new ApproverPost(ZAISEI_KA, "課長")), Consent.ALL));
        assertEquals(RouteException.Reason.OWN_DIVISION, own.reason(), "合議 is not asked of one's own 課");
    }

    @Test
    void withoutTheCitysSettingsNoRouteIsGuessed() throws Exception {
        InMemoryServer server = new InMemoryServer(user(SHUJI)); // a feed without the city or its settings
        KessaiDesktop shuji = new KessaiDesktop(server, workspaces.resolve("no-settings"), CLOCK);
        desktops.add(shuji);
        shuji.syncNow();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shuji.kessai.proposeRoute("物品購入", 150_000, DRAFT_DAY), "before the settings are synced");
        assertTrue(e.getMessage().contains("同期"), "the message says to wait for the sync: " + e.getMessage());
    }
}
