package org.kairan.core.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A meeting transcript as read from a file: the utterances in the order of the file, and where it came from.
 *
 * @param utterances  what was said, in file order
 * @param format      the format of the file
 * @param encoding    the character encoding of the file
 * @param skippedCues how many WebVTT cues were skipped because their times could not be read (the WebVTT parser
 *                    drops such a cue and goes on), so the user can be told 「2 件の字幕を読み飛ばしました」; 0 for
 *                    the other formats, which refuse such a file instead
 */
public record Transcript(List<Utterance> utterances, TranscriptFormat format, TranscriptEncoding encoding,
        int skippedCues) {

    public Transcript {
        utterances = List.copyOf(utterances);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoding, "encoding");
        if (skippedCues < 0) {
            throw new IllegalArgumentException("skippedCues < 0");
        }
    }

    /** The named speakers in the order they first speak; utterances without a speaker are not counted. */
    public List<String> speakers() {
        Set<String> speakers = new LinkedHashSet<>();
        for (Utterance utterance : utterances) {
            if (utterance.hasSpeaker()) {
                speakers.add(utterance.speaker());
            }
        }
        return new ArrayList<>(speakers);
    }

    /** How long the meeting ran: the latest end (or start) of any utterance; zero for a transcript without times. */
    public Duration length() {
        Duration length = Duration.ZERO;
        for (Utterance utterance : utterances) {
            Duration last = utterance.end().compareTo(utterance.start()) > 0 ? utterance.end() : utterance.start();
            if (last.compareTo(length) > 0) {
                length = last;
            }
        }
        return length;
    }

    /** Whether the file gave times (plain text may not). */
    public boolean hasTimes() {
        return length().compareTo(Duration.ZERO) > 0;
    }

    /** The notice for the user when cues were skipped (「2 件の字幕を読み飛ばしました」); empty when none were. */
    public String skippedNotice() {
        return skippedCues == 0 ? "" : skippedCues + " 件の字幕を読み飛ばしました（時刻が読めませんでした）";
    }
}
