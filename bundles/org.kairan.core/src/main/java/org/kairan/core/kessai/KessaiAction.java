package org.kairan.core.kessai;

/**
 * Payload of {@code kessai.act}: one person's action on a 案件. {@code round} and {@code stepIndex} say
 * which state the person saw, so that of two people answering the same step one wins and the other gets
 * a conflict instead of acting on something that moved on.
 *
 * @param kessaiId   the 案件
 * @param action     what to do
 * @param round      the round the person saw ({@link Kessai#round()})
 * @param stepIndex  the current step the person saw, {@code -1} when none
 * @param targetStep for 差戻し: the earlier step to return to, {@code -1} for the drafter
 * @param comment    理由 (mandatory for 差戻し and 却下) or コメント
 * @param fromStart  for a resubmission after 差戻し: start the route again instead of returning to the step
 *                   that sent it back
 * @param visit      the {@link Kessai#visit()} the person saw, so that an answer made before a 差戻し never
 *                   applies after the route came back to the same step; {@code null} when not given
 */
public record KessaiAction(String kessaiId, ActionKind action, int round, int stepIndex, int targetStep,
        String comment, boolean fromStart, Integer visit) {

    public static final int MAX_COMMENT = 2_000;

    public KessaiAction {
        comment = comment == null ? "" : comment.strip();
    }

    /** An action that names no visit (提出 and the drafter's own actions do not need one). */
    public KessaiAction(String kessaiId, ActionKind action, int round, int stepIndex, int targetStep, String comment,
            boolean fromStart) {
        this(kessaiId, action, round, stepIndex, targetStep, comment, fromStart, null);
    }

    /** An action on the step the person sees now, with no target and no comment. */
    public static KessaiAction on(Kessai kessai, ActionKind action, String comment) {
        return new KessaiAction(kessai.id(), action, kessai.round(), kessai.currentStep(), -1, comment, false,
                kessai.visit());
    }

    /** 差戻し to {@code targetStep} ({@code -1} = the drafter) with a reason. */
    public static KessaiAction sendBack(Kessai kessai, int targetStep, String reason) {
        return new KessaiAction(kessai.id(), ActionKind.SEND_BACK, kessai.round(), kessai.currentStep(), targetStep,
                reason, false, kessai.visit());
    }
}
