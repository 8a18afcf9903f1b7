package org.kairan.core.kessai;

/** What a person does to a 決裁 案件; each one done is a {@link KessaiEvent} in its history. */
public enum ActionKind {
    /** 提出: the drafter submits (or resubmits after 差戻し/引戻し). */
    SUBMIT("提出"),
    /** 承認: 回議 approval, 合議 consent, or the decision itself at the last step. */
    APPROVE("承認"),
    /** 差戻し: back to a chosen earlier step or the drafter, with a reason. */
    SEND_BACK("差戻し"),
    /** 引戻し: whoever moved the 案件 on takes it back before the next step has acted. */
    PULL_BACK("引戻し"),
    /** 取下げ: the drafter withdraws it for good. */
    WITHDRAW("取下げ"),
    /** 却下: the decider refuses it for good, with a reason. */
    REJECT("却下"),
    /** コメント at any step, by anyone on the route. */
    COMMENT("コメント"),
    /** 後閲: the absent approver has reviewed what was decided for them by 代決. */
    POST_REVIEW("後閲"),
    /** 供覧 確認: a reader has read the decided 案件. */
    READ("供覧確認"),
    /** 添付: a file was added (never removed or replaced after submission). */
    ATTACH("添付");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the action answers the current step, so that two people acting on it at once conflict. */
    public boolean actsOnStep() {
        return this == APPROVE || this == SEND_BACK || this == REJECT || this == PULL_BACK;
    }
}
