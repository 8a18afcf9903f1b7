package org.kairan.core.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the utterances of a plain text transcript line by line: a speaker starts one, other lines add to it, and a
 * time ends the timed utterance before it.
 */
final class Utterances {

    private final TranscriptLimits limits;
    private final List<Utterance> done = new ArrayList<>();
    private String speaker;
    private Duration start;
    private final StringBuilder text = new StringBuilder();
    private boolean open;

    Utterances(TranscriptLimits limits) {
        this.limits = limits;
    }

    /** A new utterance by the speaker, at the time if one is given. */
    void start(String name, Duration time, int line) throws TranscriptException {
        close(time);
        limits.checkCount(done.size() + 1, line);
        speaker = name;
        start = time;
        open = true;
    }

    /** A line said in the current utterance (one without speaker when none has started). */
    void continueWith(String line, int lineNumber) throws TranscriptException {
        if (!open) {
            if (line.isBlank()) {
                return;
            }
            start("", null, lineNumber);
        }
        if (!text.isEmpty() || !line.isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(line.strip());
        }
    }

    boolean hasSpeaker() {
        return (open && !speaker.isEmpty()) || done.stream().anyMatch(Utterance::hasSpeaker);
    }

    /** The utterances, the last one closed. */
    List<Utterance> finish() {
        close(null);
        return done;
    }

    private void close(Duration next) {
        if (!open) {
            return;
        }
        Duration from = start == null ? Duration.ZERO : start;
        Duration to = start != null && next != null && next.compareTo(start) > 0 ? next : from;
        done.add(new Utterance(speaker, from, to, text.toString().strip()));
        text.setLength(0);
        open = false;
    }
}
