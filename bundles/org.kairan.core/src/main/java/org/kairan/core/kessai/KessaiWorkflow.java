package org.kairan.core.kessai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.kairan.core.kessai.WorkflowRefusal.Reason;

/**
 * The rules of 回議・合議・決裁: from a 案件 and one person's action, the next state, or a
 * {@link WorkflowRefusal} saying why not. Pure and deterministic — the server applies it inside the
 * command's transaction, clients may use it to show what is possible.
 * <ul>
 * <li>提出: the drafter, while 起案中 or 差戻し中. A resubmission after 差戻し returns to the step that sent it
 * back unless the drafter asks to start again.</li>
 * <li>承認: an approver of the current step, or their 代決者 when they are absent (recorded beside them;
 * they then have to 後閲). A 合議 step moves on when all (or any one) have consented; the last step
 * decides (決裁, or 専決 under delegation). A restricted matter (専決の制限) is not decided by 代決.</li>
 * <li>差戻し to any earlier step or to the drafter, with a reason; 却下 by the decider, with a reason.</li>
 * <li>引戻し by whoever moved the 案件 on, until anyone at the next step has acted.</li>
 * <li>取下げ by the drafter until it is closed; comments by anyone taking part; 後閲 and 供覧確認.</li>
 * </ul>
 */
public final class KessaiWorkflow {

    private KessaiWorkflow() {
    }

    /**
     * A new draft (起案中) of the drafter of {@code route}.
     *
     * @param divisionCode the drafter's 課
     * @param files        the files, already known to the server, in order
     */
    public static Kessai newDraft(KessaiDraft draft, ApprovalRoute route, String divisionCode, List<Attachment> files,
            Instant now) {
        return new Kessai(draft.kessaiId(), draft.title().strip(), draft.classification(), draft.body(),
                draft.decisionKind(), draft.amountYen(), draft.restricted(), divisionCode, draft.draftDate(), route,
                KessaiStatus.DRAFT, 0, -1, 0, List.of(), -1, null, List.of(), List.of(), files, List.of(), null, now, null,
                null, null);
    }

    /**
     * The drafter's edit of a 案件 起案中 or 差戻し中: content, route and files. Files that were part of a
     * submission are kept whatever the edit says: once submitted, nothing is removed.
     */
    public static Kessai revise(Kessai kessai, KessaiDraft draft, ApprovalRoute route, List<Attachment> files,
            String actorNo) {
        requireDrafter(kessai, actorNo);
        if (!kessai.status().isEditable()) {
            throw new WorkflowRefusal(Reason.NOT_EDITABLE, "「" + kessai.title() + "」は" + kessai.status().label()
                    + "のため編集できません (only drafts and 案件 sent back can be edited)");
        }
        KessaiChange next = new KessaiChange(kessai);
        next.title = draft.title().strip();
        next.classification = draft.classification();
        next.body = draft.body();
        next.decisionKind = draft.decisionKind();
        next.amountYen = draft.amountYen();
        next.restricted = draft.restricted();
        next.draftDate = draft.draftDate();
        if (kessai.returnedFrom() >= 0 && !sameStepsUpTo(route, kessai.route(), kessai.returnedFrom())) {
            next.returnedFrom = -1;
        }
        next.route = route;
        Set<String> named = files.stream().map(Attachment::id).collect(Collectors.toSet());
        List<Attachment> kept = new ArrayList<>(kessai.attachments().stream()
                .filter(a -> a.submitted() && !named.contains(a.id())).toList());
        kept.addAll(files);
        next.attachments = kept;
        return next.build();
    }

    /**
     * Whether the steps up to and including {@code step} are the same in both routes: then a resubmission can
     * still return to that step (readers or later steps added after a 差戻し do not send it back to the start).
     */
    private static boolean sameStepsUpTo(ApprovalRoute edited, ApprovalRoute before, int step) {
        return edited.steps().size() > step && before.steps().size() > step
                && edited.steps().subList(0, step + 1).equals(before.steps().subList(0, step + 1));
    }

    /** The 案件 after {@code actor} did {@code action} at {@code now}. */
    public static Kessai act(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        Objects.requireNonNull(actor, "actor");
        if (action.comment().length() > KessaiAction.MAX_COMMENT) {
            throw new WorkflowRefusal(Reason.REASON_REQUIRED, "コメントは" + KessaiAction.MAX_COMMENT
                    + "文字までです (comment too long)");
        }
        return switch (action.action()) {
            case SUBMIT -> submit(kessai, action, actor, now);
            case APPROVE -> approve(kessai, action, actor, now);
            case SEND_BACK -> sendBack(kessai, action, actor, now);
            case PULL_BACK -> pullBack(kessai, action, actor, now);
            case WITHDRAW -> withdraw(kessai, actor, now);
            case REJECT -> reject(kessai, action, actor, now);
            case COMMENT -> comment(kessai, action, actor, now);
            case POST_REVIEW -> postReview(kessai, actor, now);
            case READ -> read(kessai, actor, now);
            case ATTACH -> throw new IllegalArgumentException("attach with KessaiWorkflow.attach, not act");
        };
    }

    /**
     * Adds a file: by the drafter or anyone on the route, while it is not withdrawn or rejected. A file
     * with the name of an earlier one becomes its next version; the earlier stays.
     */
    public static Kessai attach(Kessai kessai, Attachment file, PostHolder actor, Instant now) {
        if (kessai.status() == KessaiStatus.WITHDRAWN || kessai.status() == KessaiStatus.REJECTED) {
            throw closed(kessai);
        }
        if (!kessai.drafterNo().equals(actor.staffNo()) && !kessai.route().steps().stream()
                .anyMatch(s -> s.involves(actor.staffNo())) && !kessai.awaits(actor.staffNo())) {
            throw new WorkflowRefusal(Reason.NOT_PERMITTED, "添付できるのは起案者と回議先の職員です (only the drafter and approvers add files)");
        }
        int version = kessai.attachments().stream().filter(a -> a.name().equals(file.name()))
                .mapToInt(Attachment::version).max().orElse(0) + 1;
        KessaiChange next = new KessaiChange(kessai);
        next.attachments.add(new Attachment(file.id(), file.name(), file.mediaType(), file.size(), file.sha256(),
                file.pages(), version, actor.staffNo(), now, kessai.status() != KessaiStatus.DRAFT));
        next.history.add(new KessaiEvent(now, ActionKind.ATTACH, version > 1 ? "添付（第" + version + "版）" : "添付",
                kessai.round(), kessai.currentStep(), actor, null, file.name()));
        return next.build();
    }

    private static Kessai submit(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        requireDrafter(kessai, actor.staffNo());
        if (kessai.status().isClosed()) {
            throw closed(kessai);
        }
        if (!kessai.status().isEditable() || action.round() != kessai.round()) {
            throw moved(kessai);
        }
        KessaiChange next = new KessaiChange(kessai);
        next.round = kessai.round() + 1;
        next.status = KessaiStatus.IN_ROUTE;
        next.currentStep = kessai.returnedFrom() >= 0 && !action.fromStart() ? kessai.returnedFrom() : 0;
        next.consented.clear();
        next.returnedFrom = -1;
        next.lastMover = actor.staffNo();
        next.submittedAt = now;
        next.attachments.replaceAll(Attachment::asSubmitted);
        next.history.add(new KessaiEvent(now, ActionKind.SUBMIT, kessai.round() == 0 ? "提出" : "再提出", next.round, -1,
                actor, null, action.comment()));
        return next.build();
    }

    private static Kessai approve(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        PostHolder approver = requireTurn(kessai, action, actor);
        RouteStep step = kessai.route().steps().get(kessai.currentStep());
        boolean acting = !approver.staffNo().equals(actor.staffNo());
        if (kessai.decisionRestrictedFor(actor.staffNo())) {
            throw new WorkflowRefusal(Reason.ACTING_RESTRICTED, "「" + kessai.title() + "」は専決の制限（重要・異例な案件）に当たるため"
                    + "代決できません。" + approver.name() + "の帰庁を待ってください (a restricted matter cannot be decided by 代決)");
        }
        KessaiChange next = new KessaiChange(kessai);
        next.consented.add(approver.staffNo());
        if (acting) {
            next.postReviewPending.add(approver.staffNo());
        }
        boolean stepDone = step.kind() != StepKind.CONSULTATION || step.consent() == Consent.ANY_ONE
                || next.consented.containsAll(step.approvers().stream().map(PostHolder::staffNo).toList());
        next.history.add(new KessaiEvent(now, ActionKind.APPROVE, outcomeOfApproval(step.kind(), acting), kessai.round(),
                kessai.currentStep(), actor, acting ? approver : null, action.comment()));
        if (!stepDone) {
            return next.build();
        }
        if (step.kind().isDecision()) {
            next.offRoute(KessaiStatus.DECIDED);
            next.decidedAt = now;
            return next.build();
        }
        next.currentStep = kessai.currentStep() + 1;
        next.consented.clear();
        next.lastMover = actor.staffNo();
        next.standIns = List.of();
        return next.build();
    }

    private static String outcomeOfApproval(StepKind kind, boolean acting) {
        String done = switch (kind) {
            case REVIEW -> "承認";
            case CONSULTATION -> "合議済";
            case DELEGATED_DECISION -> "専決";
            case DECISION -> "決裁";
        };
        return acting ? "代決（" + done + "）" : done;
    }

    private static Kessai sendBack(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        PostHolder approver = requireTurn(kessai, action, actor);
        requireReason(action, "差戻し");
        int target = action.targetStep();
        if (target < -1 || target >= kessai.currentStep()) {
            throw new WorkflowRefusal(Reason.BAD_TARGET, "差戻し先は起案者かこれより前の段です (send back to the drafter or an earlier step,"
                    + " not step " + target + ")");
        }
        boolean acting = !approver.staffNo().equals(actor.staffNo());
        KessaiChange next = new KessaiChange(kessai);
        String to = target < 0 ? "起案者" : kessai.route().steps().get(target).approvers().stream().map(PostHolder::name)
                .collect(Collectors.joining("・"));
        next.history.add(new KessaiEvent(now, ActionKind.SEND_BACK, "差戻し（" + to + "へ）", kessai.round(),
                kessai.currentStep(), actor, acting ? approver : null, action.comment()));
        if (acting) {
            next.postReviewPending.add(approver.staffNo());
        }
        if (target < 0) {
            next.offRoute(KessaiStatus.RETURNED);
            next.returnedFrom = kessai.currentStep();
            return next.build();
        }
        next.currentStep = target;
        next.consented.clear();
        next.lastMover = null;
        next.standIns = List.of();
        return next.build();
    }

    private static Kessai pullBack(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        if (kessai.status().isClosed()) {
            throw closed(kessai);
        }
        if (kessai.status() != KessaiStatus.IN_ROUTE || action.round() != kessai.round()
                || action.stepIndex() != kessai.currentStep() || !sameVisit(kessai, action)) {
            throw moved(kessai);
        }
        if (!actor.staffNo().equals(kessai.lastMover())) {
            throw new WorkflowRefusal(Reason.NOT_PERMITTED, "引戻しできるのは直前に回した職員だけです (only whoever moved it on may pull it back)");
        }
        if (!kessai.consented().isEmpty()) {
            throw new WorkflowRefusal(Reason.STEP_MOVED, "次の段の職員が既に処理したため引戻しできません (the next step has acted already)");
        }
        KessaiChange next = new KessaiChange(kessai);
        next.history.add(new KessaiEvent(now, ActionKind.PULL_BACK, "引戻し", kessai.round(), kessai.currentStep(), actor,
                null, action.comment()));
        if (kessai.drafterNo().equals(actor.staffNo()) && lastApprovalOf(kessai, actor.staffNo()) == null) {
            next.offRoute(KessaiStatus.RETURNED);
            next.returnedFrom = kessai.currentStep();
            return next.build();
        }
        KessaiEvent approval = lastApprovalOf(kessai, actor.staffNo());
        PostHolder undone = approval.onBehalfOf() != null ? approval.onBehalfOf() : approval.actor();
        RouteStep previous = kessai.route().steps().get(kessai.currentStep() - 1);
        next.currentStep = kessai.currentStep() - 1;
        next.consented.clear();
        if (previous.kind() == StepKind.CONSULTATION && previous.consent() == Consent.ALL) {
            next.consented.addAll(previous.approvers().stream().map(PostHolder::staffNo)
                    .filter(no -> !no.equals(undone.staffNo())).toList());
        }
        if (approval.isActing()) {
            next.postReviewPending.remove(undone.staffNo());
        }
        next.lastMover = null;
        next.standIns = List.of();
        return next.build();
    }

    /** The approval by which the person moved the 案件 to its current step, or {@code null}. */
    private static KessaiEvent lastApprovalOf(Kessai kessai, String staffNo) {
        for (KessaiEvent event : kessai.history().reversed()) {
            if (event.action() == ActionKind.APPROVE || event.action() == ActionKind.SUBMIT
                    || event.action() == ActionKind.SEND_BACK || event.action() == ActionKind.PULL_BACK) {
                boolean moved = event.action() == ActionKind.APPROVE && event.actor().staffNo().equals(staffNo)
                        && event.round() == kessai.round() && event.stepIndex() == kessai.currentStep() - 1;
                return moved ? event : null;
            }
        }
        return null;
    }

    private static Kessai withdraw(Kessai kessai, PostHolder actor, Instant now) {
        requireDrafter(kessai, actor.staffNo());
        if (kessai.status().isClosed()) {
            throw closed(kessai);
        }
        KessaiChange next = new KessaiChange(kessai).offRoute(KessaiStatus.WITHDRAWN);
        next.decidedAt = kessai.round() == 0 ? null : now;
        next.history.add(new KessaiEvent(now, ActionKind.WITHDRAW, "取下げ", kessai.round(), kessai.currentStep(), actor,
                null, ""));
        return next.build();
    }

    private static Kessai reject(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        PostHolder approver = requireTurn(kessai, action, actor);
        if (!kessai.route().steps().get(kessai.currentStep()).kind().isDecision()) {
            throw new WorkflowRefusal(Reason.NOT_PERMITTED, "却下できるのは決裁権者です。回議の段では差戻しを使ってください"
                    + " (only the decider rejects; send it back instead)");
        }
        boolean acting = !approver.staffNo().equals(actor.staffNo());
        if (kessai.decisionRestrictedFor(actor.staffNo())) {
            throw new WorkflowRefusal(Reason.ACTING_RESTRICTED, "専決の制限に当たる案件は代決で却下できません (a restricted matter is not"
                    + " decided by 代決)");
        }
        requireReason(action, "却下");
        KessaiChange next = new KessaiChange(kessai).offRoute(KessaiStatus.REJECTED);
        next.decidedAt = now;
        if (acting) {
            next.postReviewPending.add(approver.staffNo());
        }
        next.history.add(new KessaiEvent(now, ActionKind.REJECT, acting ? "代決（却下）" : "却下", kessai.round(),
                kessai.currentStep(), actor, acting ? approver : null, action.comment()));
        return next.build();
    }

    private static Kessai comment(Kessai kessai, KessaiAction action, PostHolder actor, Instant now) {
        if (!kessai.involves(actor.staffNo())) {
            throw new WorkflowRefusal(Reason.NOT_PERMITTED, "コメントできるのは回議先・供覧先の職員です (only people on the route comment)");
        }
        requireReason(action, "コメント");
        KessaiChange next = new KessaiChange(kessai);
        next.history.add(new KessaiEvent(now, ActionKind.COMMENT, "コメント", kessai.round(), kessai.currentStep(), actor,
                null, action.comment()));
        return next.build();
    }

    private static Kessai postReview(Kessai kessai, PostHolder actor, Instant now) {
        if (!kessai.awaitsPostReview(actor.staffNo())) {
            throw new WorkflowRefusal(Reason.ALREADY_DONE, "後閲を待っている代決はありません (no 代決 awaits your 後閲)");
        }
        KessaiChange next = new KessaiChange(kessai);
        next.postReviewPending.remove(actor.staffNo());
        next.history.add(new KessaiEvent(now, ActionKind.POST_REVIEW, "後閲済", kessai.round(), -1, actor, null, ""));
        return next.build();
    }

    private static Kessai read(Kessai kessai, PostHolder actor, Instant now) {
        boolean reader = kessai.route().readers().stream().anyMatch(r -> r.staffNo().equals(actor.staffNo()));
        if (!reader || kessai.status() != KessaiStatus.DECIDED) {
            throw new WorkflowRefusal(Reason.NOT_PERMITTED, "供覧確認は決裁済の案件の供覧先が行います (供覧 readers confirm decided 案件)");
        }
        if (kessai.history().stream().anyMatch(e -> e.action() == ActionKind.READ && e.actor().staffNo().equals(actor.staffNo()))) {
            throw new WorkflowRefusal(Reason.ALREADY_DONE, "供覧確認は済んでいます (already confirmed)");
        }
        KessaiChange next = new KessaiChange(kessai);
        next.history.add(new KessaiEvent(now, ActionKind.READ, "供覧確認", kessai.round(), -1, actor, null, ""));
        return next.build();
    }

    /** The approver of the current step the actor answers for; refuses stale or foreign actions. */
    private static PostHolder requireTurn(Kessai kessai, KessaiAction action, PostHolder actor) {
        if (kessai.status().isClosed()) {
            throw closed(kessai);
        }
        if (kessai.status() != KessaiStatus.IN_ROUTE || action.round() != kessai.round()
                || action.stepIndex() != kessai.currentStep() || !sameVisit(kessai, action)) {
            throw moved(kessai);
        }
        return kessai.actingFor(actor.staffNo()).orElseThrow(() -> kessai.step().orElseThrow().involves(actor.staffNo())
                ? moved(kessai)
                : new WorkflowRefusal(Reason.NOT_PERMITTED, "「" + kessai.title() + "」は今" + actor.name()
                        + "の番ではありません (it is not this person's turn)"));
    }

    /** Whether the action answers this visit of the step (an action that names none is taken as current). */
    private static boolean sameVisit(Kessai kessai, KessaiAction action) {
        return action.visit() == null || action.visit() == kessai.visit();
    }

    private static void requireReason(KessaiAction action, String what) {
        if (action.comment().isBlank()) {
            throw new WorkflowRefusal(Reason.REASON_REQUIRED, what + "には理由の記入が必要です (a reason is required)");
        }
    }

    private static void requireDrafter(Kessai kessai, String staffNo) {
        if (!kessai.drafterNo().equals(staffNo)) {
            throw new WorkflowRefusal(Reason.NOT_DRAFTER, "起案者（" + kessai.route().drafter().name()
                    + "）だけができる操作です (only the drafter may do this)");
        }
    }

    private static WorkflowRefusal moved(Kessai kessai) {
        return new WorkflowRefusal(Reason.STEP_MOVED, "「" + kessai.title() + "」は既に他の職員が処理したか、状況が変わりました（現在: "
                + where(kessai) + "） (someone acted first; it is now: " + kessai.status() + ")");
    }

    private static WorkflowRefusal closed(Kessai kessai) {
        return new WorkflowRefusal(Reason.CLOSED, "「" + kessai.title() + "」は" + kessai.status().label()
                + "です (it is closed: " + kessai.status() + ")");
    }

    /** Where the 案件 is, in words: 回議中（財政係長 田中 直樹）, 差戻し中, 決裁済 … */
    public static String where(Kessai kessai) {
        return kessai.step().map(s -> kessai.status().label() + "（" + s.kind().label() + " " + s.approvers().stream()
                .filter(a -> !kessai.consented().contains(a.staffNo())).map(a -> a.position() + " " + a.name())
                .collect(Collectors.joining("、")) + "）").orElse(kessai.status().label());
    }
}
