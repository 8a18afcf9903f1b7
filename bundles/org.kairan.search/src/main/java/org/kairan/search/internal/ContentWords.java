package org.kairan.search.internal;

import org.apache.lucene.analysis.Analyzer;

/**
 * The words of a text that carry its content, as the search analyses them (kuromoji with base forms, numbers
 * normalised, katakana stemmed): nouns, except numbers, pronouns and dependent nouns (こと, もの), and suffixes.
 */
public final class ContentWords {

    private ContentWords() {
    }

    /** The search's word analysis; the caller closes it. */
    public static Analyzer analyzer() {
        return JapaneseAnalysis.words();
    }

    /** Whether a token of that part of speech carries content. */
    public static boolean isContent(String partOfSpeech, String term) {
        if (partOfSpeech == null || !partOfSpeech.startsWith("名詞") || term.length() < 2 && !isKanji(term)) {
            return false;
        }
        return !(partOfSpeech.startsWith("名詞-数") || partOfSpeech.startsWith("名詞-代名詞")
                || partOfSpeech.startsWith("名詞-非自立") || partOfSpeech.startsWith("名詞-接尾"));
    }

    private static boolean isKanji(String term) {
        return !term.isEmpty() && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
