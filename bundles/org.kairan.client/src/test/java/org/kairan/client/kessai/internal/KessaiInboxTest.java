package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.IoriCity.*;

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
import org.kairan.client.kessai.Inbox;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.internal.InMemoryServer;
import org.kairan.client.sync.internal.SyncEvents;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.StandIn;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;

/**
 * The 決裁 inbox from the replica: each person finds what asks something of them in the right folder and
 * order; their own actions show at once, offline too, until the server answers; arrivals are announced once;
 * and 5,000 案件 are decoded once per change of the replica, not on every look.
 */
class KessaiInboxTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path workspaces;

    private final List<KessaiDesktop> desktops = new ArrayList<>();

    @AfterEach
    void closeDesktops() {
        desktops.forEach(KessaiDesktop::close);
    }

    /** A desktop of {@code staffNo} whose server feed holds the city and {@code kessai}; synced once. */
    private KessaiDesktop desktopOf(String staffNo, Kessai... kessai) throws Exception {
        InMemoryServer server = new InMemoryServer(user(staffNo));
        publishCity(server, KessaiSettings.standard());
        for (Kessai k : kessai) {
            publish(server, k);
        }
        KessaiDesktop desktop = new KessaiDesktop(server, workspaces.resolve(staffNo + "-" + desktops.size()), CLOCK);
        desktops.add(desktop);
        desktop.syncNow();
        return desktop;
    }

    private static List<String> titles(Inbox inbox, InboxFolder folder) {
        return inbox.get(folder).stream().map(InboxItem::title).toList();
    }

    private static Kessai submitted(String title, Instant at) {
        return act(purchase(title, at), SHUJI, ActionKind.SUBMIT, at.plusSeconds(60));
    }

    @Test
    void aSubmittedPurchaseWaitsForTheKakarichoAndTheDrafterSeesWhereItIs() throws Exception {
        Kessai printer = submitted("庁舎用プリンタ購入について", T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, printer);
        KessaiDesktop shuji = desktopOf(SHUJI, printer);
        KessaiDesktop kacho = desktopOf(KACHO, printer);

        assertEquals(List.of("庁舎用プリンタ購入について"), titles(kakaricho.kessai.inbox(), InboxFolder.AWAITING),
                "the 係長 finds the purchase in 承認待ち");
        assertEquals(1, kakaricho.kessai.inbox().count(InboxFolder.AWAITING), "counted once");
        InboxItem mine = shuji.kessai.inbox().get(InboxFolder.IN_ROUTE).getFirst();
        assertEquals("回議中（回議 係長 田中　直樹）", mine.where(), "the drafter sees whom it waits for");
        assertTrue(kacho.kessai.inbox().get(InboxFolder.AWAITING).isEmpty(), "the 課長's turn has not come yet");

        Kessai approved = act(printer, KAKARICHO, ActionKind.APPROVE, T0.plusSeconds(3_600));
        publish(kacho.server, approved);
        kacho.syncNow();
        assertEquals(List.of("庁舎用プリンタ購入について"), titles(kacho.kessai.inbox(), InboxFolder.AWAITING),
                "after the 係長's 承認 the 課長 finds it in 承認待ち");
        assertEquals(T0.plusSeconds(3_600), kacho.kessai.inbox().get(InboxFolder.AWAITING).getFirst().since(),
                "waiting since the 係長's 承認");
    }

    @Test
    void eachFolderHoldsWhatItShouldInTheOrderThatHelps() throws Exception {
        Kessai newest = submitted("コピー用紙の購入", T0.plusSeconds(7_200));
        Kessai oldest = submitted("公用車タイヤ交換", T0.minusSeconds(86_400));
        Kessai middle = submitted("会議室プロジェクタ購入", T0);
        Kessai away = submitted("防災倉庫の備品購入", T0);
        // the 係長 is away today: the 課長 stands in (代決) at the 係長's step, and the 係長 has to 後閲
        away = away.withStandIns(List.of(new StandIn(KAKARICHO, person(away, KACHO))));
        Kessai decidedByProxy = act(away, KACHO, ActionKind.APPROVE, T0.plusSeconds(100));
        Kessai travel = act(submitted("出張旅費の精算", T0), KAKARICHO, ActionKind.APPROVE, T0.plusSeconds(10));
        Kessai returned = act(travel, KACHO, KessaiAction.sendBack(travel, -1, "領収書を添付してください"),
                T0.plusSeconds(20));
        Kessai oldDraft = purchase("古い下書き", T0.minusSeconds(3_600));
        Kessai newDraft = purchase("新しい下書き", T0.plusSeconds(3_600));
        ApprovalRoute withReader = routes().build(SHUJI, DRAFT_DAY, "物品購入", 150_000)
                .withReader(new PostHolder(JOHO_KA, "総務部 情報政策課", "課長", JOHO_KACHO, "木村　茂"));
        Kessai toRead = decide(KessaiWorkflow.newDraft(new KessaiDraft(UUID.randomUUID().toString(), "庁内LAN機器の更新",
                "契約・財務", "", "物品購入", 150_000, false, DRAFT_DAY, withReader, List.of()), withReader, ZAISEI_KA,
                List.of(), T0), T0.plusSeconds(500));
        Kessai decidedLongAgo = decide(purchase("昨年度の備品購入", T0.minusSeconds(90L * 86_400)),
                T0.minusSeconds(89L * 86_400));

        KessaiDesktop kakaricho = desktopOf(KAKARICHO, newest, oldest, middle, decidedByProxy, toRead);
        Inbox k = kakaricho.kessai.inbox();
        assertEquals(List.of("公用車タイヤ交換", "会議室プロジェクタ購入", "コピー用紙の購入"), titles(k, InboxFolder.AWAITING),
                "承認待ち: the one waiting longest first");
        assertEquals(List.of("防災倉庫の備品購入"), titles(k, InboxFolder.POST_REVIEW),
                "後閲: the 代決 the 課長 made while the 係長 was away");
        assertFalse(titles(k, InboxFolder.AWAITING).contains("防災倉庫の備品購入"), "which no longer waits for the 係長");

        KessaiDesktop johoKacho = desktopOf(JOHO_KACHO, toRead, newest);
        assertEquals(List.of("庁内LAN機器の更新"), titles(johoKacho.kessai.inbox(), InboxFolder.TO_READ),
                "供覧: the decided 案件 the 情報政策課長 is to read");
        assertTrue(johoKacho.kessai.inbox().get(InboxFolder.AWAITING).isEmpty(), "and nothing else asks anything of them");

        KessaiDesktop shuji = desktopOf(SHUJI, newest, oldest, returned, oldDraft, newDraft, toRead, decidedLongAgo);
        Inbox s = shuji.kessai.inbox();
        assertEquals(List.of("出張旅費の精算"), titles(s, InboxFolder.RETURNED), "差戻し: sent back to the drafter");
        assertEquals("領収書を添付してください", s.get(InboxFolder.RETURNED).getFirst().kessai().history().getLast().comment(),
                "with the reason");
        assertEquals(List.of("新しい下書き", "古い下書き"), titles(s, InboxFolder.DRAFTS), "起案中: newest first");
        assertEquals(List.of("公用車タイヤ交換", "コピー用紙の購入"), titles(s, InboxFolder.IN_ROUTE),
                "回議中: the one waiting longest first");
        assertEquals(List.of("庁内LAN機器の更新"), titles(s, InboxFolder.CLOSED),
                "決裁済: decided recently; one decided 89 days ago is no longer listed");
        assertTrue(s.get(InboxFolder.AWAITING).isEmpty(), "the drafter approves nothing");
    }

    private static Kessai decide(Kessai draft, Instant at) {
        Kessai k = act(draft, SHUJI, ActionKind.SUBMIT, at);
        k = act(k, KAKARICHO, ActionKind.APPROVE, at.plusSeconds(1));
        return act(k, KACHO, ActionKind.APPROVE, at.plusSeconds(2));
    }

    @Test
    void anApprovalQueuedOfflineShowsAtOnceAndARefusalComesBackWithItsReason() throws Exception {
        Kessai printer = submitted("庁舎用プリンタ購入について", T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, printer);
        kakaricho.server.reachable(false);

        InboxItem seen = kakaricho.kessai.inbox().get(InboxFolder.AWAITING).getFirst();
        QueuedAction approve = kakaricho.kessai.act(KessaiAction.on(seen.kessai(), ActionKind.APPROVE, ""));

        Inbox after = kakaricho.kessai.inbox();
        assertTrue(after.get(InboxFolder.AWAITING).isEmpty(), "the approved 案件 leaves 承認待ち at once, offline");
        InboxItem sending = after.get(InboxFolder.SENDING).getFirst();
        assertTrue(sending.sending(), "it is marked 送信待ち");
        assertEquals("回議中（専決 課長 野村　健一）", sending.where(), "and shows where the approval takes it");

        kakaricho.server.answer(c -> new CommandResult(c.key(), CommandOutcome.CONFLICT, CommandCodes.STEP_MOVED,
                "「庁舎用プリンタ購入について」は既に他の職員が処理しました", 0));
        kakaricho.server.reachable(true);
        kakaricho.syncNow();
        assertEquals(ActionState.CONFLICT, kakaricho.sync.action(approve.key()).orElseThrow().state());
        InboxItem back = kakaricho.kessai.find(printer.id()).orElseThrow();
        assertFalse(back.sending(), "once the server answered it is no longer 送信待ち");
        assertEquals("「庁舎用プリンタ購入について」は既に他の職員が処理しました", back.refused().orElseThrow().message(),
                "the refusal shows on the 案件 with the server's reason");
        kakaricho.sync.dismiss(approve.key());
        assertTrue(kakaricho.kessai.find(printer.id()).orElseThrow().refused().isEmpty(),
                "until the user dismisses it");
    }

    @Test
    void aDraftAndItsSubmissionWrittenOfflineAreInTheDraftersFoldersAtOnce() throws Exception {
        KessaiDesktop shuji = desktopOf(SHUJI);
        shuji.server.reachable(false);
        String id = UUID.randomUUID().toString();
        ApprovalRoute route = shuji.kessai.proposeRoute("物品購入", 150_000, DRAFT_DAY);
        KessaiDraft draft = new KessaiDraft(id, "庁舎用プリンタ購入について", "契約・財務", "情報政策課のプリンタが故障したため",
                "物品購入", 150_000, false, DRAFT_DAY, route, List.of());
        shuji.kessai.saveDraft(draft);
        assertEquals(List.of("庁舎用プリンタ購入について"), titles(shuji.kessai.inbox(), InboxFolder.DRAFTS),
                "a draft saved offline is in 起案中 at once");

        Kessai local = shuji.kessai.find(id).orElseThrow().kessai();
        shuji.kessai.act(KessaiAction.on(local, ActionKind.SUBMIT, ""));
        Inbox inbox = shuji.kessai.inbox();
        assertTrue(inbox.get(InboxFolder.DRAFTS).isEmpty(), "submitted offline, it leaves 起案中");
        assertEquals("回議中（回議 係長 田中　直樹）", inbox.get(InboxFolder.IN_ROUTE).getFirst().where(),
                "and is 回議中 at the 係長, 送信待ち");
        assertEquals(2, shuji.sync.status().queued(), "both actions wait in the queue");
    }

    @Test
    void aRequestThatCanNeverBeRightIsRefusedBeforeItIsQueued() throws Exception {
        Kessai printer = act(submitted("庁舎用プリンタ購入について", T0), KAKARICHO, ActionKind.APPROVE, T0.plusSeconds(5));
        KessaiDesktop kacho = desktopOf(KACHO, printer);
        Kessai seen = kacho.kessai.inbox().get(InboxFolder.AWAITING).getFirst().kessai();
        WorkflowRefusal refusal = assertThrows(WorkflowRefusal.class,
                () -> kacho.kessai.act(KessaiAction.sendBack(seen, -1, "")), "差戻し needs a reason");
        assertEquals(WorkflowRefusal.Reason.REASON_REQUIRED, refusal.reason());
        assertTrue(kacho.sync.actions().isEmpty(), "nothing was queued");
    }

    @Test
    void whatArrivesIn承認待ちIsAnnouncedOnceAndTheUsersOwnActionsAreNot() throws Exception {
        Kessai first = submitted("庁舎用プリンタ購入について", T0);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, first);
        assertTrue(kakaricho.announcedTitles().isEmpty(), "what was there at the first look is not announced");
        assertEquals(1, kakaricho.notices.getLast().awaiting(), "but the count is posted for the badge");

        Kessai second = submitted("公用車タイヤ交換", T0.plusSeconds(600));
        publish(kakaricho.server, second);
        kakaricho.syncNow();
        assertEquals(List.of("公用車タイヤ交換"), kakaricho.announcedTitles(), "a new 案件 in 承認待ち is announced");
        assertEquals(2, kakaricho.notices.getLast().awaiting(), "with the new count");

        InboxItem approved = kakaricho.kessai.find(second.id()).orElseThrow();
        kakaricho.kessai.act(KessaiAction.on(approved.kessai(), ActionKind.APPROVE, ""));
        kakaricho.syncNow(); // applied; this feed has not got the result yet, so it shows as before for a moment
        kakaricho.syncNow();
        assertEquals(List.of("公用車タイヤ交換"), kakaricho.announcedTitles(),
                "the user's own approval does not announce anything, even while the replica catches up");
    }

    @Test
    void a差戻しReachesTheDrafterAndA代決TheAbsentApproverAsNotices() throws Exception {
        Kessai printer = act(submitted("庁舎用プリンタ購入について", T0), KAKARICHO, ActionKind.APPROVE, T0.plusSeconds(60));
        Kessai chairs = submitted("会議室用椅子の購入について", T0);
        KessaiDesktop shuji = desktopOf(SHUJI, printer, chairs);
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, printer, chairs);

        Kessai sentBack = act(printer, KACHO, KessaiAction.sendBack(printer, -1, "見積書（2社以上）を添付してください。"),
                T0.plusSeconds(120));
        publish(shuji.server, sentBack);
        shuji.syncNow();
        assertEquals(List.of("庁舎用プリンタ購入について"), shuji.announcedTitles(), "the drafter is told of the 差戻し");
        assertEquals(InboxFolder.RETURNED, shuji.notices.getLast().arrived().getFirst().folder(), "as 差戻し");
        assertEquals(1, shuji.notices.getLast().returned(), "with the count of 差戻し");

        Kessai away = chairs.withStandIns(List.of(new StandIn(KAKARICHO, person(chairs, KACHO))));
        Kessai actedFor = act(away, KACHO, ActionKind.APPROVE, T0.plusSeconds(180));
        publish(kakaricho.server, actedFor);
        kakaricho.syncNow();
        assertEquals(List.of("会議室用椅子の購入について"), kakaricho.announcedTitles(),
                "the 係長 back from leave is told of the 代決 to 後閲");
        assertEquals(InboxFolder.POST_REVIEW, kakaricho.notices.getLast().arrived().getFirst().folder(), "as 後閲");
        assertEquals(0, kakaricho.notices.getLast().awaiting(), "and it no longer waits for the 係長's 承認");
    }

    @Test
    void fiveThousand案件AreDecodedOncePerChangeOfTheReplica() throws Exception {
        List<Kessai> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Instant at = T0.minusSeconds(600L * i);
            Kessai k = submitted(String.format("物品購入 第%04d号（事務用品）", i), at);
            if (i % 4 == 1) {
                k = act(k, KAKARICHO, ActionKind.APPROVE, at.plusSeconds(120));
            }
            if (i % 4 == 2) {
                k = act(act(k, KAKARICHO, ActionKind.APPROVE, at.plusSeconds(120)), KACHO, ActionKind.APPROVE,
                        at.plusSeconds(180));
            }
            many.add(k);
        }
        KessaiDesktop kakaricho = desktopOf(KAKARICHO, many.toArray(Kessai[]::new));

        long start = System.nanoTime();
        Inbox inbox = kakaricho.kessai.inbox();
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Inbox again = kakaricho.kessai.inbox();
        long againMicros = (System.nanoTime() - start) / 1_000;
        System.out.printf("inbox of 5,000 案件: first look %d ms (the notice after the sync decoded them already),"
                + " next look %d µs%n", firstMillis, againMicros);

        for (int run = 1; run <= 3; run++) {
            DefaultKessaiService uncached = new DefaultKessaiService(kakaricho.sync, kakaricho.server, CLOCK,
                    SyncEvents.NONE);
            start = System.nanoTime();
            int awaiting = uncached.inbox().count(InboxFolder.AWAITING);
            System.out.printf("inbox of 5,000 案件 without a cache (read the replica, decode, sort), run %d: %d ms%n",
                    run, (System.nanoTime() - start) / 1_000_000);
            assertEquals(2_500, awaiting, "a service without a cache finds the same");
        }
        assertEquals(2_500, inbox.count(InboxFolder.AWAITING), "half of them wait for the 係長");
        assertSame(inbox, again, "looking again without a change of the replica or the queue costs nothing");
        assertEquals("物品購入 第4999号（事務用品）", inbox.get(InboxFolder.AWAITING).getFirst().title(),
                "the one waiting longest comes first");

        Kessai newcomer = submitted("至急: 窓口用プリンタトナー購入", NOW.minusSeconds(60));
        publish(kakaricho.server, newcomer);
        kakaricho.syncNow();
        start = System.nanoTime();
        Inbox changed = kakaricho.kessai.inbox();
        System.out.printf("inbox of 5,001 案件 after a change: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(2_501, changed.count(InboxFolder.AWAITING), "a change of the replica shows in the next look");
        assertEquals(List.of("至急: 窓口用プリンタトナー購入"), kakaricho.announcedTitles(), "and is announced");

        // the desktop restarts on the same workspace: how long until the first screen has its inbox
        Path workspace = workspaces.resolve("restart");
        try (KessaiDesktop first = new KessaiDesktop(kakaricho.server, workspace, CLOCK)) {
            first.syncNow();
        }
        kakaricho.server.reachable(false);
        start = System.nanoTime();
        try (KessaiDesktop restarted = new KessaiDesktop(kakaricho.server, workspace, CLOCK)) {
            Inbox shown = restarted.kessai.inbox();
            System.out.printf("inbox of 5,001 案件 right after the desktop restarted (offline): %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(2_501, shown.count(InboxFolder.AWAITING), "after a restart the inbox is there, offline too");
        }
    }
}
