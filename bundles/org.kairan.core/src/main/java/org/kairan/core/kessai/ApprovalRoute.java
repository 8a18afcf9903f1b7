package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The route of a 起案: the drafter (起案者), then 回議 and 合議 steps in order, ending with exactly one
 * 決裁 step (専決 when delegated below the head of the body: the route ends there), plus the 供覧
 * readers who are informed and decide nothing. Immutable; every edit returns a new route, checked again:
 * nobody appears twice (the drafter included) and the decision stays last.
 *
 * @param drafter 起案者 as of {@code asOf}
 * @param asOf    the day the posts were resolved to people (the draft date)
 * @param steps   回議・合議 steps and, last, the 決裁 or 専決
 * @param readers 供覧 readers, in order
 */
public record ApprovalRoute(PostHolder drafter, LocalDate asOf, List<RouteStep> steps, List<PostHolder> readers) {

    public ApprovalRoute {
        Objects.requireNonNull(drafter, "drafter");
        Objects.requireNonNull(asOf, "asOf");
        steps = List.copyOf(steps);
        readers = readers == null ? List.of() : List.copyOf(readers);
        long decisions = steps.stream().filter(s -> s.kind().isDecision()).count();
        if (decisions != 1 || !steps.getLast().kind().isDecision()) {
            throw new RouteException(RouteException.Reason.DECISION_NOT_LAST,
                    "決裁は回議の最後に一つだけです (the route must end with exactly one 決裁 step)");
        }
        Set<String> seen = new HashSet<>();
        seen.add(drafter.staffNo());
        for (RouteStep step : steps) {
            for (PostHolder person : step.approvers()) {
                requireNew(seen, person);
            }
        }
        for (PostHolder reader : readers) {
            requireNew(seen, reader);
        }
    }

    private static void requireNew(Set<String> seen, PostHolder person) {
        if (!seen.add(person.staffNo())) {
            throw new RouteException(RouteException.Reason.DUPLICATE_PERSON,
                    person.label() + "は既に回議先・供覧先または起案者です (this person is already on the route)");
        }
    }

    /** The 決裁 or 専決 step that ends the route. */
    public RouteStep decision() {
        return steps.getLast();
    }

    /** Whether the route ends in 専決. */
    public boolean isDelegated() {
        return decision().kind() == StepKind.DELEGATED_DECISION;
    }

    /** Whether the person is the drafter, an approver at some step or a 供覧 reader. */
    public boolean involves(String staffNo) {
        return drafter.staffNo().equals(staffNo) || steps.stream().anyMatch(s -> s.involves(staffNo))
                || readers.stream().anyMatch(r -> r.staffNo().equals(staffNo));
    }

    /** A new route with the step inserted at {@code index} (0 = first after the drafter). */
    public ApprovalRoute withStepAt(int index, RouteStep step) {
        if (index < 0 || index >= steps.size()) {
            throw new RouteException(RouteException.Reason.DECISION_NOT_LAST, "追加できるのは決裁より前です (steps go before the 決裁; index "
                    + index + " of " + steps.size() + ")");
        }
        List<RouteStep> copy = new ArrayList<>(steps);
        copy.add(index, step);
        return new ApprovalRoute(drafter, asOf, copy, readers);
    }

    /** A new route without the step at {@code index}; the 決裁 cannot be removed. */
    public ApprovalRoute withoutStep(int index) {
        Objects.checkIndex(index, steps.size());
        if (steps.get(index).kind().isDecision()) {
            throw new RouteException(RouteException.Reason.DECISION_NOT_LAST,
                    "決裁の段は削除できません (the 決裁 step cannot be removed)");
        }
        List<RouteStep> copy = new ArrayList<>(steps);
        copy.remove(index);
        return new ApprovalRoute(drafter, asOf, copy, readers);
    }

    /** A new route with the 供覧 reader added at the end. */
    public ApprovalRoute withReader(PostHolder reader) {
        List<PostHolder> copy = new ArrayList<>(readers);
        copy.add(reader);
        return new ApprovalRoute(drafter, asOf, steps, copy);
    }

    /** A new route without the 供覧 reader. */
    public ApprovalRoute withoutReader(String staffNo) {
        return new ApprovalRoute(drafter, asOf, steps,
                readers.stream().filter(r -> !r.staffNo().equals(staffNo)).toList());
    }
}
