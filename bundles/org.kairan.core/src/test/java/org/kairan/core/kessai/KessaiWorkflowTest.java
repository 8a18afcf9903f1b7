package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.core.kessai.DemoCity.*;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.core.kessai.WorkflowRefusal.Reason;

class KessaiWorkflowTest {

    private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
    private final RouteBuilder builder = DemoCity.routeBuilder();
    private final RouteEditor editor = new RouteEditor(DemoCity.directory());

    private Kessai draft(ApprovalRoute route, boolean restricted) {
        KessaiDraft draft = new KessaiDraft("6f1c1b5e-1111-4c2a-9d55-000000000001", "庁舎用プリンタ購入について", "財務",
                "情報政策課で使うプリンタを購入したい。", "物品購入", 150_000, restricted, DRAFT_DAY, route, List.of());
        return KessaiWorkflow.newDraft(draft, route, ZAISEI_KA, List.of(pdf("a1", "見積書.pdf")), T0);
    }

    private Kessai purchase() {
        return draft(builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000), false);
    }

    private static Attachment pdf(String id, String name) {
        return new Attachment(id, name, Attachment.PDF, 1234, "ab".repeat(32), 2, 1, SHUJI, T0, false);
    }

    private static PostHolder person(Kessai k, String staffNo) {
        if (k.drafterNo().equals(staffNo)) {
            return k.route().drafter();
        }
        return k.route().steps().stream().flatMap(s -> s.approvers().stream()).filter(p -> p.staffNo().equals(staffNo))
                .findFirst().orElseGet(() -> new PostHolder(JOHO_KA, "総務部 情報政策課", "課長", staffNo, "職員" + staffNo));
    }

    private static Kessai act(Kessai k, String staffNo, ActionKind kind, String comment) {
        return KessaiWorkflow.act(k, KessaiAction.on(k, kind, comment), person(k, staffNo), T0.plusSeconds(k.history().size() + 1));
    }

    @Test
    void theIssuesPurchaseIsApprovedSentBackResubmittedAndDecidedBySenketsu() {
        Kessai k = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        assertEquals(KessaiStatus.IN_ROUTE, k.status(), "submitted drafts are on their route");
        assertTrue(k.awaits(KAKARICHO), "the 係長 is asked first");
        assertTrue(k.attachments().getFirst().submitted(), "files of a submission can never be removed");

        k = act(k, KAKARICHO, ActionKind.APPROVE, "");
        assertTrue(k.awaits(KACHO), "after the 係長's 承認 the 課長 is asked");
        assertFalse(k.awaits(KAKARICHO), "the 係長 has answered");

        k = KessaiWorkflow.act(k, KessaiAction.sendBack(k, -1, "見積書が1社分しかありません。相見積りを添付してください。"),
                person(k, KACHO), T0.plusSeconds(10));
        assertEquals(KessaiStatus.RETURNED, k.status(), "差戻し to the drafter");
        assertEquals("差戻し（起案者へ）", k.history().getLast().outcome());
        assertEquals("見積書が1社分しかありません。相見積りを添付してください。", k.history().getLast().comment(), "the reason is kept");

        k = act(k, SHUJI, ActionKind.SUBMIT, "相見積りを添付しました。");
        assertEquals(2, k.round(), "the resubmission is round 2");
        assertTrue(k.awaits(KACHO), "a resubmission returns to the 課長 who sent it back");

        k = act(k, KACHO, ActionKind.APPROVE, "");
        assertEquals(KessaiStatus.DECIDED, k.status(), "the 課長's 承認 is the decision");
        assertEquals("専決", k.history().getLast().outcome(), "the 課長 decides ¥150,000 by 専決");
        assertEquals(List.of("提出", "承認", "差戻し（起案者へ）", "再提出", "専決"),
                k.history().stream().map(KessaiEvent::outcome).toList(), "every step is in the history");
    }

    @Test
    void aResubmissionCanStartTheRouteAgain() {
        Kessai k = act(act(act(purchase(), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, ""), KACHO,
                ActionKind.SEND_BACK, "金額を見直してください");
        Kessai again = KessaiWorkflow.act(k, new KessaiAction(k.id(), ActionKind.SUBMIT, k.round(), -1, -1, "", true),
                person(k, SHUJI), T0.plusSeconds(60));
        assertTrue(again.awaits(KAKARICHO), "from the start, the 係長 approves again");
    }

    @Test
    void whenTwoAnswerTheSameStepOneWinsAndTheOtherIsTold() {
        Kessai route = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        Kessai seenByBoth = route;
        Kessai approved = act(route, KAKARICHO, ActionKind.APPROVE, "");
        WorkflowRefusal late = assertThrows(WorkflowRefusal.class, () -> KessaiWorkflow.act(approved,
                KessaiAction.sendBack(seenByBoth, -1, "再検討"), person(seenByBoth, KAKARICHO), T0.plusSeconds(5)),
                "a 差戻し on the step the 係長 already answered must not apply");
        assertEquals(Reason.STEP_MOVED, late.reason());
        assertTrue(late.getMessage().contains("既に他の職員が処理"), late.getMessage());
    }

    @Test
    void onlyTheCurrentApproverActs() {
        Kessai k = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        WorkflowRefusal early = assertThrows(WorkflowRefusal.class, () -> act(k, KACHO, ActionKind.APPROVE, ""),
                "the 課長 cannot approve before the 係長");
        assertEquals(Reason.NOT_PERMITTED, early.reason());
        assertEquals(Reason.NOT_PERMITTED, assertThrows(WorkflowRefusal.class,
                () -> act(k, JOHO_KACHO, ActionKind.APPROVE, "")).reason(), "someone off the route cannot approve");
    }

    @Test
    void sendBackNeedsAReasonAndAnEarlierStep() {
        Kessai k = act(act(purchase(), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "");
        assertEquals(Reason.REASON_REQUIRED, assertThrows(WorkflowRefusal.class,
                () -> KessaiWorkflow.act(k, KessaiAction.sendBack(k, -1, "  "), person(k, KACHO), T0)).reason());
        assertEquals(Reason.BAD_TARGET, assertThrows(WorkflowRefusal.class,
                () -> KessaiWorkflow.act(k, KessaiAction.sendBack(k, 1, "理由"), person(k, KACHO), T0)).reason(),
                "a step cannot send back to itself");

        Kessai toKakaricho = KessaiWorkflow.act(k, KessaiAction.sendBack(k, 0, "単価を確認してください"), person(k, KACHO), T0);
        assertEquals(KessaiStatus.IN_ROUTE, toKakaricho.status());
        assertTrue(toKakaricho.awaits(KAKARICHO), "差戻し to the 係長 puts it back on the 係長's step");
        assertEquals("差戻し（田中　直樹へ）", toKakaricho.history().getLast().outcome());
    }

    @Test
    void theDrafterPullsBackOnlyUntilTheNextStepActs() {
        Kessai submitted = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        Kessai pulled = act(submitted, SHUJI, ActionKind.PULL_BACK, "");
        assertEquals(KessaiStatus.RETURNED, pulled.status(), "引戻し makes the draft editable again");

        Kessai approved = act(submitted, KAKARICHO, ActionKind.APPROVE, "");
        WorkflowRefusal refused = assertThrows(WorkflowRefusal.class, () -> act(approved, SHUJI, ActionKind.PULL_BACK, ""),
                "after the 係長 approved the drafter can no longer pull back");
        assertEquals(Reason.NOT_PERMITTED, refused.reason());

        Kessai kakarichoPulls = act(approved, KAKARICHO, ActionKind.PULL_BACK, "");
        assertTrue(kakarichoPulls.awaits(KAKARICHO), "the 係長 takes back the 承認 before the 課長 acted");
    }

    @Test
    void aConsultationNeedsEveryConsentUnlessAnyOneIsEnough() {
        ApprovalRoute base = builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000);
        ApprovalRoute all = editor.addConsultation(base,
                List.of(new ApproverPost(JOHO_KA, "課長"), new ApproverPost(SOMU_KA, "課長")), Consent.ALL);
        Kessai k = act(act(draft(all, false), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "");
        assertTrue(k.awaits(JOHO_KACHO) && k.awaits(SOMU_KACHO), "both 合議 members are asked at once");
        k = act(k, JOHO_KACHO, ActionKind.APPROVE, "異議なし");
        assertEquals("合議済", k.history().getLast().outcome());
        assertTrue(k.awaits(SOMU_KACHO) && !k.awaits(KACHO), "the 課長 waits for the second consent");
        k = act(k, SOMU_KACHO, ActionKind.APPROVE, "");
        assertTrue(k.awaits(KACHO), "with both consents the 課長 decides");

        ApprovalRoute anyOne = editor.addConsultation(base,
                List.of(new ApproverPost(JOHO_KA, "課長"), new ApproverPost(SOMU_KA, "課長")), Consent.ANY_ONE);
        Kessai k2 = act(act(draft(anyOne, false), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "");
        k2 = act(k2, SOMU_KACHO, ActionKind.APPROVE, "");
        assertTrue(k2.awaits(KACHO), "one consent is enough when configured as any-one");
    }

    @Test
    void aStandInDecidesForAnAbsentKachoWhoThenReviewsAfterwards() {
        Kessai k = act(act(purchase(), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "");
        PostHolder standIn = new PostHolder(ZAISEI_KA, "企画財政部 財政課", "課長補佐", "120009", "代理　太郎");
        k = k.withStandIns(List.of(new StandIn(KACHO, standIn)));
        assertTrue(k.awaits("120009"), "the 代決者 finds it in their inbox");
        assertTrue(k.involves("120009"), "the 代決者 may see it");

        Kessai decided = KessaiWorkflow.act(k, KessaiAction.on(k, ActionKind.APPROVE, ""), standIn, T0.plusSeconds(30));
        assertEquals(KessaiStatus.DECIDED, decided.status(), "代決 decides");
        KessaiEvent event = decided.history().getLast();
        assertEquals("代決（専決）", event.outcome());
        assertEquals("代理　太郎", event.actor().name(), "the acting approver is recorded");
        assertEquals("野村　健一", event.onBehalfOf().name(), "beside the original approver");
        assertTrue(decided.awaitsPostReview(KACHO), "the absent 課長 gets it for 後閲");

        Kessai reviewed = act(decided, KACHO, ActionKind.POST_REVIEW, "");
        assertFalse(reviewed.awaitsPostReview(KACHO), "後閲 is done");
        assertEquals("後閲済", reviewed.history().getLast().outcome());
        assertEquals(Reason.ALREADY_DONE, assertThrows(WorkflowRefusal.class,
                () -> act(reviewed, KACHO, ActionKind.POST_REVIEW, "")).reason());
    }

    @Test
    void aRestrictedMatterIsNotDecidedByAStandIn() {
        Kessai k = draft(builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000), true);
        k = act(act(k, SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "");
        PostHolder standIn = new PostHolder(ZAISEI_KA, "企画財政部 財政課", "課長補佐", "120009", "代理　太郎");
        Kessai waiting = k.withStandIns(List.of(new StandIn(KACHO, standIn)));
        WorkflowRefusal refused = assertThrows(WorkflowRefusal.class, () -> KessaiWorkflow.act(waiting,
                KessaiAction.on(waiting, ActionKind.APPROVE, ""), standIn, T0), "専決の制限 blocks 代決");
        assertEquals(Reason.ACTING_RESTRICTED, refused.reason());
        assertTrue(refused.getMessage().contains("代決できません"), refused.getMessage());
        assertTrue(waiting.awaits(standIn.staffNo()) && waiting.decisionRestrictedFor(standIn.staffNo()),
                "it waits for the 代決者, who may not decide it (the desktop greys 承認 and 却下 out)");
        assertFalse(waiting.decisionRestrictedFor(KACHO), "the 課長 in person may");
        Kessai unrestricted = act(act(draft(builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000), false), SHUJI,
                ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, "").withStandIns(List.of(new StandIn(KACHO, standIn)));
        assertFalse(unrestricted.decisionRestrictedFor(standIn.staffNo()), "an ordinary matter is decided by 代決");
    }

    @Test
    void onlyTheDeciderRejectsWithAReasonAndThatIsFinal() {
        Kessai atKakaricho = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        assertEquals(Reason.NOT_PERMITTED, assertThrows(WorkflowRefusal.class,
                () -> act(atKakaricho, KAKARICHO, ActionKind.REJECT, "不要")).reason(), "a 回議 step sends back instead");
        Kessai atKacho = act(atKakaricho, KAKARICHO, ActionKind.APPROVE, "");
        assertEquals(Reason.REASON_REQUIRED, assertThrows(WorkflowRefusal.class,
                () -> act(atKacho, KACHO, ActionKind.REJECT, "")).reason());
        Kessai rejected = act(atKacho, KACHO, ActionKind.REJECT, "予算がありません");
        assertEquals(KessaiStatus.REJECTED, rejected.status());
        assertEquals(Reason.CLOSED, assertThrows(WorkflowRefusal.class,
                () -> act(rejected, SHUJI, ActionKind.WITHDRAW, "")).reason(), "nothing follows a 却下");
    }

    @Test
    void onlyTheDrafterWithdraws() {
        Kessai k = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        assertEquals(Reason.NOT_DRAFTER, assertThrows(WorkflowRefusal.class,
                () -> act(k, KAKARICHO, ActionKind.WITHDRAW, "")).reason());
        Kessai withdrawn = act(k, SHUJI, ActionKind.WITHDRAW, "");
        assertEquals(KessaiStatus.WITHDRAWN, withdrawn.status());
        assertFalse(withdrawn.awaits(KAKARICHO), "a withdrawn 案件 leaves the 係長's inbox");
    }

    @Test
    void filesAreAddedAsNewVersionsAndSubmittedOnesAreNeverRemoved() {
        Kessai k = act(purchase(), SHUJI, ActionKind.SUBMIT, "");
        Kessai v2 = KessaiWorkflow.attach(k, pdf("a2", "見積書.pdf"), person(k, KAKARICHO), T0.plusSeconds(9));
        assertEquals(2, v2.attachments().size(), "the first version stays");
        assertEquals(2, v2.currentAttachments().getFirst().version(), "the same name is version 2");
        assertEquals("添付（第2版）", v2.history().getLast().outcome());

        Kessai returned = KessaiWorkflow.act(v2, KessaiAction.sendBack(v2, -1, "修正"), person(v2, KAKARICHO), T0);
        KessaiDraft emptied = new KessaiDraft(k.id(), "庁舎用プリンタ購入について（修正）", "財務", "本文", "物品購入", 150_000, false,
                DRAFT_DAY, returned.route(), List.of());
        Kessai revised = KessaiWorkflow.revise(returned, emptied, returned.route(), List.of(), SHUJI);
        assertEquals(2, revised.attachments().size(), "an edit cannot drop files that were submitted");
        assertEquals("庁舎用プリンタ購入について（修正）", revised.title());
        assertEquals(Reason.NOT_DRAFTER, assertThrows(WorkflowRefusal.class,
                () -> KessaiWorkflow.revise(returned, emptied, returned.route(), List.of(), KACHO)).reason());
    }

    @Test
    void readersConfirmOnceAfterTheDecision() {
        ApprovalRoute withReader = editor.addReaders(builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000), List.of(JOHO_SHUJI));
        Kessai k = act(act(act(draft(withReader, false), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, ""),
                KACHO, ActionKind.APPROVE, "");
        PostHolder reader = withReader.readers().getFirst();
        Kessai read = KessaiWorkflow.act(k, KessaiAction.on(k, ActionKind.READ, ""), reader, T0);
        assertEquals("供覧確認", read.history().getLast().outcome());
        assertEquals(Reason.ALREADY_DONE, assertThrows(WorkflowRefusal.class,
                () -> KessaiWorkflow.act(read, KessaiAction.on(read, ActionKind.READ, ""), reader, T0)).reason());
    }

    @Test
    void theRulesRouteCannotBeShortenedByTheDrafter() {
        ApprovalRoute base = builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000);
        ApprovalRoute withGogi = editor.addConsultation(base, List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);
        assertEquals(withGogi, editor.confirm(withGogi, base), "adding a 合議 is allowed");

        ApprovalRoute skipped = base.withoutStep(0);
        RouteException e = assertThrows(RouteException.class, () -> editor.confirm(skipped, base),
                "dropping the 係長 is refused");
        assertTrue(e.getMessage().contains("外せず"), e.getMessage());

        PostHolder impostor = new PostHolder(JOHO_KA, "総務部 情報政策課", "課長", SHUJI + "9", "偽　課長");
        ApprovalRoute forged = base.withStepAt(1, RouteStep.review(impostor));
        assertThrows(RouteException.class, () -> editor.confirm(forged, base), "a person who does not hold the post is refused");
    }

    @Test
    void addingAReaderAfterASendBackStillReturnsToTheStepThatSentItBackButChangingItsStepsStartsAgain() {
        Kessai returned = act(act(act(purchase(), SHUJI, ActionKind.SUBMIT, ""), KAKARICHO, ActionKind.APPROVE, ""),
                KACHO, ActionKind.SEND_BACK, "供覧先を加えてください");
        ApprovalRoute withReader = editor.addReaders(returned.route(), List.of(JOHO_SHUJI));
        KessaiDraft same = new KessaiDraft(returned.id(), returned.title(), "財務", "本文", "物品購入", 150_000, false, DRAFT_DAY,
                withReader, List.of());
        Kessai edited = KessaiWorkflow.revise(returned, same, withReader, List.of(), SHUJI);
        assertTrue(act(edited, SHUJI, ActionKind.SUBMIT, "").awaits(KACHO),
                "a reader added after the 課長's 差戻し does not send the 案件 back through the 係長");

        ApprovalRoute withReview = editor.insertReview(returned.route(), 1, new ApproverPost(KEIYAKU_KAKARI, "係長"));
        Kessai changed = KessaiWorkflow.revise(returned, same, withReview, List.of(), SHUJI);
        assertTrue(act(changed, SHUJI, ActionKind.SUBMIT, "").awaits(KAKARICHO),
                "a step inserted before the 課長 restarts the route");
    }
}
