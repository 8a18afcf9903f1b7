package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.kairan.search.SearchHit;

/**
 * The passage of a hit's text shown under its title, with the words the query matched marked where they
 * stand in the original text (so ＰＤＦ is marked when pdf was typed, 五十万 when 500000 was). The places
 * come from the query's matches in the item, with the character offsets the postings keep, so no text is
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

    /** The text fields a snippet marks the matches of, from the offsets their postings keep. */
    private static final List<String> TEXT_FIELDS = List.of(Fields.WORDS, Fields.GRAMS, Fields.READING);

    /**
     * Where the query matched the item's text: each phrase as a whole, each word, from the offsets in the
     * postings (nothing is analysed again, and a word of the query found only apart from its phrase is not marked).
     *
     * @param matches the query's matches in the item, null when none
     * @param shifts  per field, how far its indexed text starts before the stored text (the reading field
     *                holds the title first)
     */
    static List<Span> find(Matches matches, Map<String, Integer> shifts, int textLength) throws IOException {
        List<Span> spans = new ArrayList<>();
        if (matches == null) {
            return spans;
        }
        for (String field : TEXT_FIELDS) {
            MatchesIterator each = matches.getMatches(field);
            int shift = shifts.getOrDefault(field, 0);
            while (each != null && each.next()) {
                int start = each.startOffset() - shift;
                int end = Math.min(each.endOffset() - shift, textLength);
                if (start >= 0 && end > start) {
                    spans.add(new Span(start, end));
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

    private static final Pattern LINE_BREAK_IN_JAPANESE = Pattern.compile(
            "(?<=" + JoinedLines.JAPANESE + ")[ \\t]*\\R\\s*(?=" + JoinedLines.JAPANESE + ")");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    /** A snippet is one line: line breaks within Japanese text go (the line ended mid-word), others become spaces. */
    private static String flatten(String text) {
        return LINE_BREAK.matcher(LINE_BREAK_IN_JAPANESE.matcher(text).replaceAll("")).replaceAll(" ");
    }
}
