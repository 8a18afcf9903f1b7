package org.kairan.client.sync;

/** The life of a queued action. */
public enum ActionState {
    /** On disk, not yet sent. */
    QUEUED,
    /** Sent, no answer yet (sent again on the next sync: the server applies it once). */
    SENT,
    /** The server applied it. */
    APPLIED,
    /** The server could not apply it any more; the user is told why. */
    CONFLICT,
    /** The server refused it as malformed. */
    REJECTED;

    /** Whether the server has answered for good. */
    public boolean isSettled() {
        return this == APPLIED || this == CONFLICT || this == REJECTED;
    }
}
