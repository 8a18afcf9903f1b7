package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 不在: a person away (出張, 休暇 …) from one day to another, inclusive. While away, a 代決者 acts for them
 * on 決裁 steps and they 後閲 afterwards.
 *
 * @param id        UUID chosen by the client that set it
 * @param staffNo   who is away
 * @param from      first day away
 * @param to        last day away
 * @param reason    e.g. 出張, 年次休暇 (may be empty)
 * @param setBy     職員番号 of who set it: the person or an administrator
 * @param cancelled whether it was called off
 */
public record Absence(String id, String staffNo, LocalDate from, LocalDate to, String reason, String setBy,
        boolean cancelled) {

    public Absence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        reason = reason == null ? "" : reason;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("不在の終了日 " + to + " が開始日 " + from + " より前です (the last day is before the first)");
        }
    }

    /** Whether the person is away on the day. */
    public boolean covers(LocalDate day) {
        return !cancelled && !day.isBefore(from) && !day.isAfter(to);
    }
}
