package org.kairan.core.minutes;

/**
 * The character references a WebVTT cue text uses ({@code &amp; &lt; &gt; &nbsp; &lrm; &rlm;} and numeric ones).
 * A reference Kairan does not know stays as written. A no-break space becomes a space: minutes are plain text.
 */
final class CharacterReferences {

    private CharacterReferences() {
    }

    /** The text with its references decoded. */
    static String decodeAll(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '&') {
                i = decode(text, i, out);
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Appends the character the reference at {@code at} (an {@code &}) stands for; returns the index after it. */
    static int decode(String text, int at, StringBuilder out) {
        int semicolon = text.indexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at > 10) {
            out.append('&');
            return at + 1;
        }
        String name = text.substring(at + 1, semicolon);
        String value = switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "lrm", "rlm" -> "";
            default -> numeric(name);
        };
        if (value == null) {
            out.append('&');
            return at + 1;
        }
        out.append(value);
        return semicolon + 1;
    }

    private static String numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        try {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int cp = hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : "\uFFFD";
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
