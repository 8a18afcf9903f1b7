package org.kairan.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Fields;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.kairan.search.SearchHit;

/**
 * The passage of a hit's text shown under its title, with the words the query matched marked where they
 * stand in the original text (so ＰＤＦ is marked when pdf was typed, 五十万 when 500000 was). The places
 * come from the term vectors stored with the item (terms with their character offsets), so no text is
 * analysed again at search time.
 */
final class Snippets {

    /** Characters of text shown around the matches. */
    static final int WINDOW = 120;

    private Snippets() {
    }

    /** A matched stretch of the stored text. */
    record Span(int start, int end) {
    }

    /**
     * Where the query's terms (field → term texts) occur in the item's text, from its term vectors.
     *
     * @param shifts per field, how far its indexed text starts before the stored text (the reading field
     *               holds the title first)
     */
    static List<Span> find(TermVectors vectors, int doc, Map<String, Set<String>> terms, Map<String, Integer> shifts,
            int textLength) throws IOException {
        List<Span> spans = new ArrayList<>();
        Fields all = vectors.get(doc); // one read of the item's vectors for every field
        if (all == null) {
            return spans;
        }
        for (Map.Entry<String, Set<String>> wanted : terms.entrySet()) {
            Terms vector = all.terms(wanted.getKey());
            if (vector == null) {
                continue;
            }
            int shift = shifts.getOrDefault(wanted.getKey(), 0);
            TermsEnum each = vector.iterator();
            for (String term : wanted.getValue()) {
                if (!each.seekExact(new BytesRef(term))) {
                    continue;
                }
                PostingsEnum at = each.postings(null, PostingsEnum.OFFSETS);
                at.nextDoc();
                for (int i = 0; i < at.freq(); i++) {
                    at.nextPosition(); // -1: the vectors keep offsets without positions
                    int start = at.startOffset() - shift;
                    int end = Math.min(at.endOffset() - shift, textLength);
                    if (start >= 0 && end > start) {
                        spans.add(new Span(start, end));
                    }
                }
            }
        }
        return spans;
    }

    /** The passage of {@code text} with most of the spans, the spans marked. */
    static String of(String text, List<Span> found) {
        List<Span> spans = merged(found);
        if (spans.isEmpty()) {
            return flatten(text.substring(0, Math.min(text.length(), WINDOW)) + (text.length() > WINDOW ? "…" : ""));
        }
        int bestStart = 0;
        int bestCount = -1;
        for (int i = 0; i < spans.size(); i++) {
            int windowStart = Math.max(0, spans.get(i).start() - WINDOW / 4);
            int count = 0;
            for (int j = i; j < spans.size() && spans.get(j).end() <= windowStart + WINDOW; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = windowStart;
            }
        }
        int end = Math.min(text.length(), bestStart + WINDOW);
        StringBuilder out = new StringBuilder(WINDOW + 16);
        if (bestStart > 0) {
            out.append('…');
        }
        int at = bestStart;
        for (Span span : spans) {
            if (span.end() <= bestStart || span.start() >= end) {
                continue;
            }
            int s = Math.max(span.start(), at);
            int e = Math.min(span.end(), end);
            if (e <= s) {
                continue;
            }
            out.append(text, at, s).append(SearchHit.MARK_START).append(text, s, e).append(SearchHit.MARK_END);
            at = e;
        }
        out.append(text, at, end);
        if (end < text.length()) {
            out.append('…');
        }
        return flatten(out.toString());
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> out = new ArrayList<>();
        for (Span span : sorted) {
            if (!out.isEmpty() && span.start() <= out.getLast().end()) {
                Span last = out.removeLast();
                out.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    /** Line breaks as spaces: a snippet is one line. */
    private static String flatten(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
