package org.kairan.core.kessai;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;
import java.util.Objects;

import org.kairan.core.time.Wareki;

/**
 * A 文書番号: the {@code serial}-th number of a 課 in a 年度 (伊情第123号 is number 123 of 情報政策課).
 * Numbers restart each 年度, so a number is only unique with its 年度. Allocation is the server's;
 * {@link DocumentNumberFormat} writes and reads the text.
 *
 * @param divisionCode       組織コード of the 課 that counts the numbers
 * @param unitAbbreviation   the 課's 略称 as printed (情)
 * @param fiscalYear         年度 as the calendar year of its first day (2026 for 令和8年度)
 * @param serial             番号, from 1
 */
public record DocumentNumber(String divisionCode, String unitAbbreviation, int fiscalYear, int serial) {

    public DocumentNumber {
        Objects.requireNonNull(divisionCode, "divisionCode");
        Objects.requireNonNull(unitAbbreviation, "unitAbbreviation");
        if (serial < 1) {
            throw new IllegalArgumentException("番号は1からです (serial starts at 1): " + serial);
        }
    }

    /** The 年度 a day falls in: 2026 for 2026-11-26 and for 2027-03-31, 2025 for 2026-03-31. */
    public static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** e.g. 令和8年度. */
    public String fiscalYearLabel() {
        return Wareki.fiscalYear(LocalDate.of(fiscalYear, 4, 1));
    }

    /** The year of era of the 年度 (8 for 令和8年度, 1 for 令和元年度). */
    public static int eraYearOf(int fiscalYear) {
        return JapaneseDate.from(LocalDate.of(fiscalYear, 4, 1)).get(ChronoField.YEAR_OF_ERA);
    }
}
