package org.kairan.approval.ui.internal.kessai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteStep;
import org.kairan.core.kessai.StandIn;
import org.kairan.core.kessai.StepKind;

/**
 * The route view of a 案件 as lines: the drafter, each person of each step with the action that stands for
 * them (the last 承認 at that step, by them or by their 代決者; a 差戻し there), the 供覧 readers with their
 * 確認 — and which line is waiting now.
 */
final class RouteRows {

    private RouteRows() {
    }

    /**
     * @param stepName  the UI's name of a step kind
     * @param drafted   the UI's name of the drafter's line (起案)
     * @param reading   the UI's name of a reader's line (供覧)
     * @param outcome   the UI's words for an event's result
     */
    static List<RouteRow> of(Kessai kessai, Function<StepKind, String> stepName, String drafted, String reading,
            Function<KessaiEvent, String> outcome) {
        List<RouteRow> rows = new ArrayList<>();
        Optional<KessaiEvent> submitted = kessai.history().reversed().stream()
                .filter(e -> e.action() == ActionKind.SUBMIT).findFirst();
        rows.add(new RouteRow(drafted, kessai.route().drafter(), null, submitted.map(outcome).orElse(""),
                submitted.map(KessaiEvent::at).orElse(null), submitted.map(KessaiEvent::comment).orElse(""), false, null));
        for (int i = 0; i < kessai.route().steps().size(); i++) {
            RouteStep step = kessai.route().steps().get(i);
            boolean currentStep = kessai.step().isPresent() && kessai.currentStep() == i;
            for (PostHolder approver : step.approvers()) {
                Optional<KessaiEvent> acted = standing(kessai, i, approver);
                boolean waiting = currentStep && !kessai.consented().contains(approver.staffNo());
                PostHolder standIn = kessai.standIns().stream().filter(s -> s.absentNo().equals(approver.staffNo()))
                        .map(StandIn::substitute).findFirst().orElse(null);
                rows.add(new RouteRow(stepName.apply(step.kind()), approver, acted.filter(KessaiEvent::isActing)
                        .map(KessaiEvent::actor).orElse(null), waiting ? "" : acted.map(outcome).orElse(""),
                        waiting ? null : acted.map(KessaiEvent::at).orElse(null),
                        waiting ? "" : acted.map(KessaiEvent::comment).orElse(""), waiting, waiting ? standIn : null));
            }
        }
        for (PostHolder reader : kessai.route().readers()) {
            Optional<KessaiEvent> read = kessai.history().stream().filter(e -> e.action() == ActionKind.READ
                    && e.actor().staffNo().equals(reader.staffNo())).findFirst();
            rows.add(new RouteRow(reading, reader, null, read.map(outcome).orElse(""), read.map(KessaiEvent::at)
                    .orElse(null), "", false, null));
        }
        return rows;
    }

    /**
     * What stands for the approver at the step in the current round: their (or their 代決者's) last 承認, or
     * a 差戻し they made there — whichever came last. Actions of earlier rounds stand when the step was not
     * passed again (a resubmission that returned to a later step).
     */
    private static Optional<KessaiEvent> standing(Kessai kessai, int step, PostHolder approver) {
        return kessai.history().reversed().stream()
                .filter(e -> e.stepIndex() == step
                        && (e.action() == ActionKind.APPROVE || e.action() == ActionKind.SEND_BACK
                                || e.action() == ActionKind.REJECT))
                .filter(e -> (e.isActing() ? e.onBehalfOf() : e.actor()).staffNo().equals(approver.staffNo()))
                .findFirst();
    }
}
