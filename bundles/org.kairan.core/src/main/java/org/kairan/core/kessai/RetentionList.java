package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/kessai/retention}: decided 案件 past their 保存年限 as of a day, awaiting 廃棄,
 * 移管 or 継続.
 *
 * @param asOf  the day looked at
 * @param items oldest decision first
 */
public record RetentionList(LocalDate asOf, List<RetentionItem> items) {
    public RetentionList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** What becomes of a record past its 保存年限. */
    public enum Disposition {
        /** 廃棄. */
        DISPOSE,
        /** 移管 to the archives. */
        TRANSFER,
        /** 継続: kept longer, until a new day. */
        EXTEND
    }
}
