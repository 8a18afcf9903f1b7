package org.kairan.core.circular;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A 回覧 as the feed carries it.
 *
 * @param id               UUID chosen by the author's client when it was written (so it can be acted on
 *                         before the server has it)
 * @param unitCode         the addressed unit: its members and those of the units below it see it
 * @param title            件名
 * @param body             本文
 * @param authorNo         起票者 職員番号
 * @param authorName       起票者 氏名 when posted
 * @param authorUnitName   起票者 所属 when posted
 * @param postedAt         when the server accepted it
 * @param withdrawnAt      when the author withdrew it (取下げ), {@code null} otherwise
 * @param acknowledgements who has 確認 it, in order
 */
public record Circular(String id, String unitCode, String title, String body, String authorNo,
        String authorName, String authorUnitName, Instant postedAt, Instant withdrawnAt,
        List<Acknowledgement> acknowledgements) {

    public Circular {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Whether the given person has 確認 it. */
    public boolean acknowledgedBy(String staffNo) {
        return acknowledgements.stream().anyMatch(a -> a.staffNo().equals(staffNo));
    }
}
