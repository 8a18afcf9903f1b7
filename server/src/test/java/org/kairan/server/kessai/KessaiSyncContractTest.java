package org.kairan.server.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.SyncPages;

/**
 * 電子決裁 through sync commands in the demo city, on each supported database ({@link H2KessaiSyncTest},
 * {@link PostgresKessaiSyncTest}): the issue's purchase from draft to 専決, who sees a 案件, one winner per
 * step, 文書番号 without gaps, 代決 and 後閲, and bad drafts that leave nothing behind.
 */
abstract class KessaiSyncContractTest {

    @TempDir
    Path dataDir;

    DemoDesks desks;

    abstract DemoDesks startDemo(Path dataDir);

    @BeforeEach
    void start() {
        desks = startDemo(dataDir);
    }

    @AfterEach
    void stop() {
        desks.close();
    }

    private String draftPurchase() {
        String id = UUID.randomUUID().toString();
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(id, null, List.of()));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), "a 主事's purchase draft is saved: " + saved);
        return id;
    }

    private String submittedPurchase() {
        String id = draftPurchase();
        CommandResult submitted = desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "");
        assertEquals(CommandOutcome.APPLIED, submitted.outcome(), "the drafter submits: " + submitted);
        return id;
    }

    private long count(String sql, Object... params) {
        return SyncCommands.count(desks.running, sql, params);
    }

    @Test
    void theIssuesPurchaseGoesFromDraftToSenketsuWithASendBackOnTheWay() {
        String id = draftPurchase();
        Kessai draft = desks.as(SHUJI, id);
        assertEquals(KessaiStatus.DRAFT, draft.status());
        assertEquals(List.of("係長", "課長"), draft.route().steps().stream().map(s -> s.approver().position()).toList(),
                "the rules give 係長 回議 then 課長 専決 for ¥150,000");
        assertNull(desks.seenBy(KAKARICHO, id), "a draft is the drafter's alone until submitted");

        String number = desks.nextZaiseiNumber();
        assertEquals(CommandOutcome.APPLIED, desks.act(SHUJI, draft, ActionKind.SUBMIT, "").outcome());
        Kessai atKakaricho = desks.as(KAKARICHO, id);
        assertTrue(atKakaricho.awaits(KAKARICHO), "the 係長 finds it waiting");
        assertEquals(number, atKakaricho.documentNumber(), "numbered at submission, per 課 and 年度");

        assertEquals(CommandOutcome.APPLIED, desks.act(KAKARICHO, atKakaricho, ActionKind.APPROVE, "").outcome());
        Kessai atKacho = desks.as(KACHO, id);
        assertTrue(atKacho.awaits(KACHO), "then the 課長");

        CommandResult sentBack = desks.send(KACHO, CommandTypes.ACT_ON_KESSAI,
                KessaiAction.sendBack(atKacho, -1, "相見積りを添付してください。"));
        assertEquals(CommandOutcome.APPLIED, sentBack.outcome(), "差戻し with a reason applies: " + sentBack);
        Kessai returned = desks.as(SHUJI, id);
        assertEquals(KessaiStatus.RETURNED, returned.status(), "the drafter sees it sent back");
        assertEquals("相見積りを添付してください。", returned.history().getLast().comment(), "with the 課長's reason");

        assertEquals(CommandOutcome.APPLIED, desks.act(SHUJI, returned, ActionKind.SUBMIT, "再提出します").outcome());
        Kessai again = desks.as(KACHO, id);
        assertTrue(again.awaits(KACHO), "the resubmission goes straight back to the 課長");
        CommandResult decided = desks.act(KACHO, again, ActionKind.APPROVE, "");
        assertEquals(CommandOutcome.APPLIED, decided.outcome(), "the 課長 decides: " + decided);

        Kessai done = desks.as(SHUJI, id);
        assertEquals(KessaiStatus.DECIDED, done.status(), "decided");
        assertEquals("専決", done.history().getLast().outcome(), "by 専決");
        assertEquals(number, done.documentNumber(), "the number stays through 差戻し and resubmission");
        assertEquals(5, count("SELECT COUNT(*) FROM audit_log WHERE action LIKE '決裁 %' AND detail LIKE ?", "%" + number + "%"),
                "提出, 承認, 差戻し, 再提出 and 専決 are each in the audit log");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = '決裁 専決' AND person_name = '野村　健一'"
                + " AND position_name = '課長' AND detail LIKE ?", "%" + number + "%"), "the decision is audited as 専決 by"
                + " the 課長, with 役職, 氏名 and 文書番号");
    }

    @Test
    void theDemoCityStartsWithKessaiWaitingInEveryDemoInbox() {
        assertEquals(4, count("SELECT COUNT(*) FROM kessai WHERE status = 'IN_ROUTE'"), "four on their route");
        assertEquals(1, count("SELECT COUNT(*) FROM kessai WHERE status = 'DECIDED'"), "one decided");
        assertEquals(1, count("SELECT COUNT(*) FROM kessai WHERE status = 'RETURNED'"), "one sent back");
        assertEquals(1, count("SELECT COUNT(*) FROM kessai WHERE status = 'DRAFT'"), "one draft");
        for (String person : List.of(KAKARICHO, KACHO, BUCHO, JOHO_KACHO)) {
            long waiting = SyncPages.pullAll(desks.running, desks.session(person), null, 500).changes().stream()
                    .filter(c -> c.type().equals(EntityTypes.KESSAI) && !c.deleted())
                    .map(c -> desks.as(person, c.id())).filter(k -> k.awaits(person)).count();
            assertEquals(1, waiting, person + " has one 案件 waiting in the demo");
        }
    }

    @Test
    void onlyTheRouteAndThoseAboveTheKaSeeAKessaiAndGuessingAnIdRevealsNothing() {
        String id = submittedPurchase();
        assertNotNull(desks.seenBy(BUCHO, id), "the 部長 above 財政課 has rights over its 決裁");
        assertNotNull(desks.seenBy(KACHO, id), "the 課長 on the route sees it");
        assertNull(desks.seenBy(SHIMIN_SHUNIN, id), "a member of 市民課 does not get it in the feed");
        assertNull(desks.seenBy(KEIYAKU_KAKARICHO, id), "nor does a 係長 of the same 課 who is not on the route");

        Kessai real = desks.as(KAKARICHO, id);
        CommandResult guessed = desks.act(SHIMIN_SHUNIN, real, ActionKind.COMMENT, "見えますか");
        CommandResult unknown = desks.send(SHIMIN_SHUNIN, CommandTypes.ACT_ON_KESSAI, new KessaiAction(
                UUID.randomUUID().toString(), ActionKind.COMMENT, 1, 0, -1, "見えますか", false));
        assertEquals(CommandCodes.NOT_FOUND, guessed.code(), "an outsider acting on a real id is told it is not found");
        assertEquals(unknown.code(), guessed.code(), "exactly as for an id that does not exist");
        assertEquals(unknown.message().replace(unknown.message().split(" ")[1], "?"),
                guessed.message().replace(guessed.message().split(" ")[1], "?"), "with the same words");
        assertTrue(!guessed.message().contains("複合機"), "and never the title");
    }

    @Test
    void whenTwoAnswerTheSameStepAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception {
        String id = submittedPurchase();
        Kessai seen = desks.as(KAKARICHO, id);
        desks.session(KAKARICHO);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CommandResult> approve = pool.submit(() -> {
                together.await();
                return desks.act(KAKARICHO, seen, ActionKind.APPROVE, "");
            });
            Future<CommandResult> sendBack = pool.submit(() -> {
                together.await();
                return desks.send(KAKARICHO, CommandTypes.ACT_ON_KESSAI, KessaiAction.sendBack(seen, -1, "再考"));
            });
            List<CommandResult> results = List.of(approve.get(30, TimeUnit.SECONDS), sendBack.get(30, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter(r -> r.outcome() == CommandOutcome.APPLIED).count(),
                    "exactly one of two answers to the same step applies: " + results);
            CommandResult loser = results.stream().filter(r -> r.outcome() != CommandOutcome.APPLIED).findFirst().orElseThrow();
            assertEquals(CommandCodes.STEP_MOVED, loser.code(), "the other is told someone acted first: " + loser);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void documentNumbersAreNeverGivenTwiceNorSkippedEvenWhenSubmittedAtOnce() throws Exception {
        String first = desks.nextZaiseiNumber();
        String last = desks.nextZaiseiNumber(7);
        List<Kessai> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(desks.as(SHUJI, draftPurchase()));
        }
        CyclicBarrier together = new CyclicBarrier(drafts.size());
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Future<CommandResult>> submitted = new ArrayList<>();
            for (Kessai draft : drafts) {
                submitted.add(pool.submit(() -> {
                    together.await();
                    return desks.act(SHUJI, draft, ActionKind.SUBMIT, "");
                }));
            }
            for (Future<CommandResult> result : submitted) {
                assertEquals(CommandOutcome.APPLIED, result.get(60, TimeUnit.SECONDS).outcome());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> numbers = new TreeSet<>();
        for (Kessai draft : drafts) {
            numbers.add(desks.as(SHUJI, draft.id()).documentNumber());
        }
        Set<String> expected = new TreeSet<>();
        int from = Integer.parseInt(first.replaceAll("\\D", ""));
        for (int n = from; n < from + drafts.size(); n++) {
            expected.add("伊財第" + n + "号");
        }
        assertEquals(expected, numbers, "eight submissions at once get the next eight numbers, " + first + " to " + last
                + ", each once");
    }

    @Test
    void anAbsentKachoIsStoodInForAndReviewsTheDecisionAfterwards() {
        String id = submittedPurchase();
        assertEquals(CommandOutcome.APPLIED, desks.act(KAKARICHO, desks.as(KAKARICHO, id), ActionKind.APPROVE, "").outcome());
        CommandResult away = desks.send(KACHO, CommandTypes.SET_ABSENCE, new AbsenceNotice(UUID.randomUUID().toString(),
                KACHO, TODAY, TODAY.plusDays(2), "出張（東京）", false));
        assertEquals(CommandOutcome.APPLIED, away.outcome(), "the 課長 sets their own 不在: " + away);

        Kessai waiting = desks.as(KAKARICHO, id);
        assertEquals(KAKARICHO, waiting.standIns().getFirst().substitute().staffNo(),
                "with no 課長補佐 in 財政課, the first 係長 below stands in");
        assertTrue(waiting.awaits(KAKARICHO), "so the 係長 finds it waiting again, as 代決者");
        CommandResult decided = desks.act(KAKARICHO, waiting, ActionKind.APPROVE, "課長不在のため代決");
        assertEquals(CommandOutcome.APPLIED, decided.outcome(), "代決 applies: " + decided);

        Kessai done = desks.as(KACHO, id);
        assertEquals(KessaiStatus.DECIDED, done.status());
        assertEquals("代決（専決）", done.history().getLast().outcome());
        assertEquals("野村　健一", done.history().getLast().onBehalfOf().name(), "the original approver is recorded");
        assertTrue(done.awaitsPostReview(KACHO), "the 課長 has it for 後閲");
        assertEquals(CommandOutcome.APPLIED, desks.act(KACHO, done, ActionKind.POST_REVIEW, "").outcome());
        assertTrue(!desks.as(KACHO, id).awaitsPostReview(KACHO), "後閲 done");
    }

    @Test
    void someoneElsesAbsenceIsForAdministratorsOnly() {
        CommandResult refused = desks.send(SHUJI, CommandTypes.SET_ABSENCE, new AbsenceNotice(UUID.randomUUID().toString(),
                KACHO, TODAY, TODAY, "休暇", false));
        assertEquals(CommandCodes.NOT_PERMITTED, refused.code(), "a 主事 cannot mark the 課長 away");
        CommandResult byAdmin = desks.send(JOHO_KACHO, CommandTypes.SET_ABSENCE, new AbsenceNotice(
                UUID.randomUUID().toString(), KACHO, TODAY, TODAY, "休暇", false));
        assertEquals(CommandOutcome.APPLIED, byAdmin.outcome(), "an administrator can: " + byAdmin);
    }

    @Test
    void aRouteThatDropsARequiredStepOrABadDraftIsRefusedAndNothingIsSaved() {
        String id = UUID.randomUUID().toString();
        Kessai proposed = desks.as(SHUJI, draftPurchase());
        CommandResult shortened = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT,
                DemoDesks.purchase(id, proposed.route().withoutStep(0), List.of()));
        assertEquals(CommandCodes.ROUTE_INVALID, shortened.code(), "dropping the 係長 breaks the rules: " + shortened);
        assertTrue(shortened.message().contains("外せず"), shortened.message());

        CommandResult untitled = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, new org.kairan.core.kessai.KessaiDraft(id,
                " ", "契約・財務", "", "物品購入", 150_000, false, TODAY, null, List.of()));
        assertEquals(CommandOutcome.REJECTED, untitled.outcome(), "a draft without a title is refused");
        CommandResult unknownClass = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, new org.kairan.core.kessai.KessaiDraft(
                id, "件名", "存在しない分類", "", "物品購入", 150_000, false, TODAY, null, List.of()));
        assertEquals(CommandOutcome.REJECTED, unknownClass.outcome(), "an unknown 文書分類 is refused");
        assertEquals(0, count("SELECT COUNT(*) FROM kessai WHERE id = ?", id), "none of them left anything behind");
    }
}
