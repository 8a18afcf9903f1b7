package org.kairan.core.kessai;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a 案件's history, as the route view and the 決裁簿 show it: 日時, who (所属・役職・氏名 as
 * they were then), for whom (代決), what and the result.
 *
 * @param at         when the server applied it
 * @param action     what was done
 * @param outcome    the result in words, e.g. 承認, 合議済, 専決, 決裁, 代決, 差戻し（起案者へ）
 * @param round      the submission round (1 = first submission)
 * @param stepIndex  the route step it concerned, {@code -1} for the drafter's own actions
 * @param actor      who acted
 * @param onBehalfOf the absent approver when {@code actor} acted as 代決者, otherwise {@code null}
 * @param comment    理由 or コメント, or the file name for {@link ActionKind#ATTACH}; may be empty
 */
public record KessaiEvent(Instant at, ActionKind action, String outcome, int round, int stepIndex, PostHolder actor,
        PostHolder onBehalfOf, String comment) {

    public KessaiEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        outcome = outcome == null ? action.label() : outcome;
        comment = comment == null ? "" : comment;
    }

    /** Whether this was done by a 代決者 for an absent approver. */
    public boolean isActing() {
        return onBehalfOf != null;
    }
}
