package org.kairan.server.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;

import org.kairan.core.time.Wareki;

/**
 * What a データ印 (dated seal) shows in its three bands: on top the 役職 (or the 課 when there is none),
 * in the middle the date in short 和暦 (令8.11.26), at the bottom the 氏名.
 *
 * @param top    役職 or 課
 * @param date   e.g. 令8.11.26
 * @param name   the full 氏名 without spaces, e.g. 山田一郎
 * @param family the family name, printed instead when the full name would be too small
 */
record SealFace(String top, String date, String name, String family) {

    static SealFace of(SealEntry entry, ZoneId zone) {
        PersonOnRecord person = entry.approver();
        String top = person.position().isBlank() ? person.unitName() : person.position();
        return new SealFace(top, shortDate(entry.at().atZone(zone).toLocalDate()),
                person.name().replace(" ", "").replace("\u3000", ""), person.familyName());
    }

    /** 和暦 short form as on a データ印: the era's first character, then year.month.day (令8.11.26). */
    static String shortDate(LocalDate date) {
        String era = Wareki.year(date).substring(0, 1);
        int yearOfEra = JapaneseDate.from(date).get(ChronoField.YEAR_OF_ERA);
        return era + yearOfEra + "." + date.getMonthValue() + "." + date.getDayOfMonth();
    }
}
