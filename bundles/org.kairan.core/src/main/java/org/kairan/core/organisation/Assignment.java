package org.kairan.core.organisation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's post in a unit, effective from a date (発令日) until the day before the next 人事異動
 * that replaces it.
 *
 * @param staffNo        職員番号
 * @param unitCode       組織コード of the unit
 * @param position       役職, e.g. 課長
 * @param effectiveFrom  発令日 (inclusive)
 * @param effectiveUntil last day of the post (inclusive), {@code null} while it lasts
 * @param kind           本務 or 兼務
 */
public record Assignment(String staffNo, String unitCode, String position, LocalDate effectiveFrom,
        LocalDate effectiveUntil, AssignmentKind kind) {

    public Assignment {
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(kind, "kind");
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveUntil " + effectiveUntil + " is before " + effectiveFrom);
        }
    }

    /** Whether the post is held on the given day. */
    public boolean isEffectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }
}
