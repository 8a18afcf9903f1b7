package org.kairan.approval.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every text of the 決裁 screens exists in Japanese (the default) and English, is not empty, and formats.
 * Reads the files the way OSGi's bundle localisation does (PropertyResourceBundle, UTF-8).
 */
class MessagesTest {

    private static final Path L10N = Path.of("OSGI-INF", "l10n");

    private static PropertyResourceBundle load(String file) throws IOException {
        try (InputStream in = Files.newInputStream(L10N.resolve(file))) {
            return new PropertyResourceBundle(in);
        }
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        PropertyResourceBundle ja = load("bundle.properties");
        PropertyResourceBundle en = load("bundle_en.properties");
        assertEquals(new TreeSet<>(ja.keySet()), new TreeSet<>(en.keySet()),
                "every Japanese key must have an English text and vice versa");
        for (String key : ja.keySet()) {
            assertFalse(ja.getString(key).isBlank(), "Japanese text for " + key + " must not be empty");
            assertFalse(en.getString(key).isBlank(), "English text for " + key + " must not be empty");
        }
    }

    @Test
    void everyMessagesFieldHasATextThatFormatsInBothLocales() throws Exception {
        PropertyResourceBundle ja = load("bundle.properties");
        PropertyResourceBundle en = load("bundle_en.properties");
        Object[] arguments = { "引数0", 12, "引数2" };
        Set<String> fields = new TreeSet<>();
        for (Field field : Messages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            fields.add(field.getName());
            for (var entry : List.of(new Object[] { ja, Locale.JAPANESE }, new Object[] { en, Locale.ENGLISH })) {
                PropertyResourceBundle bundle = (PropertyResourceBundle) entry[0];
                Locale locale = (Locale) entry[1];
                assertTrue(bundle.containsKey(field.getName()), "Messages." + field.getName() + " needs a text in the "
                        + locale.getDisplayLanguage(Locale.ENGLISH) + " properties file");
                String pattern = bundle.getString(field.getName());
                String formatted = new MessageFormat(pattern, locale).format(arguments);
                assertFalse(formatted.isBlank(), "Messages." + field.getName() + " must format to visible text");
                if (pattern.contains("{0}")) {
                    assertTrue(formatted.contains("引数0"), "Messages." + field.getName() + " must show its argument");
                }
            }
        }
        Set<String> keys = new TreeSet<>(ja.keySet());
        keys.removeIf(key -> !key.contains("_"));
        assertEquals(keys, fields, "every '_' key of the properties is a Messages field and every field has a key");
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        assertEquals("パスワードで保護されたPDFは表示できません。パスワードを解除したPDFを登録してください。",
                load("bundle.properties").getString("pdf_errorEncrypted"), "the default texts are Japanese");
        assertEquals("{0} / {1} ページ", load("bundle.properties").getString("pdf_pageIndicator"),
                "the page indicator reads 「3 / 20 ページ」");
        assertEquals("Page {0} of {1}", load("bundle_en.properties").getString("pdf_pageIndicator"),
                "the English page indicator is English");
    }
}
