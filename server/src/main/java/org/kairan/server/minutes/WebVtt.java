package org.kairan.server.minutes;

import java.time.Duration;
import java.util.List;

import org.kairan.core.minutes.MinutesWriters;
import org.kairan.core.minutes.Utterance;

/** A transcript as WebVTT (W3C), written by core's writer: one numbered cue per segment. */
public final class WebVtt {

    private WebVtt() {
    }

    public static String of(List<SpeechSegment> segments) {
        return MinutesWriters.webVtt(segments.stream().map(s -> new Utterance(s.speaker(), seconds(s.start()),
                seconds(s.end()), s.text())).toList());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(Math.max(0, seconds) * 1000));
    }
}
