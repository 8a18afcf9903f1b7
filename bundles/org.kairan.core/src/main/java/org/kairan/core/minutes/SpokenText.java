package org.kairan.core.minutes;

import java.util.regex.Pattern;

/**
 * The speaker and the plain text of a cue. Teams writes the speaker as a WebVTT voice span ({@code <v 山田
 * 太郎>本日の議題は…</v>}); Zoom, Google Meet and many SRT files put it before the text ({@code 山田 太郎: 本日の議題は…}).
 */
record SpokenText(String speaker, String text) {

    /** The longest speaker name taken from a {@code 名前: 発言} line. */
    static final int MAX_NAME = 30;

    /** HTML-like tags of SubRip ({@code <i>}, {@code <font color="…">}) and {@code {\an8}} position codes. */
    private static final Pattern SRT_MARKUP =
            Pattern.compile("</?[A-Za-z][^<>]*>|\\{\\\\[^{}]*}");

    /** A cue's text with its markup: voice span or name prefix, other tags removed, character references decoded. */
    static SpokenText ofCue(String cue) {
        if (cue.indexOf('<') < 0 && cue.indexOf('&') < 0) {
            return ofPlain(cue);
        }
        String voice = "";
        StringBuilder text = new StringBuilder(cue.length());
        int i = 0;
        while (i < cue.length()) {
            char c = cue.charAt(i);
            int close = c == '<' ? cue.indexOf('>', i + 1) : -1;
            if (c == '<') {
                String tag = close < 0 ? cue.substring(i + 1) : cue.substring(i + 1, close);
                if (voice.isEmpty()) {
                    voice = voiceOf(tag);
                }
                i = close < 0 ? cue.length() : close + 1;
            } else if (c == '&') {
                i = CharacterReferences.decode(cue, i, text);
            } else {
                text.append(c);
                i++;
            }
        }
        return voice.isEmpty() ? ofPlain(text.toString()) : new SpokenText(voice, text.toString().strip());
    }

    /**
     * An SRT subtitle's text: its formatting tags and position codes removed, anything else kept as written (SRT has
     * no character references, and a {@code <} that starts no tag is text).
     */
    static SpokenText ofSrt(String subtitle) {
        return ofPlain(subtitle.indexOf('<') < 0 && subtitle.indexOf('{') < 0 ? subtitle
                : SRT_MARKUP.matcher(subtitle).replaceAll(""));
    }

    /** Text without markup; a leading {@code 名前: } becomes the speaker. */
    static SpokenText ofPlain(String text) {
        int colon = nameEnd(text);
        if (colon < 0) {
            return new SpokenText("", text.strip());
        }
        return new SpokenText(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    /**
     * Where the colon ({@code :} or {@code ：}) after a speaker name at the start of the text is, or -1: the name is
     * 1 to 30 characters of one line without sentence punctuation or brackets, and the colon is not part of a time
     * ({@code 10:30}) or an address ({@code https://}).
     */
    static int nameEnd(String text) {
        int limit = Math.min(text.length(), MAX_NAME + 1);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '：') {
                return isName(text, i) ? i : -1;
            }
            if ("\n。、．，！？!?「」『』()（）[]【】<>\"".indexOf(c) >= 0) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isName(String text, int colon) {
        if (text.substring(0, colon).isBlank()) {
            return false;
        }
        boolean digitBefore = Character.isDigit(text.charAt(colon - 1));
        boolean digitAfter = colon + 1 < text.length() && Character.isDigit(text.charAt(colon + 1));
        return !(digitBefore && digitAfter) && !text.startsWith("//", colon + 1);
    }

    /** The annotation of a voice start tag ({@code v 山田 太郎} or {@code v.loud 山田}), or "" for any other tag. */
    private static String voiceOf(String tag) {
        if (tag.length() < 2 || tag.charAt(0) != 'v' || " \t.".indexOf(tag.charAt(1)) < 0) {
            return "";
        }
        int space = 1;
        while (space < tag.length() && tag.charAt(space) != ' ' && tag.charAt(space) != '\t') {
            space++;
        }
        return CharacterReferences.decodeAll(tag.substring(space)).strip();
    }
}
