package org.kairan.client.kessai;

/** Event topics of the 決裁 service (payload under {@link org.kairan.client.ClientTopics#DATA}). */
public interface KessaiTopics {

    /**
     * Something arrived in 承認待ち, 後閲 or 差戻し, or their counts changed; payload an {@link InboxNotice}.
     * Posted after the replica changed and after the user's own actions (once for a burst of them); the
     * first look at a user's replica posts the counts only, and the user's own actions never count as arrivals.
     */
    String INBOX = "kairan/kessai/inbox";
}
