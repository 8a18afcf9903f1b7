package org.kairan.server.minutes;

import java.util.List;
import java.util.Locale;

/** A transcript as WebVTT (W3C): one numbered cue per segment, with a {@code <v>} voice tag when the speaker is known. */
public final class WebVtt {

    private WebVtt() {
    }

    public static String of(List<SpeechSegment> segments) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int cue = 0;
        for (SpeechSegment segment : segments) {
            vtt.append('\n').append(++cue).append('\n')
                    .append(timestamp(segment.start())).append(" --> ").append(timestamp(segment.end())).append('\n');
            if (!segment.speaker().isEmpty()) {
                vtt.append("<v ").append(escape(segment.speaker()).replace(">", "&gt;")).append('>');
            }
            vtt.append(escape(segment.text().replaceAll("\\s*\\R\\s*", " "))).append('\n');
        }
        return vtt.toString();
    }

    /** hh:mm:ss.ttt */
    static String timestamp(double seconds) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    /** Cue text may not hold a bare {@code &} or {@code <}, nor {@code -->}. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("-->", "--&gt;");
    }
}
