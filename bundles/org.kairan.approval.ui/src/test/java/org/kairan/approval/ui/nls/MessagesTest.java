package org.kairan.approval.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text of the 決裁 screens exists in Japanese (the default) and English, is not empty, and formats.
 * Reads the files the way OSGi's bundle localisation does (PropertyResourceBundle, UTF-8).
 */
class MessagesTest {

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormats() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, true, List.of());
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertEquals("パスワードで保護されたPDFは表示できません。パスワードを解除したPDFを登録してください。",
                texts.japanese().getString("pdf_errorEncrypted"), "the default texts are Japanese");
        assertEquals("{0} / {1} ページ", texts.japanese().getString("pdf_pageIndicator"),
                "the page indicator reads 「3 / 20 ページ」");
        assertEquals("Page {0} of {1}", texts.english().getString("pdf_pageIndicator"),
                "the English page indicator is English");
    }
}
