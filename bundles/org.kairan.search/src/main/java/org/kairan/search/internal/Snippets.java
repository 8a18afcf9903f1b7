package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
        org.apache.lucene.index.Fields all = vectors.get(doc); // one read of the item's vectors for every field
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

    /** The fields a title is searched in: a title is a few words, marked by analysing it now. */
    private static final Set<String> TITLE_FIELDS = Set.of(Fields.WORDS, Fields.GRAMS, Fields.READING);

    /**
     * The whole of a short text (a title) with the matches of {@code terms} (field → term texts) marked, on one line.
     *
     * @param analyzer the index's analyzer, by field
     */
    static String marked(String text, Map<String, Set<String>> terms, Analyzer analyzer) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int at = 0;
        for (Span span : merged(analysed(text, terms, analyzer))) {
            out.append(text, at, span.start()).append(SearchHit.MARK_START).append(text, span.start(), span.end())
                    .append(SearchHit.MARK_END);
            at = span.end();
        }
        return flatten(out.append(text, at, text.length()).toString());
    }

    private static List<Span> analysed(String text, Map<String, Set<String>> terms, Analyzer analyzer) {
        List<Span> spans = new ArrayList<>();
        terms.forEach((field, wanted) -> {
            if (!TITLE_FIELDS.contains(field) || wanted.isEmpty()) {
                return;
            }
            try (TokenStream stream = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    if (wanted.contains(term.toString()) && offset.endOffset() > offset.startOffset()) {
                        spans.add(new Span(offset.startOffset(), Math.min(offset.endOffset(), text.length())));
                    }
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return spans;
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
