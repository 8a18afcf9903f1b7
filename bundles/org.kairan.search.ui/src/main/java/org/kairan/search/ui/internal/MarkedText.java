package org.kairan.search.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kairan.search.SearchHit;

/**
 * A title or snippet of a hit as pieces of text, each marked (a word the search matched) or not: what the
 * results draw, with the marked pieces highlighted and the marker characters never shown. A marker without
 * its partner (a cut-off snippet) marks up to the end, or is dropped.
 *
 * @param segments the pieces in order, none empty
 */
record MarkedText(List<Segment> segments) {

    /** One piece of the text. */
    record Segment(String text, boolean marked) {
    }

    static final MarkedText EMPTY = new MarkedText(List.of());

    MarkedText {
        segments = List.copyOf(segments);
    }

    /** Splits text marked with {@link SearchHit#MARK_START} and {@link SearchHit#MARK_END}; null is empty. */
    static MarkedText parse(String marked) {
        if (marked == null || marked.isEmpty()) {
            return EMPTY;
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inMark = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == SearchHit.MARK_START || c == SearchHit.MARK_END) {
                boolean opens = c == SearchHit.MARK_START;
                if (opens != inMark) {
                    add(segments, current, inMark);
                    inMark = opens;
                }
                continue;
            }
            current.append(c);
        }
        add(segments, current, inMark);
        return new MarkedText(segments);
    }

    private static void add(List<Segment> segments, StringBuilder text, boolean marked) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().marked() == marked) {
            segments.add(new Segment(segments.removeLast().text() + text, marked));
        } else {
            segments.add(new Segment(text.toString(), marked));
        }
        text.setLength(0);
    }

    /** The text as read, without markers. */
    String plain() {
        StringBuilder out = new StringBuilder();
        segments.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** The marked words, each once, in order of appearance. */
    List<String> markedWords() {
        Set<String> words = new LinkedHashSet<>();
        segments.stream().filter(Segment::marked).map(Segment::text).forEach(words::add);
        return List.copyOf(words);
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }
}
