package org.kairan.server.minutes;

import java.util.List;
import java.util.Objects;

/**
 * One stretch of a recording as the engine recognised it (an utterance between pauses). Kept in the server's own
 * package: the minutes' {@code Utterance} of org.kairan.core can be made from it.
 *
 * @param speaker who spoke; empty, as speech-to-text does not tell speakers apart (the minutes editor names them)
 * @param start   seconds from the recording's start
 * @param end     seconds from the recording's start
 * @param text    the words as text
 * @param words   each word with its times, when the engine gives them (else empty)
 */
public record SpeechSegment(String speaker, double start, double end, String text, List<SpokenWord> words) {

    public SpeechSegment {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        words = words == null ? List.of() : List.copyOf(words);
        if (end < start) {
            throw new IllegalArgumentException("a segment ends before it starts: " + start + " > " + end);
        }
    }
}
