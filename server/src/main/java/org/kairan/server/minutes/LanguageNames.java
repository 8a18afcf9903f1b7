package org.kairan.server.minutes;

import java.util.Locale;
import java.util.Map;

/** Languages by their Japanese names, as the desktop and the messages write them. */
final class LanguageNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ja", "日本語"), Map.entry("en", "英語"), Map.entry("zh", "中国語"), Map.entry("ko", "韓国語"),
            Map.entry("pt", "ポルトガル語"), Map.entry("es", "スペイン語"), Map.entry("vi", "ベトナム語"),
            Map.entry("tl", "タガログ語"), Map.entry("fr", "フランス語"), Map.entry("de", "ドイツ語"), Map.entry("ru", "ロシア語"));

    private LanguageNames() {
    }

    /** 日本語 for ja; the code itself for a language without a name here. */
    static String of(String language) {
        return NAMES.getOrDefault(language.toLowerCase(Locale.ROOT), language);
    }
}
