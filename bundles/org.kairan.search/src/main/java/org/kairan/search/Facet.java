package org.kairan.search;

/** What hits can be counted and narrowed by. */
public enum Facet {
    /** 種別: {@link SearchKind} names. */
    KIND,
    /** 課. */
    UNIT,
    /** 年度, e.g. {@code 2026} (April 2026 to March 2027). */
    FISCAL_YEAR,
    /** 文書分類. */
    CLASSIFICATION,
    /** 決裁状態 and the like. */
    STATE
}
