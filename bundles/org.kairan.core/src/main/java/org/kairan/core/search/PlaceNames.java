package org.kairan.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The city's own readings of its place names (町字: 上里 read かみさと where the dictionary says うえさと), as the
 * server has them configured and the feed carries them to every desktop, so that a name typed in かな finds the
 * place written in 漢字.
 * <p>
 * The record holds the list as text, one {@code 表記,よみ} a line in the order given ({@link #parse} makes it and
 * checks it; {@link #names()} reads it), because a city's few thousand 町字 then fit one feed record.
 *
 * @param entries the names, one {@code 表記,よみ} a line; empty for a city without a list
 */
public record PlaceNames(String entries) {

    /** The single id of the record in the feed. */
    public static final String FEED_ID = "current";
    /** The most names a list may have. */
    public static final int MAX_NAMES = 20_000;
    /** The longest 表記 and the longest よみ, in characters (a list at the limits still fits one feed record). */
    public static final int MAX_WRITTEN = 16;
    public static final int MAX_READING = 24;

    /** No list: the dictionary's readings alone. */
    public static final PlaceNames NONE = new PlaceNames("");

    public PlaceNames {
        Objects.requireNonNull(entries, "entries");
    }

    /** Whether the city gave any names. */
    public boolean hasNames() {
        return !entries.isEmpty();
    }

    /** The names, in the order of the list. */
    public List<PlaceName> names() {
        List<PlaceName> names = new ArrayList<>();
        for (String line : entries.split("\n")) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                names.add(new PlaceName(line.substring(0, comma), line.substring(comma + 1)));
            }
        }
        return names;
    }

    /**
     * Reads a list the city maintains: UTF-8 text (a byte order mark is ignored), one {@code 表記,よみ} a line,
     * {@code #} starting a comment line, blank lines ignored. The よみ is in かな (hiragana or katakana, full or
     * half width, with ー); a name listed twice with the same よみ counts once.
     *
     * @throws PlaceNamesException naming the line at fault, in Japanese
     */
    public static PlaceNames parse(String text) {
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        Map<String, Integer> lineOf = new HashMap<>();
        Map<String, String> readingOf = new HashMap<>();
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            String[] fields = line.split(",", -1);
            if (fields.length != 2) {
                throw wrong(number, line, "「表記,よみ」の形で書いてください (expected written form, comma, reading)");
            }
            String written = Normalizer.normalize(fields[0].strip(), Normalizer.Form.NFKC);
            String reading = Normalizer.normalize(fields[1].strip(), Normalizer.Form.NFKC);
            if (written.isEmpty() || !written.codePoints().allMatch(PlaceNames::isWrittenCharacter)) {
                throw wrong(number, line, "表記が空か、空白・記号を含んでいます (the written form is empty or has spaces or"
                        + " symbols)");
            }
            if (reading.isEmpty() || !reading.codePoints().allMatch(PlaceNames::isKana)) {
                throw wrong(number, line, "よみは かな（ひらがな・カタカナ）だけで書いてください (the reading must be kana only)");
            }
            if (written.length() > MAX_WRITTEN || reading.length() > MAX_READING) {
                throw wrong(number, line, "表記は" + MAX_WRITTEN + "文字、よみは" + MAX_READING + "文字までです (too long)");
            }
            String known = readingOf.putIfAbsent(written, reading);
            if (known != null) {
                if (known.equals(reading)) {
                    continue;
                }
                throw wrong(number, line, lineOf.get(written) + "行目と同じ表記に別のよみがあります (the same name has another"
                        + " reading on line " + lineOf.get(written) + ")");
            }
            lineOf.put(written, number);
            if (readingOf.size() > MAX_NAMES) {
                throw wrong(number, line, "地名は" + MAX_NAMES + "件までです (at most " + MAX_NAMES + " names)");
            }
            entries.append(written).append(',').append(reading).append('\n');
        }
        return new PlaceNames(entries.toString());
    }

    private static PlaceNamesException wrong(int line, String text, String why) {
        return new PlaceNamesException(line, line + "行目: " + why + ": " + text);
    }

    /** Letters and digits of a name (漢字, かな, 々, ヶ, Latin), no spaces, commas, quotes or other symbols. */
    private static boolean isWrittenCharacter(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isKana(int cp) {
        return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
    }
}
