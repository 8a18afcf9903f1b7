package org.kairan.server.minutes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate of a transcript against what was said: the word-level edit distance (substitutions, deletions,
 * insertions) over the number of words said, after lower-casing and taking punctuation out. Used by the tests and
 * the speech benchmark to measure the engine.
 */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    /** The WER of {@code recognised} against {@code said}; 0 when both are empty, 1 per extra word when nothing was said. */
    public static double of(String said, String recognised) {
        List<String> reference = words(said);
        List<String> hypothesis = words(recognised);
        int distance = distance(reference, hypothesis);
        return reference.isEmpty() ? hypothesis.size() : distance / (double) reference.size();
    }

    /** Lower case, every run of characters that are not letters or digits a word break. */
    public static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split(" "));
    }

    /** Levenshtein distance over words, two rows. */
    static int distance(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
