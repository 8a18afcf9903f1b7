package org.kairan.chat.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kairan.chat.ChatService;

/**
 * What a message's text says beyond itself: whether it names the user ({@code @氏名}, spaces in the name optional,
 * or {@code @職員番号}) and which 決裁 it links to ({@code kairan:kessai/<id>}).
 */
final class Mentions {

    private static final Pattern KESSAI = Pattern.compile(Pattern.quote(ChatService.KESSAI_LINK) + "([A-Za-z0-9_-]+)");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    private final String staffNo;
    private final String name;

    /**
     * @param staffNo the user's 職員番号
     * @param name    the user's 氏名 (may be empty when unknown)
     */
    Mentions(String staffNo, String name) {
        this.staffNo = staffNo.toLowerCase(Locale.ROOT);
        this.name = name == null ? "" : SPACES.matcher(name).replaceAll("");
    }

    /** Whether the text names the user after an {@code @} (full- or half-width). */
    boolean mentionsMe(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String squeezed = SPACES.matcher(text.replace('＠', '@')).replaceAll("");
        String lower = squeezed.toLowerCase(Locale.ROOT);
        return (!name.isEmpty() && squeezed.contains("@" + name)) || mentionsNumber(lower);
    }

    private boolean mentionsNumber(String lower) {
        int at = lower.indexOf("@" + staffNo);
        while (at >= 0) {
            int end = at + 1 + staffNo.length();
            if (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end))) {
                return true;
            }
            at = lower.indexOf("@" + staffNo, end);
        }
        return false;
    }

    /** The 決裁 the text links to, or {@code null}. */
    static String kessaiIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = KESSAI.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
