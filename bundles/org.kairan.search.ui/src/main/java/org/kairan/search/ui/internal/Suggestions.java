package org.kairan.search.ui.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the search box offers as one types: the text as typed (so that Enter searches for it), then the text
 * with its last word completed by each title word the index suggests. Only the word being typed is
 * completed; a minus before it (exclude) stays; nothing is offered inside an open "phrase", after a space,
 * or for OR.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The word being typed, without a leading minus; empty when there is none to complete. */
    static String wordBeingTyped(String text) {
        if (text == null || text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1))
                || text.chars().filter(c -> c == '"' || c == '＂').count() % 2 == 1) {
            return "";
        }
        String last = text.substring(lastWordStart(text));
        if (last.startsWith("-") || last.startsWith("－")) {
            last = last.substring(1);
        }
        String folded = normalized(last);
        return folded.equals("or") || folded.contains("\"") ? "" : last;
    }

    /** The text with the word being typed replaced by {@code word}. */
    static String complete(String text, String word) {
        int start = lastWordStart(text);
        String last = text.substring(start);
        String minus = last.startsWith("-") || last.startsWith("－") ? last.substring(0, 1) : "";
        return text.substring(0, start) + minus + word;
    }

    /**
     * The texts to offer: {@code text} itself first, then its completions by those {@code suggested} words that
     * continue the word being typed (as the index folds it: width and case), each once.
     */
    static List<String> offers(String text, List<String> suggested) {
        List<String> offers = new ArrayList<>();
        offers.add(text);
        String word = wordBeingTyped(text);
        if (word.isEmpty()) {
            return offers;
        }
        String prefix = normalized(word);
        for (String suggestion : suggested) {
            String folded = normalized(suggestion);
            String completed = complete(text, suggestion);
            if (folded.startsWith(prefix) && !folded.equals(prefix) && !offers.contains(completed)) {
                offers.add(completed);
            }
        }
        return offers;
    }

    /** Width-folded (NFKC) and lower-cased, as the index compares title words. */
    static String normalized(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static int lastWordStart(String text) {
        int i = text.length();
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '\u3000') {
            i--;
        }
        return i;
    }
}
