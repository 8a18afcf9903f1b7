package org.kairan.core.kessai;

import java.util.Objects;

/**
 * One row of the 事務決裁規程: matters of a 決裁区分 up to a ceiling are decided by a 役職.
 *
 * @param kind       決裁区分, e.g. 物品購入, 契約, 一般
 * @param ceilingYen the highest amount in yen (inclusive) this row covers; {@code null} for 上限なし
 * @param position   the deciding 役職, e.g. 課長
 */
public record DecisionRule(String kind, Long ceilingYen, String position) {

    public DecisionRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        if (kind.isBlank() || position.isBlank()) {
            throw new IllegalArgumentException("決裁区分と役職は空にできません (kind and position must not be blank)");
        }
        if (ceilingYen != null && ceilingYen < 0) {
            throw new IllegalArgumentException("上限は0円以上です (ceiling must not be negative): " + ceilingYen);
        }
    }

    public boolean hasCeiling() {
        return ceilingYen != null;
    }

    public boolean covers(long amountYen) {
        return ceilingYen == null || amountYen <= ceilingYen;
    }
}
