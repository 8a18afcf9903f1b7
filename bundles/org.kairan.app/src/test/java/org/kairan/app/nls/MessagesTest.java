package org.kairan.app.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every text exists in Japanese (the default) and English, is not empty, and formats. Reads the files
 * the way OSGi's bundle localisation does (PropertyResourceBundle, UTF-8).
 */
class MessagesTest {

    private static final Path L10N = Path.of("OSGI-INF", "l10n");
    /** The other Kairan bundles with OSGi localisation (relative to this bundle's folder). */
    private static final List<Path> SIBLINGS = List.of(Path.of("..", "org.kairan.client"), Path.of("..", "org.kairan.ui"));

    private static PropertyResourceBundle load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new PropertyResourceBundle(in);
        }
    }

    private static Set<String> keys(PropertyResourceBundle bundle) {
        return new TreeSet<>(bundle.keySet());
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("."));
        folders.addAll(SIBLINGS);
        for (Path folder : folders) {
            PropertyResourceBundle ja = load(folder.resolve(L10N).resolve("bundle.properties"));
            PropertyResourceBundle en = load(folder.resolve(L10N).resolve("bundle_en.properties"));
            assertEquals(keys(ja), keys(en), folder + ": every Japanese key must have an English text and vice versa");
            for (String key : keys(ja)) {
                assertFalse(ja.getString(key).isBlank(), folder + ": Japanese text for " + key + " must not be empty");
                assertFalse(en.getString(key).isBlank(), folder + ": English text for " + key + " must not be empty");
            }
        }
    }

    @Test
    void everyMessagesFieldHasATextThatFormatsInBothLocales() throws Exception {
        PropertyResourceBundle ja = load(L10N.resolve("bundle.properties"));
        PropertyResourceBundle en = load(L10N.resolve("bundle_en.properties"));
        Object[] arguments = { "引数0", 12, "引数2", "引数3" };
        int checked = 0;
        for (Field field : Messages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            for (var entry : List.of(new Object[] { ja, Locale.JAPANESE }, new Object[] { en, Locale.ENGLISH })) {
                PropertyResourceBundle bundle = (PropertyResourceBundle) entry[0];
                Locale locale = (Locale) entry[1];
                assertTrue(bundle.containsKey(field.getName()),
                        "Messages." + field.getName() + " needs a text in the " + locale.getDisplayLanguage(Locale.ENGLISH)
                                + " properties file");
                String formatted = new MessageFormat(bundle.getString(field.getName()), locale).format(arguments);
                assertFalse(formatted.isBlank(), "Messages." + field.getName() + " must format to visible text");
                if (bundle.getString(field.getName()).contains("{0}")) {
                    assertTrue(formatted.contains("引数0"), "Messages." + field.getName() + " must show its argument");
                }
            }
            checked++;
        }
        assertTrue(checked > 50, "the Messages class is expected to hold the application's texts (found " + checked + ")");
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        PropertyResourceBundle ja = load(L10N.resolve("bundle.properties"));
        PropertyResourceBundle en = load(L10N.resolve("bundle_en.properties"));
        assertTrue(ja.getString("login_button").codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x9FFF),
                "the default (Japanese) login button must be in Japanese");
        assertEquals("Log in", en.getString("login_button"), "the English login button must be in English");
    }

    @Test
    void everyPercentKeyOfTheApplicationModelAndPluginXmlExists() throws IOException {
        PropertyResourceBundle ja = load(L10N.resolve("bundle.properties"));
        Pattern key = Pattern.compile("\"%([A-Za-z0-9._-]+)\"");
        for (String file : List.of("Application.e4xmi", "plugin.xml")) {
            Matcher m = key.matcher(Files.readString(Path.of(file)));
            int found = 0;
            while (m.find()) {
                found++;
                if (!ja.containsKey(m.group(1))) {
                    fail(file + " uses %" + m.group(1) + " which is missing from bundle.properties");
                }
            }
            assertTrue(found > 0, file + " is expected to use translated labels");
        }
    }
}
