package org.kairan.core.kessai;

/** What a step of an {@link ApprovalRoute} asks of its people. */
public enum StepKind {
    /** 回議: one approver in the line, in order. */
    REVIEW("回議"),
    /** 合議: a parallel group from other 課 whose consent is needed. */
    CONSULTATION("合議"),
    /** 専決: the final decision, taken under delegation by the 事務決裁規程 below the head of the body. */
    DELEGATED_DECISION("専決"),
    /** 決裁: the final decision by the head of the body (市長). */
    DECISION("決裁");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is the 決裁 (専決 included) that ends the route. */
    public boolean isDecision() {
        return this == DELEGATED_DECISION || this == DECISION;
    }
}
