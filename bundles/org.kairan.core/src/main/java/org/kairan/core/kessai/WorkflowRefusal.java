package org.kairan.core.kessai;

import java.util.Objects;

/**
 * An action the workflow does not allow in the 案件's state, with the reason in Japanese (English in
 * brackets) ready to show.
 */
public class WorkflowRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Someone else answered the step first, or the 案件 moved on since the person looked. */
        STEP_MOVED(false),
        /** Decided, rejected or withdrawn: the route is over. */
        CLOSED(false),
        /** The person has no part in this action (not their step, not on the route). */
        NOT_PERMITTED(false),
        /** Only the drafter may do this. */
        NOT_DRAFTER(false),
        /** 専決の制限: a restricted matter cannot be decided by 代決. */
        ACTING_RESTRICTED(false),
        /** Only while 起案中 or 差戻し中. */
        NOT_EDITABLE(false),
        /** Done already (e.g. a second 供覧確認). */
        ALREADY_DONE(false),
        /** A 理由 is mandatory (差戻し, 却下) or the comment is empty or too long. */
        REASON_REQUIRED(true),
        /** The 差戻し target is not an earlier step. */
        BAD_TARGET(true);

        private final boolean invalidRequest;

        Reason(boolean invalidRequest) {
            this.invalidRequest = invalidRequest;
        }

        /** Whether the request itself is wrong (rejected) rather than overtaken by events (conflict). */
        public boolean isInvalidRequest() {
            return invalidRequest;
        }
    }

    private final Reason reason;

    public WorkflowRefusal(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
