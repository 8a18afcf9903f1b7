package org.kairan.core.time;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * 和暦 (Japanese era) dates as Japanese offices write them: 令和8年11月26日, 令和元年5月1日.
 * Data stays ISO; this is for display and printed records.
 */
public final class Wareki {

    private Wareki() {
    }

    /** e.g. 令和8年11月26日; the first year of an era is written 元年. */
    public static String format(LocalDate date) {
        return year(date) + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** e.g. 令和8年. */
    public static String year(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        int yearOfEra = japanese.get(ChronoField.YEAR_OF_ERA);
        return eraName(japanese.getEra()) + (yearOfEra == 1 ? "元" : Integer.toString(yearOfEra)) + "年";
    }

    /**
     * The 年度 (fiscal year, April to March) a date falls in, e.g. 令和8年度 for 2027-03-31.
     * 年度 spanning an era change take the era of their first day, as offices do (平成31年度).
     */
    public static String fiscalYear(LocalDate date) {
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return year(LocalDate.of(startYear, 4, 1)) + "度";
    }

    private static String eraName(JapaneseEra era) {
        return switch (era.getValue()) {
            case -1 -> "明治";
            case 0 -> "大正";
            case 1 -> "昭和";
            case 2 -> "平成";
            case 3 -> "令和";
            default -> era.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.JAPAN);
        };
    }
}
