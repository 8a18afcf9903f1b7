package org.kairan.ui;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle's texts in Japanese (the default, {@code OSGI-INF/l10n/bundle.properties}) and English
 * ({@code bundle_en.properties}), read as OSGi's bundle localisation reads them, and what is wrong with them: each
 * bundle's {@code MessagesTest} calls {@link #assertComplete(Class, boolean, List)}, so a text missing in one
 * language, one that does not format, or two buttons answering the same Alt key is found before a person sees it.
 */
public final class Translations {

    private static final Pattern MNEMONIC = Pattern.compile("&([^&\\s])");
    private static final Object[] ARGUMENTS = { "引数0", 12, "引数2", "引数3" };

    private final Path folder;
    private final PropertyResourceBundle japanese;
    private final PropertyResourceBundle english;

    private Translations(Path folder, PropertyResourceBundle japanese, PropertyResourceBundle english) {
        this.folder = folder;
        this.japanese = japanese;
        this.english = english;
    }

    /** The texts of the bundle whose folder (holding {@code OSGI-INF}) is given; "." in a bundle's own tests. */
    public static Translations of(Path bundleFolder) throws IOException {
        Path l10n = bundleFolder.resolve("OSGI-INF").resolve("l10n");
        return new Translations(bundleFolder, load(l10n.resolve("bundle.properties")),
                load(l10n.resolve("bundle_en.properties")));
    }

    private static PropertyResourceBundle load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new PropertyResourceBundle(in);
        }
    }

    public PropertyResourceBundle japanese() {
        return japanese;
    }

    public PropertyResourceBundle english() {
        return english;
    }

    /**
     * Fails unless the texts are complete: every key has a text in Japanese and in English and none is empty
     * ({@link #missingOrEmpty()}), every field of {@code messages} has a text that formats in both languages
     * ({@link #unformattable(Class, boolean)}; with {@code everyKeyAField}, every key with an underscore is some
     * field's), and the keys {@code shownTogether} (a view's buttons and labels; none for an empty list) have one
     * mnemonic each, no two the same ({@link #clashingMnemonics(List)}).
     *
     * @throws AssertionError naming every problem found, for a test to report
     */
    public void assertComplete(Class<?> messages, boolean everyKeyAField, List<String> shownTogether) {
        List<String> problems = new ArrayList<>(missingOrEmpty());
        problems.addAll(unformattable(messages, everyKeyAField));
        problems.addAll(clashingMnemonics(shownTogether));
        fail(problems);
    }

    /**
     * Fails unless every key has a text in Japanese and in English and none is empty ({@link #missingOrEmpty()}): for
     * a bundle whose texts are its manifest's and model's only, with no Messages class.
     *
     * @throws AssertionError naming every problem found, for a test to report
     */
    public void assertComplete() {
        fail(missingOrEmpty());
    }

    private void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("every text of " + folder + " is in Japanese and English, not empty, formats"
                    + " and has its own mnemonic where one is wanted; not so:\n  " + String.join("\n  ", problems));
        }
    }

    /** Keys with a text in one language only, and empty texts. */
    public List<String> missingOrEmpty() {
        List<String> problems = new ArrayList<>();
        Set<String> all = new TreeSet<>(japanese.keySet());
        all.addAll(english.keySet());
        for (String key : all) {
            for (PropertyResourceBundle bundle : List.of(japanese, english)) {
                if (!bundle.containsKey(key)) {
                    problems.add(folder + ": " + key + " has no " + language(bundle) + " text");
                } else if (bundle.getString(key).isBlank()) {
                    problems.add(folder + ": the " + language(bundle) + " text of " + key + " is empty");
                }
            }
        }
        return problems;
    }

    /**
     * The public String fields of a Messages class (filled by e4's {@code @Translation}) whose text is missing in a
     * language, formats to nothing or drops its first argument; with {@code everyKeyAField}, also the keys with an
     * underscore that no field takes (a text nobody shows).
     */
    public List<String> unformattable(Class<?> messages, boolean everyKeyAField) {
        List<String> problems = new ArrayList<>();
        Set<String> fields = new TreeSet<>();
        for (Field field : messages.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            fields.add(field.getName());
            for (PropertyResourceBundle bundle : List.of(japanese, english)) {
                if (!bundle.containsKey(field.getName())) {
                    problems.add("Messages." + field.getName() + " needs its " + language(bundle) + " text");
                    continue;
                }
                String pattern = bundle.getString(field.getName());
                String formatted;
                try {
                    formatted = new MessageFormat(pattern, bundle == japanese ? Locale.JAPANESE : Locale.ENGLISH)
                            .format(ARGUMENTS);
                } catch (IllegalArgumentException e) {
                    problems.add("Messages." + field.getName() + " does not format in " + language(bundle) + ": "
                            + e.getMessage());
                    continue;
                }
                if (formatted.isBlank()) {
                    problems.add("Messages." + field.getName() + " formats to nothing in " + language(bundle));
                } else if (pattern.contains("{0}") && !formatted.contains("引数0")) {
                    problems.add("Messages." + field.getName() + " drops its argument in " + language(bundle));
                }
            }
        }
        if (fields.isEmpty()) {
            problems.add(messages.getName() + " has no texts");
        }
        if (everyKeyAField) {
            japanese.keySet().stream().filter(key -> key.contains("_") && !fields.contains(key)).sorted()
                    .forEach(key -> problems.add(key + " is in the properties but no Messages field shows it"));
        }
        return problems;
    }

    /**
     * Among the texts of keys shown together (a view's buttons and labels), the ones without a mnemonic ({@code &})
     * and the ones whose Alt key another of them, or the menu bar's File (F) and Help (H), already answers.
     */
    public List<String> clashingMnemonics(List<String> keys) {
        List<String> problems = new ArrayList<>();
        for (PropertyResourceBundle bundle : List.of(japanese, english)) {
            Map<Character, String> taken = new HashMap<>(Map.of('F', "the File menu", 'H', "the Help menu"));
            for (String key : keys) {
                if (!bundle.containsKey(key)) {
                    problems.add(language(bundle) + ": " + key + " has no text");
                    continue;
                }
                Matcher m = MNEMONIC.matcher(bundle.getString(key));
                if (!m.find()) {
                    problems.add(language(bundle) + ": " + key + " has no mnemonic (&)");
                    continue;
                }
                char c = Character.toUpperCase(m.group(1).charAt(0));
                String before = taken.put(c, key);
                if (before != null) {
                    problems.add(language(bundle) + ": " + key + " takes Alt+" + c + ", which " + before + " has");
                }
            }
        }
        return problems;
    }

    private String language(PropertyResourceBundle bundle) {
        return bundle == japanese ? "Japanese" : "English";
    }
}
