package org.kairan.library.ui.nls;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every text of the library view exists in Japanese (the default) and English, is not empty, formats, and
 * the view's mnemonics do not clash. Reads the files the way OSGi's bundle localisation does
 * (PropertyResourceBundle, UTF-8).
 */
class MessagesTest {

    private static final Path L10N = Path.of("OSGI-INF", "l10n");
    /** The texts shown at once in the view (bar above the table): one mnemonic each. */
    private static final List<String> VIEW_MNEMONICS = List.of("library_unit", "library_addFiles", "library_addFolder",
            "library_newVersion", "library_edit");

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
    void theViewsMnemonicsAreUniqueInEachLanguageAndAvoidTheMenuBars() throws IOException {
        Pattern mnemonic = Pattern.compile("&([^&\\s])");
        for (String file : List.of("bundle.properties", "bundle_en.properties")) {
            PropertyResourceBundle bundle = load(file);
            Map<Character, String> taken = new HashMap<>(Map.of('F', "the File menu", 'H', "the Help menu"));
            for (String key : VIEW_MNEMONICS) {
                Matcher m = mnemonic.matcher(bundle.getString(key));
                assertTrue(m.find(), file + ": " + key + " must have a mnemonic (&)");
                char c = Character.toUpperCase(m.group(1).charAt(0));
                String before = taken.put(c, key);
                assertEquals(null, before, file + ": " + key + " takes Alt+" + c + " which " + before + " has already");
            }
        }
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        PropertyResourceBundle ja = load("bundle.properties");
        assertEquals("{0}件", ja.getString("library_count"), "the count reads 「12件」");
        assertEquals("ファイルを追加(&A)…", ja.getString("library_addFiles"));
        assertEquals("フォルダーを追加(&O)…", ja.getString("library_addFolder"));
        assertEquals("OCR済", ja.getString("library_state_OCR_DONE"));
        assertEquals("抽出中 {0}/{1}", ja.getString("library_state_EXTRACTING"));
        assertEquals("Text extracted", load("bundle_en.properties").getString("library_state_EXTRACTED"),
                "the English states are English");
    }
}
