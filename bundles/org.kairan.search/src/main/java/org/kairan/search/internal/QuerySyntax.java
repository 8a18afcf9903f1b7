package org.kairan.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The search box's syntax, as Japanese users type it (after NFKC, so 全角 spaces, quotes, minus signs and
 * ＯＲ count like their 半角 forms):
 * <ul>
 * <li>words separated by spaces must all occur: {@code 代決 順序};</li>
 * <li>{@code OR} (in capitals) between two words takes either: {@code 契約 OR 委託};</li>
 * <li>{@code -word} excludes: {@code 出張 -京都};</li>
 * <li>{@code "…"} (or “…”, 「…」 is just text) is a phrase, spaces and all: {@code "事務決裁規程 第3条"}.</li>
 * </ul>
 * Anything else is a word; an unclosed quote runs to the end. Nothing is ever a syntax error.
 */
final class QuerySyntax {

    /** A word or phrase. */
    record Term(String text, boolean phrase) {
    }

    /**
     * The parsed query: every group must match (a group matches when any of its terms does), and no
     * excluded term may.
     */
    record Parsed(List<List<Term>> required, List<Term> excluded) {

        boolean isEmpty() {
            return required.isEmpty() && excluded.isEmpty();
        }
    }

    private QuerySyntax() {
    }

    static Parsed parse(String input) {
        String text = Normalizer.normalize(input, Normalizer.Form.NFKC).replace('“', '"').replace('”', '"');
        List<List<Term>> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
            if (negated) {
                i++;
            }
            Term term;
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                term = new Term(text.substring(i + 1, end).strip(), true);
                i = close < 0 ? text.length() : close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = new Term(text.substring(i, end), false);
                i = end;
            }
            if (term.text().isEmpty()) {
                continue;
            }
            if (!negated && !term.phrase() && term.text().equals("OR")) {
                orPending = !required.isEmpty();
                continue;
            }
            if (negated) {
                excluded.add(term);
                orPending = false;
            } else if (orPending) {
                required.getLast().add(term);
                orPending = false;
            } else {
                required.add(new ArrayList<>(List.of(term)));
            }
        }
        return new Parsed(required.stream().map(List::copyOf).toList(), List.copyOf(excluded));
    }
}
