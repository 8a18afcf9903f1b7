package org.kairan.core.minutes;

import java.util.Objects;

/**
 * The characters of a transcript file and the encoding they were decoded from; a byte order mark is not part of
 * the text.
 */
public record DecodedText(String text, TranscriptEncoding encoding) {

    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** Text that was UTF-8 from the start (tests, or a caller that has a String already). */
    public static DecodedText utf8(String text) {
        return new DecodedText(text.startsWith("\uFEFF") ? text.substring(1) : text, TranscriptEncoding.UTF_8);
    }
}
