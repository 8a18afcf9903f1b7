package org.kairan.core.kessai;

import java.util.Objects;

/**
 * A route that cannot be made or an edit that would break it (決裁できる者がいない, 同じ職員が二度,
 * 自課への合議, …). The message is Japanese with the English in brackets, ready to show; {@link #reason()}
 * lets a UI pick its own localised text.
 */
public class RouteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the route was refused. */
    public enum Reason {
        /** 決裁区分 not in the 事務決裁規程. */
        UNKNOWN_KIND,
        /** The drafter has no 本務 on the draft date. */
        NO_PRIMARY_POST,
        /** The deciding 役職 is not in the drafter's chain of command. */
        NOT_IN_CHAIN,
        /** The post is vacant (欠員) on the day. */
        VACANT_POST,
        /** The drafter holds the deciding post themself. */
        DRAFTER_DECIDES,
        /** 合議 asked of the drafter's own 課. */
        OWN_DIVISION,
        /** The same person twice on the route (or the drafter on it). */
        DUPLICATE_PERSON,
        /** The 決裁 step is missing, doubled or not last. */
        DECISION_NOT_LAST,
        /** An unknown 組織コード or 職員番号. */
        UNKNOWN_REFERENCE
    }

    private final Reason reason;

    public RouteException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
