package org.kairan.app.circular;

/** Where a 回覧 stands for the person looking at it, counting their own actions not yet sent. */
public enum CircularState {
    /** Not yet 確認 by this person. */
    UNREAD,
    /** 確認 on this desktop; the server has not confirmed it yet. */
    ACKNOWLEDGE_PENDING,
    /** 確認 by this person. */
    ACKNOWLEDGED,
    /** Written by this person. */
    OWN,
    /** Written on this desktop; not yet accepted by the server. */
    POST_PENDING,
    /** 取下げ on this desktop; the server has not confirmed it yet. */
    WITHDRAW_PENDING,
    /** Withdrawn by its author. */
    WITHDRAWN;

    /** Whether this person can still 確認 it. */
    public boolean canAcknowledge() {
        return this == UNREAD;
    }
}
