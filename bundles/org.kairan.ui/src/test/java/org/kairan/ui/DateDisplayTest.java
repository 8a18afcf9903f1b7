package org.kairan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateDisplayTest {

    @Test
    void japaneseScreensShowWarekiWithTheDayOfTheWeek() {
        DateDisplay display = new DateDisplay(Locale.JAPAN);
        assertTrue(display.usesWareki(), "Japanese uses 和暦");
        assertEquals("令和8年11月26日（木）", display.withWeekday(LocalDate.of(2026, 11, 26)),
                "as Japanese offices write a date");
        assertEquals("令和元年5月1日", display.date(LocalDate.of(2019, 5, 1)), "the first year of an era is 元年");
    }

    @Test
    void englishScreensShowTheGregorianDate() {
        DateDisplay display = new DateDisplay(Locale.ENGLISH);
        assertFalse(display.usesWareki(), "English does not use 和暦");
        assertEquals("Thu, Nov 26, 2026", display.withWeekday(LocalDate.of(2026, 11, 26)),
                "the locale's medium date with a short weekday");
    }

    @Test
    void aMomentTodayIsJustTheTimeAndAnotherDayCarriesItsDate() {
        DateDisplay display = new DateDisplay(Locale.JAPAN);
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        java.time.Instant morning = java.time.Instant.parse("2026-11-26T00:05:00Z"); // 9:05 in Tokyo
        assertEquals("9:05", display.moment(morning, tokyo, LocalDate.of(2026, 11, 26)),
                "the last sync of today shows only its time");
        assertEquals("令和8年11月26日 9:05", display.moment(morning, tokyo, LocalDate.of(2026, 11, 27)),
                "one of another day shows its date in 和暦 too");
        assertEquals("Nov 26, 2026 9:05", new DateDisplay(Locale.ENGLISH).moment(morning, tokyo,
                LocalDate.of(2026, 11, 27)), "in English the Gregorian date");
    }
}
