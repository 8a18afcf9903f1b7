package org.kairan.search.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text of the search view exists in Japanese (the default) and English, is not empty, formats, and the
 * view's mnemonics do not clash ({@link Translations}).
 */
class MessagesTest {

    /** The texts shown at once in the view (bar, saved searches, filters, results, index line): one mnemonic each. */
    private static final List<String> VIEW_MNEMONICS = List.of("search_box_label", "search_run", "search_sort_label",
            "search_save", "search_saved_label", "search_saved_run", "search_saved_delete", "search_from", "search_to",
            "search_clearFilters", "search_open", "index_rebuild");

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormatsAndTheViewsMnemonicsAreUnique() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, true, VIEW_MNEMONICS);
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertEquals("{0}件", texts.japanese().getString("search_count"), "the count reads 「1,234件」");
        assertEquals("関連度順", texts.japanese().getString("search_sort_RELEVANCE"));
        assertEquals("新しい順", texts.japanese().getString("search_sort_NEWEST"));
        assertEquals("Newest first", texts.english().getString("search_sort_NEWEST"), "the English order is English");
        for (String kind : List.of("KESSAI", "DOCUMENT", "MINUTES", "CHAT")) {
            String ja = texts.japanese().getString("search_kind_" + kind);
            assertTrue(List.of("決裁", "文書", "議事録", "チャット").contains(ja), "種別 in Japanese: " + ja);
        }
    }
}
