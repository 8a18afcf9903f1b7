package org.kairan.search.internal;

import java.text.Normalizer;

/** かな as typed into the search box: hiragana and katakana are one reading. */
final class Kana {

    private Kana() {
    }

    /** Whether the text is only かな (and the long-vowel mark), after NFKC: a reading, not a word. */
    static boolean isReading(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (folded.isEmpty()) {
            return false;
        }
        return folded.codePoints().allMatch(cp -> (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)
                || cp == 0x30FC);
    }

    /** The text in katakana (NFKC first, so 半角カナ too), as kuromoji gives readings. */
    static String katakana(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        return out.toString();
    }
}
