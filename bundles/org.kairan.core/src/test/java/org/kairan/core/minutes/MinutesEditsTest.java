package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A 課内会議 from a Teams transcript becomes minutes: the recogniser's 「話者 1」 mapped once to a person for the
 * whole meeting, a cut sentence merged, two speakers heard as one split, decisions and action items marked; a
 * refused edit changes nothing.
 */
class MinutesEditsTest {

    static final String TEAMS = """
            WEBVTT

            00:00:05.000 --> 00:00:11.000
            <v 話者 1>それでは第3回財政課内会議を始めます。

            00:00:11.000 --> 00:00:15.000
            <v 話者 1>本日の議題は来年度予算の

            00:00:15.000 --> 00:00:19.000
            <v 話者 1>査定方針です。

            00:00:19.000 --> 00:00:31.000
            <v 話者 2>各課の要求額は前年度比で5%増えています。シーリングは前年度と同じにすべきです。

            00:00:31.000 --> 00:00:40.000
            <v 話者 1>では、シーリングは前年度と同じとします。佐藤さんは12月4日までに各課へ通知してください。
            """;

    static Minutes meeting() throws TranscriptException {
        Transcript transcript = Transcripts.read(TEAMS.getBytes(StandardCharsets.UTF_8), "会議.vtt");
        MeetingHeader header = new MeetingHeader("令和8年度 第3回 財政課内会議", LocalDateTime.of(2026, 11, 27, 14, 0),
                LocalDateTime.of(2026, 11, 27, 15, 0), "第2会議室",
                List.of(new Attendee("100231", "山田 太郎"), new Attendee("466475", "佐藤 花子"),
                        Attendee.guest("鈴木 一郎（監査委員事務局）")),
                List.of("来年度予算の査定方針", "補正予算の日程"));
        return Minutes.fromTranscript("m-1", "120200", header, transcript);
    }

    @Test
    void speakersAreMappedOnceForTheWholeMeeting() throws Exception {
        Minutes minutes = meeting();
        assertEquals(List.of("話者 1", "話者 2"), minutes.speakerLabels());
        Minutes named = MinutesEdits.mapSpeaker(minutes, "話者 1", new Attendee("100231", "山田 太郎"));
        assertTrue(named.utterances().stream().filter(u -> u.speaker().equals("話者 1"))
                .allMatch(u -> named.speakerName(u.speaker()).equals("山田 太郎")), "every utterance of the label");
        assertEquals("話者 2", named.speakerName("話者 2"), "a label not mapped is printed as it is");
        assertEquals("話者 1", MinutesEdits.mapSpeaker(named, "話者 1", null).speakerName("話者 1"), "taken back");
        MinutesException unknown = assertThrows(MinutesException.class,
                () -> MinutesEdits.mapSpeaker(minutes, "話者 9", Attendee.guest("誰か")));
        assertTrue(unknown.getMessage().contains("話者 9"), unknown.getMessage());
    }

    @Test
    void aCutSentenceIsMergedAndTwoSpeakersHeardAsOneAreSplit() throws Exception {
        Minutes minutes = MinutesEdits.markDecision(meeting(), "u3", "");
        Minutes merged = MinutesEdits.mergeWithNext(minutes, "u2");
        assertEquals(4, merged.utterances().size());
        MinutesUtterance joined = merged.utterance("u2").orElseThrow();
        assertEquals("本日の議題は来年度予算の査定方針です。", joined.text(), "Japanese runs on without a space");
        assertEquals(Duration.ofSeconds(11), joined.start());
        assertEquals(Duration.ofSeconds(19), joined.end());
        assertEquals("u2", merged.decisions().get(0).utteranceId(), "a mark on the merged-away part moves with it");
        MinutesException acrossSpeakers = assertThrows(MinutesException.class,
                () -> MinutesEdits.mergeWithNext(merged, "u2"));
        assertTrue(acrossSpeakers.getMessage().contains("話者の異なる発言"), acrossSpeakers.getMessage());
        assertThrows(MinutesException.class, () -> MinutesEdits.mergeWithNext(merged, "u5"), "nothing after the last");

        String said = merged.utterance("u4").orElseThrow().text();
        int cut = said.indexOf("シーリング");
        Minutes split = MinutesEdits.split(merged, "u4", cut);
        assertEquals(5, split.utterances().size());
        MinutesUtterance first = split.utterance("u4").orElseThrow();
        MinutesUtterance second = split.utterances().get(split.utterances().indexOf(first) + 1);
        assertEquals("各課の要求額は前年度比で5%増えています。", first.text());
        assertEquals("シーリングは前年度と同じにすべきです。", second.text());
        assertEquals("u6", second.id(), "the second part gets an id no utterance had");
        assertEquals(first.end(), second.start(), "the time is divided where the text is");
        assertTrue(first.end().compareTo(Duration.ofSeconds(19)) > 0 && first.end().compareTo(Duration.ofSeconds(31)) < 0);
        for (int bad : new int[] { 0, said.length(), -1 }) {
            assertThrows(MinutesException.class, () -> MinutesEdits.split(merged, "u4", bad), "split at " + bad);
        }
    }

    @Test
    void decisionsAndActionItemsAreMarkedFromUtterances() throws Exception {
        Minutes minutes = meeting();
        Minutes decided = MinutesEdits.markDecision(minutes, "u5", "シーリングは前年度と同額とする。");
        decided = MinutesEdits.markDecision(decided, "u4", " ");
        assertEquals(List.of("d1", "d2"), decided.decisions().stream().map(Decision::id).toList());
        assertEquals("シーリングは前年度と同額とする。", decided.decisions().get(0).text());
        assertEquals(minutes.utterance("u4").orElseThrow().text(), decided.decisions().get(1).text(),
                "a blank text takes the utterance's");
        Attendee sato = new Attendee("466475", "佐藤 花子");
        Minutes assigned = MinutesEdits.addActionItem(decided, "u5", "各課へシーリングを通知する", sato,
                LocalDate.of(2026, 12, 4));
        ActionItem item = assigned.actionItems().get(0);
        assertEquals("a1", item.id());
        assertEquals(sato, item.assignee());
        Minutes unmarked = MinutesEdits.unmark(assigned, "d1");
        assertEquals(List.of("d2"), unmarked.decisions().stream().map(Decision::id).toList());
        assertEquals(1, unmarked.actionItems().size());
        assertThrows(MinutesException.class, () -> MinutesEdits.unmark(unmarked, "d1"));
        assertThrows(MinutesException.class, () -> MinutesEdits.markDecision(minutes, "u99", "x"));

        Minutes corrected = MinutesEdits.correct(assigned, "u5", "では、シーリングは前年度と同額とします。");
        assertEquals("では、シーリングは前年度と同額とします。", corrected.utterance("u5").orElseThrow().text());
        assertEquals(assigned.decisions(), corrected.decisions(), "marks stay on a corrected utterance");
        assertThrows(MinutesException.class, () -> MinutesEdits.correct(assigned, "u5", "  "));
    }

    @Test
    void idsAfterTheHighestAreNew() {
        assertEquals("u10", MinutesEdits.nextId("u", java.util.stream.Stream.of("u2", "u9", "x5", "u", "uu3")));
        assertEquals("d1", MinutesEdits.nextId("d", java.util.stream.Stream.empty()));
    }
}
