package org.kairan.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import org.kairan.core.time.Wareki;

/**
 * Dates for the screen: 和暦 with the day of the week for Japanese (令和8年11月26日（木）), the locale's
 * medium form otherwise (Nov 26, 2026). Data stays ISO; only display goes through here.
 */
public final class DateDisplay {

    private final Locale locale;

    public DateDisplay(Locale locale) {
        this.locale = locale;
    }

    /** Whether dates are shown in 和暦. */
    public boolean usesWareki() {
        return "ja".equals(locale.getLanguage());
    }

    /** 令和8年11月26日（木） or Nov 26, 2026. */
    public String withWeekday(LocalDate date) {
        if (usesWareki()) {
            return Wareki.format(date) + "（" + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
        }
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + ", "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** 令和8年11月26日 or Nov 26, 2026. */
    public String date(LocalDate date) {
        return usesWareki() ? Wareki.format(date)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }
}
