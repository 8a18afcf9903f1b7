package org.kairan.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a word the dictionary made of a 漢数字 and its counter — 四月, 一日, 二十日, 三条 — into the
 * number and the counter, so that the number filter after it makes 4 and 月 of 四月 as it does of ４月.
 * Counters that also begin ordinary words with another meaning (十分, 一部, 一時) are left alone.
 */
final class NumeralCounterFilter extends TokenFilter {

    private static final String NUMERALS = "〇一二三四五六七八九十百千万億";
    private static final String COUNTERS = "月日年条項号円人件回階歳枚台名週";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private State pending;
    private char pendingCounter;
    private int pendingStart;
    private int pendingEnd;

    NumeralCounterFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(pendingCounter);
            offset.setOffset(pendingStart, pendingEnd);
            increment.setPositionIncrement(1);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (length >= 2 && COUNTERS.indexOf(term.charAt(length - 1)) >= 0 && allNumerals(length - 1)) {
            pending = captureState();
            pendingCounter = term.charAt(length - 1);
            pendingEnd = offset.endOffset();
            pendingStart = Math.max(offset.startOffset(), pendingEnd - 1);
            term.setLength(length - 1);
            offset.setOffset(offset.startOffset(), pendingStart);
        }
        return true;
    }

    private boolean allNumerals(int count) {
        for (int i = 0; i < count; i++) {
            if (NUMERALS.indexOf(term.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
