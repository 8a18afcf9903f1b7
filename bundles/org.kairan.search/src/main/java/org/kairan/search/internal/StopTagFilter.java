package org.kairan.search.internal;

import java.util.Set;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops particles, auxiliary verbs, punctuation and spaces by part of speech (kuromoji's default stop
 * tags), but never a number: the number filter gives a number it built the part of speech of the token
 * that ended it, so 2026 followed by a line break would otherwise be dropped as a space.
 */
final class StopTagFilter extends FilteringTokenFilter {

    private static final Set<String> STOP_TAGS = JapaneseAnalyzer.getDefaultStopTags();

    private final PartOfSpeechAttribute partOfSpeech = addAttribute(PartOfSpeechAttribute.class);
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    StopTagFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        if (!term.isEmpty() && term.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')
                && term.chars().anyMatch(c -> c != '.')) {
            return true;
        }
        String pos = partOfSpeech.getPartOfSpeech();
        return pos == null || !STOP_TAGS.contains(pos);
    }
}
