package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The 会議録 as text and WebVTT: the layout offices expect, 和暦 dates, and a WebVTT that reads back the same. */
class MinutesWritersTest {

    private static Minutes edited() throws Exception {
        Minutes minutes = MinutesEditsTest.meeting();
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 1", new Attendee("100231", "山田 太郎"));
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 2", new Attendee("466475", "佐藤 花子"));
        minutes = MinutesEdits.markDecision(minutes, "u5", "シーリングは前年度と同額とする。");
        minutes = MinutesEdits.addActionItem(minutes, "u5", "各課へシーリングを通知する",
                new Attendee("466475", "佐藤 花子"), LocalDate.of(2026, 12, 4));
        minutes = MinutesEdits.addActionItem(minutes, "u4", "要求額の増加理由を整理する", null, null);
        return minutes.withSummary("来年度予算の査定方針を協議し、シーリングを前年度と同額とすることとした。");
    }

    @Test
    void theSheetHasTheHeadAndSectionsOfAKaigiroku() throws Exception {
        MinutesSheet sheet = MinutesSheet.of(edited());
        assertEquals("令和8年度 第3回 財政課内会議 会議録", sheet.title());
        assertEquals(new MinutesSheet.Line("日時", "令和8年11月27日（金）14時00分～15時00分"), sheet.head().get(0));
        assertEquals(new MinutesSheet.Line("場所", "第2会議室"), sheet.head().get(1));
        assertEquals("山田 太郎、佐藤 花子、鈴木 一郎（監査委員事務局）", sheet.head().get(2).value());
        assertEquals(new MinutesSheet.Line("議題", "1. 来年度予算の査定方針"), sheet.head().get(3));
        assertEquals(new MinutesSheet.Line("", "2. 補正予算の日程"), sheet.head().get(4));
        assertEquals(List.of("要旨", "決定事項", "今後の対応", "議事の経過"),
                sheet.sections().stream().map(MinutesSheet.Section::heading).toList());
        MinutesSheet.Section actions = sheet.sections().get(2);
        assertEquals(List.of("各課へシーリングを通知する", "佐藤 花子", "令和8年12月4日（金）"), actions.rows().get(0).cells());
        assertEquals(List.of("要求額の増加理由を整理する", "未定", "－"), actions.rows().get(1).cells());
        MinutesSheet.Section record = sheet.sections().get(3);
        assertEquals(List.of("0:00:05", "山田 太郎", "それでは第3回財政課内会議を始めます。"), record.rows().get(0).cells());

        MinutesSheet bare = MinutesSheet.of(MinutesEditsTest.meeting());
        assertEquals(List.of("議事の経過"), bare.sections().stream().map(MinutesSheet.Section::heading).toList(),
                "sections with nothing to say are left out");
    }

    @Test
    void plainTextReadsLikeThePrintedForm() throws Exception {
        String text = MinutesWriters.plainText(edited());
        assertTrue(text.startsWith("令和8年度 第3回 財政課内会議 会議録\n\n日　時　令和8年11月27日（金）14時00分～15時00分\n"),
                text);
        assertTrue(text.contains("\n【決定事項】\n1. シーリングは前年度と同額とする。\n"), text);
        assertTrue(text.contains("各課へシーリングを通知する（担当：佐藤 花子、期限：令和8年12月4日（金））"), text);
        assertTrue(text.contains("[0:00:19] 佐藤 花子：各課の要求額"), text);
    }

    @Test
    void webVttReadsBackWithTheNamesAndTimes() throws Exception {
        Minutes minutes = MinutesEdits.correct(edited(), "u1", "<b>開会</b> & 挨拶 --> 議題へ");
        String vtt = MinutesWriters.webVtt(minutes);
        assertTrue(vtt.startsWith("WEBVTT\n\nu1\n00:00:05.000 --> 00:00:11.000\n<v 山田 太郎>"), vtt);
        Transcript back = Transcripts.read(vtt.getBytes(StandardCharsets.UTF_8), "議事録.vtt");
        assertEquals(minutes.utterances().size(), back.utterances().size());
        for (int i = 0; i < back.utterances().size(); i++) {
            MinutesUtterance written = minutes.utterances().get(i);
            Utterance read = back.utterances().get(i);
            assertEquals(minutes.speakerName(written.speaker()), read.speaker());
            assertEquals(written.start(), read.start());
            assertEquals(written.text(), read.text(), "markup in the text comes back as the characters typed");
            assertEquals(written.id(), read.cueId());
        }
    }
}
