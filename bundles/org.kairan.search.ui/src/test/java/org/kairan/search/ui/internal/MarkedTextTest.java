package org.kairan.search.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.search.SearchHit;

/** Snippets and titles as the results draw them: marked pieces apart, markers never shown. */
class MarkedTextTest {

    private static final char S = SearchHit.MARK_START;
    private static final char E = SearchHit.MARK_END;

    @Test
    void markedWordsArePiecesOfTheirOwnAndTheMarkersDisappear() {
        MarkedText text = MarkedText.parse("北庁舎屋上" + S + "防水" + E + "改修の" + S + "設計" + E + "委託");
        assertEquals(List.of(new MarkedText.Segment("北庁舎屋上", false), new MarkedText.Segment("防水", true),
                new MarkedText.Segment("改修の", false), new MarkedText.Segment("設計", true),
                new MarkedText.Segment("委託", false)), text.segments());
        assertEquals("北庁舎屋上防水改修の設計委託", text.plain(), "the text reads without markers");
        assertEquals(List.of("防水", "設計"), text.markedWords());
    }

    @Test
    void neighbouringMarksJoinAndAWordMarkedTwiceIsListedOnce() {
        MarkedText text = MarkedText.parse(S + "防水" + E + S + "工事" + E + "と" + S + "防水" + E);
        assertEquals(new MarkedText.Segment("防水工事", true), text.segments().getFirst(),
                "two marks side by side are one highlight");
        assertEquals(List.of("防水工事", "防水"), text.markedWords());
    }

    @Test
    void aSnippetCutInsideAMarkOrWithoutMarksStillReads() {
        assertEquals(List.of(new MarkedText.Segment("…雨漏りの", false), new MarkedText.Segment("防水", true)),
                MarkedText.parse("…雨漏りの" + S + "防水").segments(), "a mark cut off at the end marks to the end");
        assertEquals(List.of(new MarkedText.Segment("防水の件", false)), MarkedText.parse("防水" + E + "の件").segments(),
                "an end marker alone is dropped");
        assertEquals("本文", MarkedText.parse("本文").plain());
        assertTrue(MarkedText.parse("").isEmpty());
        assertTrue(MarkedText.parse(null).isEmpty());
        assertFalse(MarkedText.parse("" + S + E).plain().contains(String.valueOf(S)), "no marker is ever shown");
    }
}
