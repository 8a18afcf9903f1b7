package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.Inbox;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.internal.SyncEvents;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;

/**
 * The 決裁 inbox from the replica: each person finds what asks something of them in the right folder and
 * order; their own actions show at once, offline too, until the server answers; arrivals are announced once;
 * and 5,000 案件 are decoded once per change of the replica, not on every look. Against one real demo server
 * for the class: the 案件 are made by the people's own commands in the order the test needs, and each test
 * looks only at its own 案件 (the demo city and the other tests have theirs on the same server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KessaiInboxTest {

    @TempDir
    static Path temp;

    private DemoCity city;
    private final List<ServerDesktop> desktops = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        city = DemoCity.start("kessai-inbox", temp);
    }

    @AfterAll
    void stopServer() throws Exception {
        city.close();
    }

    @BeforeEach
    void plugIn() {
        city.cable.plugIn();
    }

    @AfterEach
    void closeDesktops() {
        desktops.forEach(ServerDesktop::close);
        desktops.clear();
    }

    private ServerDesktop desktopOf(String staffNo) throws Exception {
        return desktopOf(staffNo, Clock.systemDefaultZone());
    }

    /** A desktop of {@code staffNo} synced once; its 決裁 service takes {@code clock} for now. */
    private ServerDesktop desktopOf(String staffNo, Clock clock) throws Exception {
        ServerDesktop desktop = city.desktop(staffNo, clock);
        desktops.add(desktop);
        desktop.syncNow();
        return desktop;
    }

    /** The titles in {@code folder} of the 案件 {@code ids} only, in the folder's order. */
    private static List<String> titles(Inbox inbox, InboxFolder folder, Set<String> ids) {
        return inbox.get(folder).stream().filter(i -> ids.contains(i.id())).map(InboxItem::title).toList();
    }

    private static boolean in(Inbox inbox, InboxFolder folder, String id) {
        return inbox.get(folder).stream().anyMatch(i -> i.id().equals(id));
    }

    @Test
    @Order(1)
    void aSubmittedPurchaseWaitsForTheKakarichoAndTheDrafterSeesWhereItIs() throws Exception {
        String printer = city.submitted("庁舎用プリンタ購入について");
        Set<String> mine = Set.of(printer);
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        ServerDesktop shuji = desktopOf(SHUJI);
        ServerDesktop kacho = desktopOf(KACHO);

        assertEquals(List.of("庁舎用プリンタ購入について"), titles(kakaricho.kessai.inbox(), InboxFolder.AWAITING, mine),
                "the 係長 finds the purchase in 承認待ち");
        assertEquals(1, kakaricho.kessai.inbox().get(InboxFolder.AWAITING).stream()
                .filter(i -> i.id().equals(printer)).count(), "counted once");
        InboxItem own = shuji.kessai.find(printer).orElseThrow();
        assertTrue(in(shuji.kessai.inbox(), InboxFolder.IN_ROUTE, printer), "the drafter has it in 回議中");
        assertEquals("回議中（回議 係長 田中　直樹）", own.where(), "the drafter sees whom it waits for");
        assertFalse(in(kacho.kessai.inbox(), InboxFolder.AWAITING, printer), "the 課長's turn has not come yet");

        city.act(KAKARICHO, printer, ActionKind.APPROVE, "");
        Instant approvedAt = city.as(KACHO, printer).history().getLast().at();
        kacho.syncNow();
        assertEquals(List.of("庁舎用プリンタ購入について"), titles(kacho.kessai.inbox(), InboxFolder.AWAITING, mine),
                "after the 係長's 承認 the 課長 finds it in 承認待ち");
        assertEquals(approvedAt, kacho.kessai.find(printer).orElseThrow().since(), "waiting since the 係長's 承認");
    }

    @Test
    @Order(2)
    void eachFolderHoldsWhatItShouldInTheOrderThatHelps() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        // decided first, so that a look 60 days and a second after its decision no longer lists it
        String decidedLongAgo = city.decided("昨年度の備品購入");
        Instant longAgo = city.as(SHUJI, decidedLongAgo).decidedAt();
        Thread.sleep(Duration.between(Instant.now(), longAgo.plusSeconds(2)).toMillis() + 1);
        ApprovalRoute withReader = shuji.kessai.proposeRoute("物品購入", 150_000, today())
                .withReader(new PostHolder(JOHO_KA, "総務部 情報政策課", "課長", JOHO_KACHO, "中西　恵"));
        String toRead = UUID.randomUUID().toString();
        city.send(SHUJI, List.of(new DemoCity.Command(CommandTypes.SAVE_KESSAI_DRAFT,
                new KessaiDraft(toRead, "庁内LAN機器の更新", "契約・財務", "", "物品購入", 150_000, false, today(), withReader,
                        List.of())), DemoCity.submit(toRead)));
        city.act(KAKARICHO, toRead, ActionKind.APPROVE, "");
        city.act(KACHO, toRead, ActionKind.APPROVE, "");

        // submitted in the order of how long they wait
        String oldest = city.submitted("公用車タイヤ交換");
        String middle = city.submitted("会議室プロジェクタ購入");
        String newest = city.submitted("コピー用紙の購入");
        String travel = city.submitted("出張旅費の精算");
        city.act(KAKARICHO, travel, ActionKind.APPROVE, "");
        city.sendBack(KACHO, travel, "領収書を添付してください");
        String oldDraft = city.drafted("古い下書き");
        String newDraft = city.drafted("新しい下書き");
        // the 課長 is away today: the 係長 stands in (代決) at the 課長's 専決, and the 課長 has to 後閲
        String away = city.submitted("防災倉庫の備品購入");
        AbsenceNotice absence = city.away(KACHO);
        try {
            city.act(KAKARICHO, away, ActionKind.APPROVE, "");
            assertTrue(city.as(KAKARICHO, away).standIns().stream()
                    .anyMatch(s -> s.absentNo().equals(KACHO) && s.substitute().staffNo().equals(KAKARICHO)),
                    "the 係長 is the 課長's 代決者 today");
            city.act(KAKARICHO, away, ActionKind.APPROVE, "");
        } finally {
            city.back(absence);
        }

        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        Set<String> seenByKakaricho = Set.of(newest, oldest, middle, away, toRead);
        Inbox k = kakaricho.kessai.inbox();
        assertEquals(List.of("公用車タイヤ交換", "会議室プロジェクタ購入", "コピー用紙の購入"),
                titles(k, InboxFolder.AWAITING, seenByKakaricho), "承認待ち: the one waiting longest first");
        ServerDesktop kacho = desktopOf(KACHO);
        assertEquals(List.of("防災倉庫の備品購入"), titles(kacho.kessai.inbox(), InboxFolder.POST_REVIEW, seenByKakaricho),
                "後閲: the 代決 the 係長 made while the 課長 was away");
        assertFalse(in(kacho.kessai.inbox(), InboxFolder.AWAITING, away), "which no longer waits for the 課長");

        ServerDesktop johoKacho = desktopOf(JOHO_KACHO);
        Set<String> seenByJoho = Set.of(toRead, newest);
        assertEquals(List.of("庁内LAN機器の更新"), titles(johoKacho.kessai.inbox(), InboxFolder.TO_READ, seenByJoho),
                "供覧: the decided 案件 the 情報政策課長 is to read");
        assertTrue(titles(johoKacho.kessai.inbox(), InboxFolder.AWAITING, seenByJoho).isEmpty(),
                "and nothing else asks anything of them");

        // the drafter looks 60 days and a second after the first decision: the second, 2 s later, is still recent
        Clock later = Clock.fixed(longAgo.plus(Duration.ofDays(60)).plusSeconds(1), ZoneId.of("Asia/Tokyo"));
        ServerDesktop shujiLater = desktopOf(SHUJI, later);
        Set<String> seenByShuji = Set.of(newest, oldest, travel, oldDraft, newDraft, toRead, decidedLongAgo);
        Inbox s = shujiLater.kessai.inbox();
        assertEquals(List.of("出張旅費の精算"), titles(s, InboxFolder.RETURNED, seenByShuji), "差戻し: sent back to the drafter");
        assertEquals("領収書を添付してください", shujiLater.kessai.find(travel).orElseThrow().kessai().history().getLast()
                .comment(), "with the reason");
        assertEquals(List.of("新しい下書き", "古い下書き"), titles(s, InboxFolder.DRAFTS, seenByShuji), "起案中: newest first");
        assertEquals(List.of("公用車タイヤ交換", "コピー用紙の購入"), titles(s, InboxFolder.IN_ROUTE, seenByShuji),
                "回議中: the one waiting longest first");
        assertEquals(List.of("庁内LAN機器の更新"), titles(s, InboxFolder.CLOSED, seenByShuji),
                "決裁済: decided within the last 60 days; one decided longer ago is no longer listed");
        assertTrue(titles(s, InboxFolder.AWAITING, seenByShuji).isEmpty(), "the drafter approves nothing");
    }

    @Test
    @Order(3)
    void anApprovalQueuedOfflineShowsAtOnceAndARefusalComesBackWithItsReason() throws Exception {
        String printer = city.submitted("庁舎用プリンタ購入について");
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        city.cable.unplug();

        InboxItem seen = kakaricho.kessai.find(printer).orElseThrow();
        assertTrue(in(kakaricho.kessai.inbox(), InboxFolder.AWAITING, printer), "it waits for the 係長");
        QueuedAction approve = kakaricho.kessai.act(KessaiAction.on(seen.kessai(), ActionKind.APPROVE, ""));

        Inbox after = kakaricho.kessai.inbox();
        assertFalse(in(after, InboxFolder.AWAITING, printer), "the approved 案件 leaves 承認待ち at once, offline");
        InboxItem sending = after.get(InboxFolder.SENDING).stream().filter(i -> i.id().equals(printer)).findFirst()
                .orElseThrow();
        assertTrue(sending.sending(), "it is marked 送信待ち");
        assertEquals("回議中（専決 課長 野村　健一）", sending.where(), "and shows where the approval takes it");

        // meanwhile the 係長 answers the same step from another desktop: the queued approval comes too late
        city.sendBack(KAKARICHO, printer, "仕様を確認してください");
        city.cable.plugIn();
        kakaricho.syncNow();
        QueuedAction answered = kakaricho.sync.action(approve.key()).orElseThrow();
        assertEquals(ActionState.CONFLICT, answered.state());
        assertEquals(CommandCodes.STEP_MOVED, answered.code(), "because the step moved");
        InboxItem back = kakaricho.kessai.find(printer).orElseThrow();
        assertFalse(back.sending(), "once the server answered it is no longer 送信待ち");
        String reason = back.refused().orElseThrow().message();
        assertEquals(answered.message(), reason, "the refusal shows on the 案件 with the server's reason");
        assertTrue(reason.startsWith("「庁舎用プリンタ購入について」は既に他の職員が処理"), "naming the 案件: " + reason);
        kakaricho.sync.dismiss(approve.key());
        assertTrue(kakaricho.kessai.find(printer).orElseThrow().refused().isEmpty(), "until the user dismisses it");
    }

    @Test
    @Order(4)
    void aDraftAndItsSubmissionWrittenOfflineAreInTheDraftersFoldersAtOnce() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        city.cable.unplug();
        String id = UUID.randomUUID().toString();
        ApprovalRoute route = shuji.kessai.proposeRoute("物品購入", 150_000, today());
        KessaiDraft draft = new KessaiDraft(id, "庁舎用プリンタ購入について", "契約・財務", "情報政策課のプリンタが故障したため",
                "物品購入", 150_000, false, today(), route, List.of());
        shuji.kessai.saveDraft(draft);
        Set<String> mine = Set.of(id);
        assertEquals(List.of("庁舎用プリンタ購入について"), titles(shuji.kessai.inbox(), InboxFolder.DRAFTS, mine),
                "a draft saved offline is in 起案中 at once");

        Kessai local = shuji.kessai.find(id).orElseThrow().kessai();
        shuji.kessai.act(KessaiAction.on(local, ActionKind.SUBMIT, ""));
        Inbox inbox = shuji.kessai.inbox();
        assertTrue(titles(inbox, InboxFolder.DRAFTS, mine).isEmpty(), "submitted offline, it leaves 起案中");
        assertTrue(in(inbox, InboxFolder.IN_ROUTE, id), "and is 回議中");
        assertEquals("回議中（回議 係長 田中　直樹）", shuji.kessai.find(id).orElseThrow().where(), "at the 係長, 送信待ち");
        assertEquals(2, shuji.sync.status().queued(), "both actions wait in the queue");
    }

    @Test
    @Order(5)
    void aRequestThatCanNeverBeRightIsRefusedBeforeItIsQueued() throws Exception {
        String printer = city.submitted("庁舎用プリンタ購入について");
        city.act(KAKARICHO, printer, ActionKind.APPROVE, "");
        ServerDesktop kacho = desktopOf(KACHO);
        assertTrue(in(kacho.kessai.inbox(), InboxFolder.AWAITING, printer), "it waits for the 課長");
        Kessai seen = kacho.kessai.find(printer).orElseThrow().kessai();
        WorkflowRefusal refusal = assertThrows(WorkflowRefusal.class,
                () -> kacho.kessai.act(KessaiAction.sendBack(seen, -1, "")), "差戻し needs a reason");
        assertEquals(WorkflowRefusal.Reason.REASON_REQUIRED, refusal.reason());
        assertTrue(kacho.sync.actions().isEmpty(), "nothing was queued");
    }

    @Test
    @Order(6)
    void whatArrivesIn承認待ちIsAnnouncedOnceAndTheUsersOwnActionsAreNot() throws Exception {
        city.submitted("庁舎用プリンタ購入について");
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        assertTrue(kakaricho.announcedTitles().isEmpty(), "what was there at the first look is not announced");
        int before = kakaricho.kessai.inbox().count(InboxFolder.AWAITING);
        assertEquals(before, kakaricho.notices.getLast().awaiting(), "but the count is posted for the badge");

        String second = city.submitted("公用車タイヤ交換");
        kakaricho.syncNow();
        assertEquals(List.of("公用車タイヤ交換"), kakaricho.announcedTitles(), "a new 案件 in 承認待ち is announced");
        assertEquals(before + 1, kakaricho.notices.getLast().awaiting(), "with the new count");

        InboxItem approved = kakaricho.kessai.find(second).orElseThrow();
        QueuedAction approve = kakaricho.kessai.act(KessaiAction.on(approved.kessai(), ActionKind.APPROVE, ""));
        kakaricho.syncNow();
        kakaricho.syncNow();
        assertEquals(ActionState.APPLIED, kakaricho.sync.action(approve.key()).orElseThrow().state());
        assertEquals(List.of("公用車タイヤ交換"), kakaricho.announcedTitles(),
                "the user's own approval does not announce anything, even while the replica catches up");
    }

    @Test
    @Order(7)
    void a差戻しReachesTheDrafterAndA代決TheAbsentApproverAsNotices() throws Exception {
        String printer = city.submitted("庁舎用プリンタ購入について");
        city.act(KAKARICHO, printer, ActionKind.APPROVE, "");
        String desks = city.submitted("会議室用机の購入について");
        ServerDesktop shuji = desktopOf(SHUJI);
        ServerDesktop kacho = desktopOf(KACHO);

        int returnedBefore = shuji.kessai.inbox().count(InboxFolder.RETURNED);
        city.sendBack(KACHO, printer, "見積書（2社以上）を添付してください。");
        shuji.syncNow();
        assertEquals(List.of("庁舎用プリンタ購入について"), shuji.announcedTitles(), "the drafter is told of the 差戻し");
        assertEquals(InboxFolder.RETURNED, shuji.notices.getLast().arrived().getFirst().folder(), "as 差戻し");
        assertEquals(returnedBefore + 1, shuji.notices.getLast().returned(), "with the count of 差戻し");

        AbsenceNotice absence = city.away(KACHO);
        try {
            city.act(KAKARICHO, desks, ActionKind.APPROVE, "");
            city.act(KAKARICHO, desks, ActionKind.APPROVE, ""); // the 専決, as the 課長's 代決者
        } finally {
            city.back(absence);
        }
        kacho.syncNow();
        assertEquals(List.of("会議室用机の購入について"), kacho.announcedTitles(),
                "the 課長 back from leave is told of the 代決 to 後閲");
        assertEquals(InboxFolder.POST_REVIEW, kacho.notices.getLast().arrived().getFirst().folder(), "as 後閲");
        assertFalse(in(kacho.kessai.inbox(), InboxFolder.AWAITING, desks), "and it no longer waits for the 課長's 承認");
    }

    @Test
    @Order(100) // last: it fills the class's server with 5,000 案件
    void fiveThousand案件AreDecodedOncePerChangeOfTheReplica() throws Exception {
        long seeding = System.nanoTime();
        List<String> ids = new ArrayList<>();
        List<DemoCity.Command> drafts = new ArrayList<>();
        for (int i = 4_999; i >= 0; i--) { // the one with the highest number waits longest
            String id = UUID.randomUUID().toString();
            ids.addFirst(id);
            drafts.add(DemoCity.saveDraft(id, String.format("物品購入 第%04d号（事務用品）", i)));
            drafts.add(DemoCity.submit(id));
        }
        city.send(SHUJI, drafts);
        List<DemoCity.Command> byKakaricho = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            if (i % 4 == 1 || i % 4 == 2) {
                byKakaricho.add(new DemoCity.Command(CommandTypes.ACT_ON_KESSAI,
                        KessaiAction.on(city.as(KAKARICHO, ids.get(i)), ActionKind.APPROVE, "")));
            }
        }
        city.send(KAKARICHO, byKakaricho);
        List<DemoCity.Command> byKacho = new ArrayList<>();
        for (int i = 2; i < 5_000; i += 4) {
            byKacho.add(new DemoCity.Command(CommandTypes.ACT_ON_KESSAI,
                    KessaiAction.on(city.as(KACHO, ids.get(i)), ActionKind.APPROVE, "")));
        }
        city.send(KACHO, byKacho);
        System.out.printf("5,000 案件 made through the command API in %d ms%n", (System.nanoTime() - seeding) / 1_000_000);
        Set<String> mine = Set.copyOf(ids);
        ServerDesktop kakaricho = desktopOf(KAKARICHO);

        long start = System.nanoTime();
        Inbox inbox = kakaricho.kessai.inbox();
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Inbox again = kakaricho.kessai.inbox();
        long againMicros = (System.nanoTime() - start) / 1_000;
        System.out.printf("inbox of 5,000 案件: first look %d ms (the notice after the sync decoded them already),"
                + " next look %d µs%n", firstMillis, againMicros);

        for (int run = 1; run <= 3; run++) {
            DefaultKessaiService uncached = new DefaultKessaiService(kakaricho.sync, kakaricho.client,
                    Clock.systemDefaultZone(), SyncEvents.NONE);
            start = System.nanoTime();
            int awaiting = titles(uncached.inbox(), InboxFolder.AWAITING, mine).size();
            System.out.printf("inbox of 5,000 案件 without a cache (read the replica, decode, sort), run %d: %d ms%n",
                    run, (System.nanoTime() - start) / 1_000_000);
            assertEquals(2_500, awaiting, "a service without a cache finds the same");
        }
        assertEquals(2_500, titles(inbox, InboxFolder.AWAITING, mine).size(), "half of them wait for the 係長");
        assertSame(inbox, again, "looking again without a change of the replica or the queue costs nothing");
        assertEquals("物品購入 第4999号（事務用品）", titles(inbox, InboxFolder.AWAITING, mine).getFirst(),
                "the one waiting longest comes first");

        int awaitingBefore = inbox.count(InboxFolder.AWAITING);
        city.submitted("至急: 窓口用プリンタトナー購入");
        kakaricho.syncNow();
        start = System.nanoTime();
        Inbox changed = kakaricho.kessai.inbox();
        System.out.printf("inbox of 5,001 案件 after a change: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(awaitingBefore + 1, changed.count(InboxFolder.AWAITING),
                "a change of the replica shows in the next look");
        assertEquals(List.of("至急: 窓口用プリンタトナー購入"), kakaricho.announcedTitles(), "and is announced");

        // the desktop restarts on the same workspace: how long until the first screen has its inbox
        Path workspace = Files.createTempDirectory(temp, "restart-");
        try (ServerDesktop first = ServerDesktop.resuming(city.session(KAKARICHO), workspace, city.via(),
                Clock.systemDefaultZone())) {
            first.syncNow();
        }
        city.cable.unplug();
        start = System.nanoTime();
        try (ServerDesktop restarted = ServerDesktop.restartedOffline(workspace)) {
            Inbox shown = restarted.kessai.inbox();
            System.out.printf("inbox of 5,001 案件 right after the desktop restarted (offline): %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(awaitingBefore + 1, shown.count(InboxFolder.AWAITING),
                    "after a restart the inbox is there, offline too");
        }
    }
}
