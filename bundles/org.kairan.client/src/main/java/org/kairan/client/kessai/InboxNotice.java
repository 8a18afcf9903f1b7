package org.kairan.client.kessai;

import java.util.List;
import java.util.Objects;

/**
 * Payload of {@link KessaiTopics#INBOX}: the counts of the folders that ask something of the user, and what
 * arrived in them since the last notice, for a notification (「承認待ちが1件届きました: 庁舎用プリンタ購入について」).
 *
 * @param awaiting   承認待ち
 * @param postReview 後閲
 * @param returned   差戻し
 * @param arrived    what newly arrived in those folders, in folder order; empty when only the counts changed
 */
public record InboxNotice(int awaiting, int postReview, int returned, List<Arrival> arrived) {

    /** One 案件 that arrived in a folder. */
    public record Arrival(InboxFolder folder, String kessaiId, String title) {
        public Arrival {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(kessaiId, "kessaiId");
            Objects.requireNonNull(title, "title");
        }
    }

    public InboxNotice {
        arrived = List.copyOf(arrived);
    }

    /** The titles of what arrived, for the notification's text. */
    public List<String> titles() {
        return arrived.stream().map(Arrival::title).toList();
    }
}
