package org.kairan.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

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

    /**
     * A moment as the office reads it: only the time (16:05) when it is today, otherwise the date and the
     * time (令和8年11月25日 16:05 or Nov 25, 2026 16:05).
     */
    public String moment(Instant at, ZoneId zone, LocalDate today) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        String time = TIME.format(local);
        return local.toLocalDate().equals(today) ? time : date(local.toLocalDate()) + " " + time;
    }
}
