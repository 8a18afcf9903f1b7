package org.kairan.core.minutes;

import java.time.Duration;
import java.util.Objects;

/**
 * One utterance (発言) of the minutes being edited: what a transcript line became, with an id of its own that
 * decisions and action items point to and that stays when its text is corrected.
 *
 * @param id      stable within the minutes
 * @param speaker the speaker's label as the transcript or the speech recogniser gave it (「話者 1」, 山田 太郎);
 *                {@link Minutes#speakerName} gives the person it was mapped to
 * @param start   from the start of the recording
 * @param end     from the start of the recording
 * @param text    what was said
 */
public record MinutesUtterance(String id, String speaker, Duration start, Duration end, String text) {

    public MinutesUtterance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
    }

    MinutesUtterance withText(String newText) {
        return new MinutesUtterance(id, speaker, start, end, newText);
    }
}
