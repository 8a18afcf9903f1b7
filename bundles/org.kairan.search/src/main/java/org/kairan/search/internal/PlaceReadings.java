package org.kairan.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.kairan.core.search.PlaceName;
import org.kairan.core.search.PlaceNames;

/**
 * The city's readings of its place names ({@link PlaceNames}) as kuromoji's user dictionary for the
 * {@link Fields#READING reading} analysis: each listed name is one proper noun of a place with the city's reading,
 * so 上里 is read カミサト there where the dictionary says ウエサト, and かみさと finds it. A 字 name (大字上里 read
 * おおあざかみさと) is read as its two parts, 大字 and 上里, so かみさと finds it too, and the name alone (上里) gets the
 * reading where the list does not give it. Only the reading field changes; words and bigrams are analysed as without
 * a list.
 */
final class PlaceReadings {

    /** No list: the dictionary's readings alone, as before there were lists. */
    static final PlaceReadings NONE = new PlaceReadings(PlaceNames.NONE);

    /** Part of speech of the entries: what {@link ProperNounFilter} keeps and kuromoji gives its own places. */
    private static final String PLACE = "名詞-固有名詞-地域-一般";
    /** The prefixes of 字 names, with their readings. */
    private static final Map<String, String> AZA = Map.of("大字", "オオアザ", "小字", "コアザ", "字", "アザ");
    /** Changes when the way entries are made changes, so that indexes made the old way are made again. */
    private static final String MAKING = "places-1:";

    private final PlaceNames names;
    private final UserDictionary dictionary;
    private final String version;

    PlaceReadings(PlaceNames names) {
        this.names = names;
        this.dictionary = names.hasNames() ? dictionary(names) : null;
        this.version = names.hasNames() ? MAKING + sha256(names.entries()) : "";
    }

    /** The list these readings were made from. */
    PlaceNames names() {
        return names;
    }

    /** The user dictionary of the reading tokenizer, or {@code null} without a list. */
    UserDictionary dictionary() {
        return dictionary;
    }

    /**
     * Changes whenever the list changes; empty without a list. Kept with the index: an index analysed with other
     * readings is made again.
     */
    String version() {
        return version;
    }

    private static UserDictionary dictionary(PlaceNames names) {
        Map<String, String> entries = new LinkedHashMap<>(); // by written form: a listed name before a derived one
        for (PlaceName name : names.names()) {
            entries.put(folded(name.written()), entry(folded(name.written()), Kana.katakana(name.reading())));
        }
        for (PlaceName name : names.names()) {
            String written = folded(name.written());
            String reading = Kana.katakana(name.reading());
            AZA.forEach((prefix, prefixReading) -> {
                if (written.length() > prefix.length() && written.startsWith(prefix)
                        && reading.length() > prefixReading.length() && reading.startsWith(prefixReading)) {
                    String place = written.substring(prefix.length());
                    String placeReading = reading.substring(prefixReading.length());
                    entries.put(written, written + "," + prefix + " " + place + "," + prefixReading + " " + placeReading
                            + "," + PLACE);
                    entries.putIfAbsent(place, entry(place, placeReading));
                }
            });
        }
        try {
            return UserDictionary.open(new StringReader(String.join("\n", entries.values())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(String written, String reading) {
        return written + "," + written + "," + reading + "," + PLACE;
    }

    /** The name as the analysis sees text: widths folded and name variants replaced ({@link NameVariants}). */
    private static String folded(String written) {
        try (Reader in = NameVariants.fold(new StringReader(written))) {
            StringBuilder out = new StringBuilder(written.length());
            char[] buffer = new char[64];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
