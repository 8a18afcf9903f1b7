package org.kairan.library.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormatsAndTheViewsMnemonicsAreUnique() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, true, VIEW_MNEMONICS);
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertEquals("{0}件", texts.japanese().getString("library_count"), "the count reads 「12件」");
        assertEquals("ファイルを追加(&A)…", texts.japanese().getString("library_addFiles"));
        assertEquals("フォルダーを追加(&O)…", texts.japanese().getString("library_addFolder"));
        assertEquals("OCR済", texts.japanese().getString("library_state_OCR_DONE"));
        assertEquals("抽出中 {0}/{1}", texts.japanese().getString("library_state_EXTRACTING"));
        assertEquals("Text extracted", texts.english().getString("library_state_EXTRACTED"),
                "the English states are English");
    }
}
