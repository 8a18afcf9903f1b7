package org.kairan.client.kessai;

/** The lists of the 決裁 inbox; a UI gives each its own words (the Japanese names are in brackets). */
public enum InboxFolder {
    /** 承認待ち: the user must act at the current step (as approver, or as 代決者); oldest waiting first. */
    AWAITING,
    /** 後閲: a 代決 was made for the user while away; oldest first. */
    POST_REVIEW,
    /** 差戻し: the user's 案件 sent or pulled back to them; oldest first. */
    RETURNED,
    /** 起案中: the user's drafts not yet submitted; newest first. */
    DRAFTS,
    /** 回議中: the user's 案件 on their route, each with where it is now; the longest waiting first. */
    IN_ROUTE,
    /** 供覧: decided 案件 the user is to read and has not confirmed; oldest first. */
    TO_READ,
    /** 決裁済: 案件 the user took part in that were closed (decided, rejected, withdrawn) recently; newest first. */
    CLOSED,
    /** 送信待ち: 案件 with actions of the user not yet accepted by the server, in the order of those actions. */
    SENDING;

    /** The folders that tell the user something arrived for them ({@link KessaiTopics#INBOX}). */
    public boolean announcesArrivals() {
        return this == AWAITING || this == POST_REVIEW || this == RETURNED;
    }
}
