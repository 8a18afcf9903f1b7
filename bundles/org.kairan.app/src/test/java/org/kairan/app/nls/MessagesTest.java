package org.kairan.app.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text exists in Japanese (the default) and English, is not empty, and formats. Reads the files
 * the way OSGi's bundle localisation does (PropertyResourceBundle, UTF-8).
 */
class MessagesTest {

    /** The other Kairan bundles with OSGi localisation but no tests of their own (and no Messages class). */
    private static final List<Path> OTHER_BUNDLES = List.of(Path.of("..", "org.kairan.client"),
            Path.of("..", "org.kairan.ui"));

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormats() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, false, List.of());
        for (Path bundle : OTHER_BUNDLES) {
            Translations.of(bundle).assertComplete();
        }
        assertTrue(Messages.class.getFields().length > 50, "the Messages class holds the application's texts");
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertTrue(texts.japanese().getString("login_button").codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x9FFF),
                "the default (Japanese) login button must be in Japanese");
        assertEquals("Log in", texts.english().getString("login_button"), "the English login button must be in English");
    }

    @Test
    void everyPercentKeyOfTheApplicationModelAndPluginXmlExists() throws IOException {
        PropertyResourceBundle ja = Translations.of(Path.of(".")).japanese();
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
