package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Transcript files as the city's staff get them from Teams, Zoom, Google Meet and Japanese Windows tools. */
class TranscriptsTest {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private static Duration at(int minutes, int seconds, int millis) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds).plusMillis(millis);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTeamsTranscriptOfTheKanaiKaigiKeepsVoicesIdsTimesAndLines() throws Exception {
        String vtt = "\uFEFFWEBVTT\r\n\r\n"
                + "0f2a3c9e-1b7d-4c47-9a61-2f7e1d3c5a10/12-0\r\n00:00:03.120 --> 00:00:07.480\r\n"
                + "<v 山田 太郎>それでは、課内会議を始めます。本日の議題は三点です。</v>\r\n\r\n"
                + "0f2a3c9e-1b7d-4c47-9a61-2f7e1d3c5a10/15-0\r\n00:00:07.900 --> 00:00:12.350\r\n"
                + "<v 佐藤 花子>はい、まず来年度予算の要求状況について\r\nご報告します。</v>\r\n\r\n"
                + "0f2a3c9e-1b7d-4c47-9a61-2f7e1d3c5a10/18-1\r\n00:00:12.800 --> 00:00:15.000\r\n"
                + "<v 山田 太郎>お願いします。</v>\r\n\r\n"
                + "0f2a3c9e-1b7d-4c47-9a61-2f7e1d3c5a10/20-0\r\n01:02:03.004 --> 01:02:09.500\r\n"
                + "<v 鈴木 一郎>決裁は来週の課長会議までに回します。</v>\r\n";
        Transcript transcript = Transcripts.read(utf8(vtt), "課内会議_2026-11-26.vtt");
        assertEquals(TranscriptFormat.WEBVTT, transcript.format());
        assertEquals(TranscriptEncoding.UTF_8_BOM, transcript.encoding());
        assertEquals(List.of("山田 太郎", "佐藤 花子", "鈴木 一郎"), transcript.speakers(),
                "speakers in the order they first speak, each once");
        Utterance second = transcript.utterances().get(1);
        assertEquals(new Utterance("佐藤 花子", at(0, 7, 900), at(0, 12, 350),
                "はい、まず来年度予算の要求状況について\nご報告します。", "0f2a3c9e-1b7d-4c47-9a61-2f7e1d3c5a10/15-0"), second);
        assertEquals(Duration.ofHours(1).plus(at(2, 9, 500)), transcript.length(), "the meeting ends with its last cue");
        assertEquals(0, transcript.skippedCues());
        assertEquals("", transcript.skippedNotice());
    }

    @Test
    void aZoomTranscriptNamesTheSpeakerBeforeTheText() throws Exception {
        String vtt = "WEBVTT\n\n1\n00:00:01.020 --> 00:00:04.500\n山田 太郎: おはようございます。定刻になりましたので始めます。\n\n"
                + "2\n00:00:05.000 --> 00:00:09.250\n佐藤 花子: 画面を共有します。資料の2ページをご覧ください。\n\n"
                + "3\n00:00:09.800 --> 00:00:11.000\n山田 太郎: ありがとうございます。\n";
        Transcript transcript = Transcripts.read(utf8(vtt), "GMT20261126-010203_Recording.transcript.vtt");
        assertEquals(TranscriptEncoding.UTF_8, transcript.encoding());
        assertEquals(List.of("山田 太郎", "佐藤 花子"), transcript.speakers());
        assertEquals(List.of("1", "2", "3"), transcript.utterances().stream().map(Utterance::cueId).toList());
        assertEquals("画面を共有します。資料の2ページをご覧ください。", transcript.utterances().get(1).text(),
                "the name and colon are not part of what was said");
    }

    @Test
    void aMeetExportWithAHeaderAndBadCuesSaysHowManyWereSkipped() throws Exception {
        String vtt = "WEBVTT\nKind: captions\nLanguage: ja\n\n00:00:00.000 --> 00:00:02.000\n<v 山田>始めます</v>\n\n"
                + "00:00:02.000 --> 00:00:xx.000\n<v 佐藤>読めない時刻</v>\n\n00:61:00.000 --> 00:62:00.000\n"
                + "<v 佐藤>分が 60 以上</v>\n\n00:00:05.000 --> 00:00:07.000\n<v 佐藤>続けます</v>\n";
        Transcript transcript = Transcripts.read(utf8(vtt), "meet.vtt");
        assertEquals(List.of("始めます", "続けます"), transcript.utterances().stream().map(Utterance::text).toList());
        assertEquals(2, transcript.skippedCues());
        assertTrue(transcript.skippedNotice().startsWith("2 件の字幕を読み飛ばしました"), transcript.skippedNotice());
    }

    @Test
    void anSrtFromAJapaneseWindowsToolInShiftJisIsDetected() throws Exception {
        String srt = "1\r\n00:00:01,000 --> 00:00:04,200\r\n髙橋 次郎: ①の件から説明します。\r\n\r\n"
                + "2\r\n00:00:04,500 --> 00:00:08,000\r\n渡辺 恵子: 承知しました～。\r\n二行目です。\r\n\r\n"
                + "3\r\n00:00:08,100 --> 00:00:09,000\r\n（拍手）\r\n";
        Transcript transcript = Transcripts.read(srt.getBytes(WINDOWS_31J), "議事録.srt");
        assertEquals(TranscriptFormat.SRT, transcript.format());
        assertEquals(TranscriptEncoding.WINDOWS_31J, transcript.encoding(), "NEC and IBM extensions (①, 髙) decode");
        assertEquals(List.of("髙橋 次郎", "渡辺 恵子"), transcript.speakers());
        assertEquals(new Utterance("渡辺 恵子", at(0, 4, 500), at(0, 8, 0), "承知しました～。\n二行目です。", "2"),
                transcript.utterances().get(1));
        assertEquals(new Utterance("", at(0, 8, 100), at(0, 9, 0), "（拍手）", "3"), transcript.utterances().get(2));
    }

    @Test
    void srtFormattingIsRemovedButOtherTextKeptAsWritten() throws Exception {
        Transcript transcript = Transcripts.read(utf8("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>山田</i>: "
                + "<font color=\"#ffff00\">a < b</font> & R&D; です\n"), "a.srt");
        assertEquals(new Utterance("山田", Duration.ofSeconds(1), Duration.ofSeconds(2), "a < b & R&D; です", "1"),
                transcript.utterances().get(0));
    }

    @Test
    void utf16WithAByteOrderMarkIsReadEitherWay() throws Exception {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\n山田: はい\n";
        for (String name : List.of("UTF-16LE", "UTF-16BE")) {
            byte[] body = srt.getBytes(Charset.forName(name));
            byte[] bytes = new byte[body.length + 2];
            bytes[0] = (byte) (name.endsWith("LE") ? 0xFF : 0xFE);
            bytes[1] = (byte) (name.endsWith("LE") ? 0xFE : 0xFF);
            System.arraycopy(body, 0, bytes, 2, body.length);
            Transcript transcript = Transcripts.read(bytes, "a.srt");
            assertEquals(name.endsWith("LE") ? TranscriptEncoding.UTF_16LE_BOM : TranscriptEncoding.UTF_16BE_BOM,
                    transcript.encoding());
            assertEquals("山田", transcript.utterances().get(0).speaker(), name);
        }
    }

    @Test
    void aVttInShiftJisAndAnSrtNamedTxtAreReadByTheirContent() throws Exception {
        Transcript vtt = Transcripts.read(("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v 山田>はい</v>\r\n")
                .getBytes(WINDOWS_31J), "export.txt");
        assertEquals(TranscriptFormat.WEBVTT, vtt.format(), "the signature decides, not the extension");
        assertEquals(TranscriptEncoding.WINDOWS_31J, vtt.encoding());
        Transcript srt = Transcripts.read(utf8("\n\n1\n00:00:01,000 --> 00:00:02,000\nはい\n"), "字幕.txt");
        assertEquals(TranscriptFormat.SRT, srt.format());
    }

    @Test
    void plainTextWithSpeakerLinesKeepsSpeakersTimesAndContinuationLines() throws Exception {
        String text = "課内会議 議事録（令和8年11月26日）\n\n[00:00:05] 山田 太郎: 本日の議題は三点です。\n一点目は予算です。\n"
                + "[00:01:02] 佐藤 花子：承知しました。\n\n00:02:30 山田 太郎: 次に人事異動の件です。\n";
        Transcript transcript = Transcripts.read(text.getBytes(WINDOWS_31J), "議事録.txt");
        assertEquals(TranscriptFormat.PLAIN_TEXT, transcript.format());
        assertEquals(TranscriptEncoding.WINDOWS_31J, transcript.encoding());
        List<Utterance> u = transcript.utterances();
        assertEquals(new Utterance("", Duration.ZERO, Duration.ZERO, "課内会議 議事録（令和8年11月26日）"), u.get(0),
                "a title before the first speaker is kept, without speaker");
        assertEquals(new Utterance("山田 太郎", Duration.ofSeconds(5), Duration.ofSeconds(62),
                "本日の議題は三点です。\n一点目は予算です。"), u.get(1), "ends where the next timed utterance starts");
        assertEquals(new Utterance("佐藤 花子", Duration.ofSeconds(62), Duration.ofSeconds(150), "承知しました。"), u.get(2));
        assertEquals(List.of("山田 太郎", "佐藤 花子"), transcript.speakers());
        assertEquals(Duration.ofSeconds(150), transcript.length());
    }

    @Test
    void plainTextWithoutTimesHasSpeakersOnly() throws Exception {
        Transcript transcript = Transcripts.read(utf8("山田 太郎: 始めます。\n佐藤 花子: はい。\n"), "memo.txt");
        assertEquals(List.of("山田 太郎", "佐藤 花子"), transcript.speakers());
        assertTrue(!transcript.hasTimes(), "no times in the file, none made up");
    }

    @Test
    void plainTextWithTheSpeakerOnItsOwnLineBeforeTheParagraph() throws Exception {
        String text = "山田 太郎  0:03\n本日の議題は三点です。\nよろしくお願いします。\n\n佐藤 花子  0:15\nはい。\n\n"
                + "山田 太郎  1:02:07\n以上で終わります。\n";
        Transcript transcript = Transcripts.read(utf8(text), "Teams の文字起こし.txt");
        assertEquals(List.of("山田 太郎", "佐藤 花子", "山田 太郎"),
                transcript.utterances().stream().map(Utterance::speaker).toList());
        assertEquals(new Utterance("山田 太郎", Duration.ofSeconds(3), Duration.ofSeconds(15),
                "本日の議題は三点です。\nよろしくお願いします。"), transcript.utterances().get(0));
        assertEquals(Duration.ofSeconds(3727), transcript.utterances().get(2).start());

        Transcript untimed = Transcripts.read(utf8("山田\n始めます。\n\n佐藤\nはい。\n続けてください\n\n山田\n以上です。\n"),
                "memo.txt");
        assertEquals(List.of("山田", "佐藤"), untimed.speakers(), "山田 heads two paragraphs, so short first lines name the speaker");
        assertEquals("はい。\n続けてください", untimed.utterances().get(1).text());
    }
}
