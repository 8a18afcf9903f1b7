package org.kairan.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kairan.core.organisation.StaffMember;

/**
 * The directory's readings of the staff whose names a text mentions, so that a name typed in かな finds a document
 * however unusual its reading (東海林 read しょうじ, 髙橋 for which the dictionary has no reading). A full name —
 * family and given name, with or without a space between — adds the family, given and full readings; a family
 * name alone of two characters or more adds the family readings the directory knows for it (one character alone,
 * such as 林 or 森, is too often part of another word).
 */
final class NameReadings {

    private record Person(String given, String familyKana, String givenKana) {
    }

    /** Nobody: no readings. */
    static final NameReadings NONE = new NameReadings(List.of());

    private final Map<String, List<Person>> byFamily = new HashMap<>();
    private final int longestFamily;
    private final String version;

    NameReadings(Collection<StaffMember> staff) {
        int longest = 0;
        for (StaffMember member : staff) {
            String[] name = member.name().strip().split("[\\s\u3000]+");
            String[] kana = member.kana().strip().split("[\\s\u3000]+");
            if (name.length != 2 || kana.length != 2 || kana[0].isEmpty()) {
                continue; // a name the directory does not split into family and given cannot be matched safely
            }
            byFamily.computeIfAbsent(name[0], f -> new ArrayList<>()).add(new Person(name[1], kana[0], kana[1]));
            longest = Math.max(longest, name[0].length());
        }
        longestFamily = longest;
        version = Integer.toHexString(byFamily.hashCode());
    }

    /** Changes whenever a name or reading it knows changes: part of the stamp of what it gave readings to. */
    String version() {
        return version;
    }

    /** The item with the readings of the names in its title and text. */
    IndexedItem complete(IndexedItem item) {
        List<String> texts = new ArrayList<>(item.texts());
        texts.add(item.title());
        return item.withPersonReadings(in(texts));
    }

    /** The readings of the names in the texts, each once. */
    List<String> in(Collection<String> texts) {
        Set<String> readings = new LinkedHashSet<>();
        for (String text : texts) {
            collect(text, readings);
        }
        return List.copyOf(readings);
    }

    private void collect(String text, Set<String> readings) {
        for (int at = 0; at < text.length(); at++) {
            for (int length = Math.min(longestFamily, text.length() - at); length >= 1; length--) {
                List<Person> family = byFamily.get(text.substring(at, at + length));
                if (family == null) {
                    continue;
                }
                int given = skipSpaces(text, at + length);
                boolean full = false;
                for (Person person : family) {
                    if (text.startsWith(person.given(), given)) {
                        readings.add(person.familyKana());
                        readings.add(person.givenKana());
                        readings.add(person.familyKana() + person.givenKana());
                        full = true;
                    }
                }
                if (!full && length >= 2) {
                    family.forEach(person -> readings.add(person.familyKana()));
                }
                if (full || length >= 2) {
                    at += length - 1;
                    break;
                }
            }
        }
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\u3000')) {
            at++;
        }
        return at;
    }
}
