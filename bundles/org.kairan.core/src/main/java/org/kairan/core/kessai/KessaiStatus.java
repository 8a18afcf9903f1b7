package org.kairan.core.kessai;

/** Where a 決裁 案件 stands. */
public enum KessaiStatus {
    /** 起案中: saved by the drafter, not yet submitted; only the drafter sees it. */
    DRAFT("起案中", false),
    /** 回議中: on its route, waiting for the current step. */
    IN_ROUTE("回議中", false),
    /** 差戻し中: sent back to the drafter (差戻し) or pulled back by them (引戻し); editable again. */
    RETURNED("差戻し中", false),
    /** 決裁済: decided (決裁 or 専決). */
    DECIDED("決裁済", true),
    /** 却下: refused by the decider; final. */
    REJECTED("却下", true),
    /** 取下げ: withdrawn by the drafter; final. */
    WITHDRAWN("取下げ", true);

    private final String label;
    private final boolean closed;

    KessaiStatus(String label, boolean closed) {
        this.label = label;
        this.closed = closed;
    }

    public String label() {
        return label;
    }

    /** Whether nothing on the route can change any more (comments, 後閲 and attachments still can). */
    public boolean isClosed() {
        return closed;
    }

    /** Whether the drafter may edit content and route (起案中, 差戻し中). */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
