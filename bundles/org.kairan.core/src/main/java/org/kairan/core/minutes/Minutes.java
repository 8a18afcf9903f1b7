package org.kairan.core.minutes;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 議事録 being written: the meeting's head, the utterances (from a transcript or the speech recogniser, then
 * corrected, merged and split), who each speaker label is (mapped once for the whole meeting), the 決定事項 and
 * action items marked from utterances, and the summary (要旨). Changes are made through {@link MinutesEdits}; each
 * gives new minutes.
 *
 * @param id           the minutes' id (a UUID chosen where they were made)
 * @param unitCode     the 課 the minutes belong to
 * @param header       会議名, 日時, 場所, 出席者, 議題
 * @param utterances   in the order spoken
 * @param speakers     speaker label → the person it is; labels not mapped are printed as they are
 * @param decisions    決定事項, in order
 * @param actionItems  今後の対応, in order
 * @param summary      要旨, empty until written or drafted
 * @param recording    the meeting's recording on the server (the id of the speech-to-text job it was transcribed
 *                     by), which the editor plays from an utterance's time; empty when there is none (a transcript
 *                     imported from a file)
 */
public record Minutes(String id, String unitCode, MeetingHeader header, List<MinutesUtterance> utterances,
        Map<String, Attendee> speakers, List<Decision> decisions, List<ActionItem> actionItems, String summary,
        String recording) {

    public Minutes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(header, "header");
        utterances = List.copyOf(utterances);
        speakers = Map.copyOf(speakers);
        decisions = List.copyOf(decisions);
        actionItems = List.copyOf(actionItems);
        Objects.requireNonNull(summary, "summary");
        recording = recording == null ? "" : recording;
    }

    /**
     * New minutes from a transcript: one utterance per transcript line, ids {@code u1, u2, …}; nothing mapped,
     * marked or summarised yet.
     */
    public static Minutes fromTranscript(String id, String unitCode, MeetingHeader header, Transcript transcript) {
        List<MinutesUtterance> utterances = new ArrayList<>();
        for (Utterance u : transcript.utterances()) {
            utterances.add(new MinutesUtterance("u" + (utterances.size() + 1), u.speaker(), u.start(), u.end(),
                    u.text()));
        }
        return new Minutes(id, unitCode, header, utterances, Map.of(), List.of(), List.of(), "", "");
    }

    /** The name printed for a speaker label: the person it was mapped to, else the label itself. */
    public String speakerName(String label) {
        Attendee person = speakers.get(label);
        return person != null ? person.name() : label;
    }

    /** The speaker labels in the order they first speak (an empty label is not one). */
    public List<String> speakerLabels() {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        utterances.stream().map(MinutesUtterance::speaker).filter(s -> !s.isEmpty()).forEach(s -> labels.put(s, true));
        return List.copyOf(labels.keySet());
    }

    public Optional<MinutesUtterance> utterance(String utteranceId) {
        return utterances.stream().filter(u -> u.id().equals(utteranceId)).findFirst();
    }

    /** When an utterance was said, in the office's time (the meeting's start plus its offset). */
    public LocalDateTime timeOf(MinutesUtterance utterance) {
        return header.startsAt().plus(utterance.start());
    }

    Minutes with(List<MinutesUtterance> newUtterances, Map<String, Attendee> newSpeakers,
            List<Decision> newDecisions, List<ActionItem> newActionItems, String newSummary) {
        return new Minutes(id, unitCode, header, newUtterances, newSpeakers, newDecisions, newActionItems, newSummary,
                recording);
    }

    public Minutes withHeader(MeetingHeader newHeader) {
        return new Minutes(id, unitCode, newHeader, utterances, speakers, decisions, actionItems, summary, recording);
    }

    /** The same minutes, played from {@code newRecording} (a speech-to-text job's id; empty for none). */
    public Minutes withRecording(String newRecording) {
        return new Minutes(id, unitCode, header, utterances, speakers, decisions, actionItems, summary, newRecording);
    }

    /** Whether the meeting's recording is on the server, to be played from an utterance. */
    public boolean hasRecording() {
        return !recording.isEmpty();
    }

    public Minutes withSummary(String newSummary) {
        return with(utterances, speakers, decisions, actionItems, newSummary);
    }
}
