package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A 文書分類 and its 保存年限. The period counts from the 1 April after the 年度 of the decision (the usual
 * 起算日 of 公文書管理規程): a 5年 record decided in 令和8年度 is kept until 31 March of 令和14年.
 *
 * @param name           文書分類, e.g. 契約・財務
 * @param retentionYears 1, 3, 5, 10 or 30; {@link #PERMANENT} for 永年
 */
public record DocumentClass(String name, int retentionYears) {

    /** 永年: kept for good. */
    public static final int PERMANENT = 0;

    public DocumentClass {
        Objects.requireNonNull(name, "name");
        if (retentionYears != PERMANENT && retentionYears != 1 && retentionYears != 3 && retentionYears != 5
                && retentionYears != 10 && retentionYears != 30) {
            throw new IllegalArgumentException("保存年限は1・3・5・10・30年または永年です: " + name + " " + retentionYears
                    + " (retention is 1, 3, 5, 10, 30 years or permanent)");
        }
    }

    /** 5年, 永年. */
    public String retentionLabel() {
        return retentionYears == PERMANENT ? "永年" : retentionYears + "年";
    }

    /** The last day a record decided on {@code decided} must be kept, or {@code null} for 永年. */
    public LocalDate keptUntil(LocalDate decided) {
        if (retentionYears == PERMANENT) {
            return null;
        }
        int fiscalYear = DocumentNumber.fiscalYearOf(decided);
        return LocalDate.of(fiscalYear + 1 + retentionYears, 3, 31);
    }
}
