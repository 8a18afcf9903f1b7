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
import org.kairan.search.SearchHit;

/**
 * The passage of a hit's text shown under its title, with the words the query matched marked: the text is
 * analysed again the ways it was indexed, and every token that is one of the query's terms in that field
 * is marked where it stands in the original text (so ＰＤＦ is marked when pdf was typed, 五十万 when
 * 500000 was).
 */
final class Snippets {

    /** Characters of text shown around the matches. */
    static final int WINDOW = 120;

    private final Map<String, Analyzer> analyzers;

    /** @param analyzers per indexed field, the analyzer that made its terms from the stored text */
    Snippets(Map<String, Analyzer> analyzers) {
        this.analyzers = analyzers;
    }

    private record Span(int start, int end) {
    }

    /** The passage of {@code text} with most matches of {@code terms} (field → term texts) marked. */
    String of(String text, Map<String, Set<String>> terms) {
        List<Span> spans = merged(matches(text, terms));
        if (spans.isEmpty()) {
            return shorten(text, 0);
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
            int s = Math.max(span.start(), bestStart);
            int e = Math.min(span.end(), end);
            out.append(text, at, s).append(SearchHit.MARK_START).append(text, s, e).append(SearchHit.MARK_END);
            at = e;
        }
        out.append(text, at, end);
        if (end < text.length()) {
            out.append('…');
        }
        return flatten(out.toString());
    }

    /** The whole of a short text (a title) with the matches of {@code terms} marked, on one line. */
    String marked(String text, Map<String, Set<String>> terms) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int at = 0;
        for (Span span : merged(matches(text, terms))) {
            out.append(text, at, span.start()).append(SearchHit.MARK_START).append(text, span.start(), span.end())
                    .append(SearchHit.MARK_END);
            at = span.end();
        }
        return flatten(out.append(text, at, text.length()).toString());
    }

    private List<Span> matches(String text, Map<String, Set<String>> terms) {
        List<Span> spans = new ArrayList<>();
        terms.forEach((field, wanted) -> {
            Analyzer analyzer = analyzers.get(field);
            if (analyzer == null || wanted.isEmpty()) {
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
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            if (!out.isEmpty() && span.start() <= out.getLast().end()) {
                Span last = out.removeLast();
                out.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    private static String shorten(String text, int from) {
        String part = text.substring(from, Math.min(text.length(), from + WINDOW));
        return flatten(part + (from + WINDOW < text.length() ? "…" : ""));
    }

    /** Line breaks as spaces: a snippet is one line. */
    private static String flatten(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
