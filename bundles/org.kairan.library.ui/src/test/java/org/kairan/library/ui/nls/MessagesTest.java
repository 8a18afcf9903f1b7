package org.kairan.library.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text of the library view exists in Japanese (the default) and English, is not empty, formats, and the
 * view's mnemonics do not clash ({@link Translations}).
 */
class MessagesTest {

    /** The texts shown at once in the view (bar above the table): one mnemonic each. */
    private static final List<String> VIEW_MNEMONICS = List.of("library_unit", "library_addFiles", "library_addFolder",
            "library_newVersion", "library_edit", "library_openFile");

    private static Translations texts;

    @BeforeAll
    static void read() throws IOException {
        texts = Translations.of(Path.of("."));
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeysAndNoEmptyText() {
        assertEquals(List.of(), texts.missingOrEmpty());
    }

    @Test
    void everyMessagesFieldHasATextThatFormatsInBothLocales() {
        assertEquals(List.of(), texts.unformattable(Messages.class, true));
    }

    @Test
    void theViewsMnemonicsAreUniqueInEachLanguageAndAvoidTheMenuBars() {
        assertEquals(List.of(), texts.clashingMnemonics(VIEW_MNEMONICS));
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() {
        assertEquals("{0}件", texts.japanese().getString("library_count"), "the count reads 「12件」");
        assertEquals("ファイルを追加(&A)…", texts.japanese().getString("library_addFiles"));
        assertEquals("フォルダーを追加(&O)…", texts.japanese().getString("library_addFolder"));
        assertEquals("OCR済", texts.japanese().getString("library_state_OCR_DONE"));
        assertEquals("抽出中 {0}/{1}", texts.japanese().getString("library_state_EXTRACTING"));
        assertEquals("Text extracted", texts.english().getString("library_state_EXTRACTED"),
                "the English states are English");
    }
}
