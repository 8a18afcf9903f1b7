package org.kairan.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WarekiTest {

    @Test
    void formatsTodayInReiwa() {
        assertEquals("令和8年11月26日", Wareki.format(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void writesTheFirstYearOfAnEraAsGannen() {
        assertEquals("令和元年5月1日", Wareki.format(LocalDate.of(2019, 5, 1)), "first day of Reiwa is 元年");
        assertEquals("平成31年4月30日", Wareki.format(LocalDate.of(2019, 4, 30)), "last day of Heisei");
        assertEquals("平成元年1月8日", Wareki.format(LocalDate.of(1989, 1, 8)));
        assertEquals("昭和64年1月7日", Wareki.format(LocalDate.of(1989, 1, 7)));
    }

    @Test
    void fiscalYearRunsFromAprilToMarch() {
        assertEquals("令和8年度", Wareki.fiscalYear(LocalDate.of(2026, 4, 1)));
        assertEquals("令和8年度", Wareki.fiscalYear(LocalDate.of(2027, 3, 31)), "March belongs to the previous 年度");
        assertEquals("令和7年度", Wareki.fiscalYear(LocalDate.of(2026, 3, 31)));
        assertEquals("平成31年度", Wareki.fiscalYear(LocalDate.of(2019, 6, 1)), "FY2019 keeps the era of its first day");
    }
}
