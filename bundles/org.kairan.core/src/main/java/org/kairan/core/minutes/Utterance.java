package org.kairan.core.minutes;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing said in a meeting (発言): who said it, when, and what.
 *
 * @param speaker the speaker's name as the transcript gives it (山田 太郎); empty when the transcript does not say
 * @param start   when the utterance starts, from the start of the recording
 * @param end     when it ends; a WebVTT cue may end before it starts (the spec keeps such cues), so this is not checked
 * @param text    what was said, plain text without markup; several lines are joined with {@code \n}
 * @param cueId   the cue identifier of a WebVTT cue or the number of an SRT subtitle; empty when there is none
 */
public record Utterance(String speaker, Duration start, Duration end, String text, String cueId) {

    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cueId, "cueId");
    }

    /** An utterance without a cue id. */
    public Utterance(String speaker, Duration start, Duration end, String text) {
        this(speaker, start, end, text, "");
    }

    /** Whether the transcript named the speaker. */
    public boolean hasSpeaker() {
        return !speaker.isEmpty();
    }

    /** Whether the cue had an identifier. */
    public boolean hasCueId() {
        return !cueId.isEmpty();
    }
}
