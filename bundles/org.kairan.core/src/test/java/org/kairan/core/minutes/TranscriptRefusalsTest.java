package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused with a Japanese message naming the line, and nothing of it is returned. */
class TranscriptRefusalsTest {

    private static TranscriptException refused(Executable reading) {
        return assertThrows(TranscriptException.class, reading);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        for (byte[] empty : new byte[][] {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(" \r\n\n\t")}) {
            TranscriptException e = refused(() -> Transcripts.read(empty, "会議.vtt"));
            assertEquals(TranscriptProblem.EMPTY, e.problem());
            assertEquals("ファイルが空です", e.getMessage());
        }
        TranscriptException noCues = refused(() -> Transcripts.read(utf8("WEBVTT\n\nNOTE まだ何もありません\n"), "a.vtt"));
        assertEquals(TranscriptProblem.EMPTY, noCues.problem(), "a valid WebVTT file without cues is no transcript");
        assertEquals("発言が 1 件もありません", noCues.getMessage());
        TranscriptException allBad = refused(() -> Transcripts.read(
                utf8("WEBVTT\n\n00:00:0x.000 --> 00:00:01.000\nはい\n"), "a.vtt"));
        assertEquals("発言が 1 件もありません（1 件の字幕はすべて時刻が読めませんでした）", allBad.getMessage());
    }

    @Test
    void aPdfARecordingOrAnOfficeFileIsNotATranscript() {
        TranscriptException pdf = refused(() -> Transcripts.read(
                utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\n"), "議事録.pdf"));
        assertEquals(TranscriptProblem.NOT_A_TRANSCRIPT, pdf.problem());
        assertTrue(pdf.getMessage().contains("PDF ファイルです"), pdf.getMessage());
        byte[] mp4 = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        assertTrue(refused(() -> Transcripts.read(mp4, "会議.mp4")).getMessage().contains("音声・動画ファイル"));
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertTrue(refused(() -> Transcripts.read(docx, "議事録.docx")).getMessage().contains("Office"));
    }

    @Test
    void binaryDataIsNotATranscript() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 32);
        }
        TranscriptException e = refused(() -> Transcripts.read(binary, "data.bin"));
        assertEquals(TranscriptProblem.NOT_A_TRANSCRIPT, e.problem());
        assertTrue(e.getMessage().contains("文字でないデータ"), e.getMessage());
    }

    @Test
    void textWithoutSpeakersIsNotATranscript() {
        TranscriptException e = refused(() -> Transcripts.read(
                utf8("本日は晴天なり。\n明日も晴れるでしょう。\n"), "天気.txt"));
        assertEquals(TranscriptProblem.NOT_A_TRANSCRIPT, e.problem());
        assertTrue(e.getMessage().startsWith("発言者が見つかりません"), e.getMessage());
        TranscriptException vtt = refused(() -> Transcripts.read(utf8("本日は晴天なり。\n"), "a.vtt"));
        assertEquals("1 行目: WebVTT ファイルではありません（1 行目が「WEBVTT」で始まっていません）", vtt.getMessage(),
                "a .vtt file without the signature");
    }

    @Test
    void bytesThatAreNeitherUtf8NorShiftJisAreRefusedNamingTheLine() {
        byte[] head = utf8("1\n00:00:01,000 --> 00:00:02,000\n");
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = 'a';
        bytes[head.length + 1] = (byte) 0x81;
        bytes[head.length + 2] = ' ';
        bytes[head.length + 3] = (byte) 0xFF;
        TranscriptException e = refused(() -> Transcripts.read(bytes, "a.srt"));
        assertEquals(TranscriptProblem.UNDECODABLE, e.problem());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("3 行目: 文字コードが読めません（UTF-8 でも Shift_JIS でも"), e.getMessage());
        byte[] badUtf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xD8};
        assertEquals(TranscriptProblem.UNDECODABLE, refused(() -> Transcripts.read(badUtf16, "a.srt")).problem(),
                "a lone surrogate in UTF-16");
    }

    @Test
    void aTruncatedFileIsRefusedNotShortened() {
        TranscriptException vtt = refused(() -> Transcripts.read(utf8(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 山田>はい</v>\n\n00:00:03.000 --> 00:00:0"), "a.vtt"));
        assertEquals(TranscriptProblem.TRUNCATED, vtt.problem());
        assertEquals(6, vtt.line());
        TranscriptException srt = refused(() -> Transcripts.read(utf8(
                "1\n00:00:01,000 --> 00:00:02,000\n山田: はい\n\n2\n00:00:03,00"), "a.srt"));
        assertEquals(TranscriptProblem.TRUNCATED, srt.problem());
        assertEquals("6 行目: ファイルが途中で切れています（最後の字幕の時刻が不完全です: 00:00:03,00）", srt.getMessage());
        TranscriptException number = refused(() -> Transcripts.read(utf8(
                "1\n00:00:01,000 --> 00:00:02,000\n山田: はい\n\n2"), "a.srt"));
        assertEquals(TranscriptProblem.TRUNCATED, number.problem(), "cut after the subtitle number");
    }

    @Test
    void aMalformedSrtTimestampNamesTheLineAndTheTime() {
        TranscriptException e = refused(() -> Transcripts.read(utf8(
                "1\n00:00:01,000 --> 00:00:04,000\n山田: 始めます\n\n2\n00:01:xx,000 --> 00:01:05,000\n佐藤: はい\n"), "a.srt"));
        assertEquals(TranscriptProblem.BAD_TIMESTAMP, e.problem());
        assertEquals(6, e.line());
        assertEquals("6 行目: 時刻の書式が正しくありません (00:01:xx,000)", e.getMessage());
        TranscriptException end = refused(() -> Transcripts.read(utf8(
                "1\n00:00:01,000 --> 00:00:61,000\nはい\n"), "a.srt"));
        assertEquals("2 行目: 時刻の書式が正しくありません (00:00:61,000)", end.getMessage(), "seconds stop at 59");
        TranscriptException missing = refused(() -> Transcripts.read(utf8(
                "1\n00:00:01,000 --> 00:00:02,000\nはい\n\n2\nいいえ\n"), "a.srt"));
        assertEquals(TranscriptProblem.BAD_TIMESTAMP, missing.problem());
        assertEquals(6, missing.line());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsReadToTheEnd() throws IOException {
        TranscriptLimits oneMegabyte = new TranscriptLimits(1024 * 1024, 1000);
        CountingEndlessStream endless = new CountingEndlessStream();
        TranscriptException e = refused(() -> Transcripts.read(endless, "huge.vtt", oneMegabyte));
        assertEquals(TranscriptProblem.TOO_LARGE, e.problem());
        assertEquals("ファイルが大きすぎます（上限 1 MB）。会議ごとに分けたファイルを選んでください", e.getMessage());
        assertEquals(1024 * 1024 + 1, endless.served, "one byte past the limit is read, no more");
        assertEquals(TranscriptProblem.TOO_LARGE,
                refused(() -> Transcripts.read(new byte[1024 * 1024 + 1], "a.vtt", oneMegabyte)).problem());
        assertTrue(TranscriptLimits.DEFAULT.maxBytes() == 50L * 1024 * 1024, "50 MB by default");
    }

    @Test
    void tooManyUtterancesAreRefusedAtTheFirstOneOverTheLimit() {
        TranscriptLimits three = new TranscriptLimits(1024, 3);
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < 4; i++) {
            vtt.append("\n00:00:0").append(i).append(".000 --> 00:00:0").append(i + 1).append(".000\nはい\n");
        }
        TranscriptException e = refused(() -> Transcripts.read(utf8(vtt.toString()), "a.vtt", three));
        assertEquals(TranscriptProblem.TOO_MANY_UTTERANCES, e.problem());
        assertEquals(12, e.line(), "the timings line of the fourth cue");
        assertEquals("12 行目: 発言が多すぎます（上限 3 件）", e.getMessage());
        assertEquals(TranscriptProblem.TOO_MANY_UTTERANCES, refused(() -> Transcripts.read(
                utf8("a: 1\nb: 2\nc: 3\nd: 4\n"), "a.txt", three)).problem());
    }

    /** A stream that never ends, counting what it served. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            served += len;
            return len;
        }
    }
}
