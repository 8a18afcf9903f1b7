package org.kairan.search.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the search box offers as one types. */
class SuggestionsTest {

    @Test
    void theTextAsTypedComesFirstThenItsLastWordCompleted() {
        assertEquals(List.of("プリ", "プリンタ", "プリンター"), Suggestions.offers("プリ", List.of("プリンタ", "プリンター")),
                "Enter on the open list searches for what was typed; Down picks a completion");
        assertEquals(List.of("物品　プリ", "物品　プリンタ"), Suggestions.offers("物品　プリ", List.of("プリンタ")),
                "only the word being typed is completed (after a full-width space too)");
        assertEquals(List.of("防水 -工", "防水 -工事"), Suggestions.offers("防水 -工", List.of("工事")),
                "an excluded word keeps its minus");
    }

    @Test
    void completionsContinueTheWordAsTheIndexFoldsIt() {
        assertEquals(List.of("ＰＤ", "pdf"), Suggestions.offers("ＰＤ", List.of("pdf", "pd")),
                "full-width ＰＤ is continued by the index's pdf; the word itself is not offered again");
        assertEquals(List.of("プリ"), Suggestions.offers("プリ", List.of("複合機")), "a word that does not continue it is not");
    }

    @Test
    void nothingIsOfferedAfterASpaceInsideAPhraseOrForOr() {
        assertEquals("", Suggestions.wordBeingTyped("防水 "));
        assertEquals("", Suggestions.wordBeingTyped("防水　"));
        assertEquals("", Suggestions.wordBeingTyped("\"屋上 防"), "inside an open phrase");
        assertEquals("", Suggestions.wordBeingTyped("防水 OR"));
        assertEquals("", Suggestions.wordBeingTyped(""));
        assertEquals("防", Suggestions.wordBeingTyped("屋上 防"));
        assertEquals("工", Suggestions.wordBeingTyped("防水 －工"), "a full-width minus is not part of the word");
    }
}
