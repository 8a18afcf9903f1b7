package org.kairan.core.kessai;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of an {@link ApprovalRoute}. A 回議, 専決 or 決裁 step has exactly one person; a 合議 step
 * has one or more, all of whom consent (or any one, see {@link Consent}). A flat record, so that it
 * serialises by its components without type information.
 *
 * @param kind      回議, 合議, 専決 or 決裁
 * @param approvers who acts at this step, in display order
 * @param consent   for 合議 how many must consent; {@link Consent#ALL} for every other kind
 */
public record RouteStep(StepKind kind, List<PostHolder> approvers, Consent consent) {

    public RouteStep {
        Objects.requireNonNull(kind, "kind");
        approvers = List.copyOf(approvers);
        consent = consent == null ? Consent.ALL : consent;
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException(kind.label() + "に職員がいません (a " + kind + " step needs a person)");
        }
        if (kind != StepKind.CONSULTATION && (approvers.size() != 1 || consent != Consent.ALL)) {
            throw new IllegalArgumentException(kind.label() + "は一人です (a " + kind + " step has exactly one person)");
        }
        Set<String> seen = new HashSet<>();
        for (PostHolder approver : approvers) {
            if (!seen.add(approver.staffNo())) {
                throw new RouteException(RouteException.Reason.DUPLICATE_PERSON,
                        approver.label() + "が" + kind.label() + "に重複しています (the same person twice in one step)");
            }
        }
    }

    /** 回議 by one approver. */
    public static RouteStep review(PostHolder approver) {
        return new RouteStep(StepKind.REVIEW, List.of(approver), Consent.ALL);
    }

    /** 合議 of a group from other 課. */
    public static RouteStep consultation(List<PostHolder> members, Consent consent) {
        return new RouteStep(StepKind.CONSULTATION, members, consent);
    }

    /** 決裁, or 専決 when {@code delegated}. */
    public static RouteStep decision(PostHolder decider, boolean delegated) {
        return new RouteStep(delegated ? StepKind.DELEGATED_DECISION : StepKind.DECISION, List.of(decider), Consent.ALL);
    }

    /** The single approver of a 回議, 専決 or 決裁 step; the first member of a 合議. */
    public PostHolder approver() {
        return approvers.getFirst();
    }

    public boolean involves(String staffNo) {
        return approvers.stream().anyMatch(a -> a.staffNo().equals(staffNo));
    }
}
