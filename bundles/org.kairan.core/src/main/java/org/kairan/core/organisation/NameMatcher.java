package org.kairan.core.organisation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Matches what a person types against 氏名 and かな the way Japanese staff expect: 全角/半角 and
 * katakana/hiragana are the same, spaces (including the full-width space) do not matter, and
 * Latin letters ignore case. Client and server use this one definition so a search finds the same
 * people on both sides.
 */
public final class NameMatcher {

    private final String needle;

    public NameMatcher(String query) {
        this.needle = normalise(query);
    }

    /** True when the query is blank, so that an empty search box shows everybody. */
    public boolean isBlank() {
        return needle.isEmpty();
    }

    public boolean matches(StaffMember member) {
        return isBlank() || normalise(member.name()).contains(needle) || normalise(member.kana()).contains(needle)
                || member.staffNo().equals(needle);
    }

    /** NFKC, katakana folded to hiragana, white space removed, lower case. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == '\u3000') {
                return;
            }
            if (cp >= 0x30A1 && cp <= 0x30F6) {
                out.appendCodePoint(cp - 0x60);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
