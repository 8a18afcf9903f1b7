package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules of the W3C WebVTT parser algorithm checked with inputs of our own, for the web-platform-tests cases whose
 * data files we could not copy byte for byte (signature, BOM, header, newlines, NUL, form feed, 60 minutes/seconds,
 * end of file), and for the cue text markup Teams writes.
 */
class WebVttSpecRulesTest {

    private static final String CUE = "00:00:00.000 --> 00:00:01.000\n";

    private static Transcript read(String text) throws TranscriptException {
        return new WebVttReader().read(DecodedText.utf8(text), TranscriptLimits.DEFAULT);
    }

    private static List<String> texts(Transcript transcript) {
        return transcript.utterances().stream().map(Utterance::text).toList();
    }

    private static List<String> ids(Transcript transcript) {
        return transcript.utterances().stream().map(Utterance::cueId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBVTT\n\n", "WEBVTT - 課内会議\n\n", "WEBVTT\ttab\n\n", "\uFEFFWEBVTT\n\n",
            "WEBVTT\r\n\r\n", "WEBVTT\r\r"})
    void theSignatureIsWebvttAloneOrFollowedBySpaceTabOrLineEnd(String signature) throws TranscriptException {
        assertEquals(List.of("text1"), texts(read(signature + CUE + "text1\n")), "one cue after «" + signature + "»");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBVTTX\n\n", " WEBVTT\n\n", "webvtt\n\n", "WEB VTT\n\n", "\n", "1\n"})
    void anythingElseBeforeTheFirstCueIsNotWebvtt(String signature) {
        TranscriptException refused = assertThrows(TranscriptException.class, () -> read(signature + CUE + "x\n"));
        assertEquals(TranscriptProblem.NOT_A_TRANSCRIPT, refused.problem());
        assertEquals(1, refused.line());
        assertTrue(refused.getMessage().startsWith("1 行目: WebVTT ファイルではありません"), refused.getMessage());
    }

    @Test
    void aSignatureAloneIsAValidFileWithoutCues() throws TranscriptException {
        assertEquals(0, read("WEBVTT").utterances().size(), "no line end after the signature");
        assertEquals(0, read("WEBVTT\n").utterances().size());
        assertEquals(0, read("WEBVTT \n\n\n").utterances().size());
    }

    @Test
    void headerLinesAfterTheSignatureAreIgnored() throws TranscriptException {
        Transcript zoomHeader = read("WEBVTT\nKind: captions\nLanguage: ja\n\n" + CUE + "text1\n");
        assertEquals(List.of("text1"), texts(zoomHeader), "header lines up to the blank line are not a cue");
        assertEquals(List.of("text1"), texts(read("WEBVTT\n" + CUE + "text1\n")),
                "timings right under the signature end the header and start a cue (the parser goes back)");
    }

    @Test
    void noteStyleAndRegionBlocksAreNotCues() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\nSTYLE\n::cue { color: lime }\n\nREGION\nid:r1 width:40%\n\n"
                + "NOTE これはコメントです\n二行目\n\n" + CUE + "text1\n\nNOTE 途中のコメント\n\n" + CUE + "text2\n");
        assertEquals(List.of("text1", "text2"), texts(transcript));
        assertEquals(0, transcript.skippedCues(), "blocks without timings are not skipped cues");
    }

    @Test
    void crLfAndCrLfEachEndALine() throws TranscriptException {
        Transcript transcript = read("WEBVTT\r\rcr\r00:00:00.000 --> 00:00:01.000\rtext1\r\rcrlf\r\n"
                + "00:00:00.000 --> 00:00:01.000\r\ntext2\r\n\r\nlf\n00:00:00.000 --> 00:00:01.000\ntext3\n\n\r"
                + "lfcr\n00:00:00.000 --> 00:00:01.000\nline1\rline2\r\nline3\n");
        assertEquals(List.of("cr", "crlf", "lf", "lfcr"), ids(transcript));
        assertEquals(List.of("text1", "text2", "text3", "line1\nline2\nline3"), texts(transcript),
                "the lines of a cue are joined with LF whatever ended them");
    }

    @Test
    void nulBecomesTheReplacementCharacter() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n\0 (null in id)\n" + CUE + "\0text\0" + "3\n");
        assertEquals(List.of("\uFFFD (null in id)"), ids(transcript));
        assertEquals(List.of("\uFFFDtext\uFFFD3"), texts(transcript));
    }

    @Test
    void spaceTabAndFormFeedMaySurroundTheArrowButNotAVerticalTab() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\nspaces\n   00:00:00.000    -->  00:00:01.000 \ntext1\n\n"
                + "tabs\n\t00:00:00.000\t-->\t00:00:01.000\t\ntext2\n\nform feed\n\f00:00:00.000\f-->\f00:00:01.000\f\n"
                + "text3\n\nvertical tab\n\u000B00:00:00.000\u000B-->\u000B00:00:01.000\u000B\ntext4\n");
        assertEquals(List.of("spaces", "tabs", "form feed"), ids(transcript));
        assertEquals(1, transcript.skippedCues(), "the cue with vertical tabs is skipped");
    }

    @Test
    void minutesAndSecondsStopAt59ButHoursDoNot() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n00:00:60.000 --> 00:00:61.000\nbad seconds\n\n"
                + "00:60:00.000 --> 00:61:00.000\nbad minutes\n\n60:00.000 --> 61:00.000\nbad minutes alone\n\n"
                + "60:00:00.000 --> 61:00:00.000\nsixty hours\n\n00:59.999 --> 01:00.000\nminutes and seconds\n");
        assertEquals(List.of("sixty hours", "minutes and seconds"), texts(transcript));
        assertEquals(Duration.ofHours(60), transcript.utterances().get(0).start());
        assertEquals(Duration.ofMillis(59_999), transcript.utterances().get(1).start());
        assertEquals(3, transcript.skippedCues());
    }

    @Test
    void garbageAfterTimingsIsTakenForSettingsAndIgnored() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n00:00:00.000 --> 00:00:01.000garbage\ntext1\n\n"
                + "00:00:00.000 --> 00:00:01.000 line:0 align:start position:10%\ntext2\n\n"
                + "00:00:00.000 --> 00:00:01.00\ntext3\n\n00:00:00.000 - 00:00:01.000\ntext4\n");
        assertEquals(List.of("text1", "text2"), texts(transcript));
        assertEquals(1, transcript.skippedCues(),
                "two digits of milliseconds: the cue is skipped; a block without an arrow is no cue at all");
    }

    @Test
    void aLineWithAnArrowInsideACueStartsTheNextBlock() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n" + CUE + "line one\nline two\n00:00:02.000 --> 00:00:03.000\n"
                + "next\n\n\n\n" + CUE + "after blank lines\n");
        assertEquals(List.of("line one\nline two", "next", "after blank lines"), texts(transcript));
        assertEquals(Duration.ofSeconds(2), transcript.utterances().get(1).start());
    }

    @Test
    void aCueAtTheEndWithoutTextOrLineEndIsStillACue() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n" + CUE + "text1\n\n00:00:01.000 --> 00:00:02.000");
        assertEquals(List.of("text1", ""), texts(transcript));
    }

    @Test
    void aFileCutInTheLastTimingsIsRefusedNotSilentlyShortened() {
        TranscriptException cut = assertThrows(TranscriptException.class,
                () -> read("WEBVTT\n\n" + CUE + "text1\n\n00:01:02.000 --> 00:01:0"));
        assertEquals(TranscriptProblem.TRUNCATED, cut.problem());
        assertEquals(6, cut.line());
        assertEquals("6 行目: ファイルが途中で切れています（最後の字幕の時刻が不完全です: 00:01:02.000 --> 00:01:0）",
                cut.getMessage());
        assertEquals(TranscriptProblem.TRUNCATED, assertThrows(TranscriptException.class,
                () -> read("WEBVTT\n\n" + CUE + "text1\n\n00:01:0")).problem(), "cut before the arrow");
        assertEquals(TranscriptProblem.TRUNCATED, assertThrows(TranscriptException.class,
                () -> read("WEBVTT\n\n" + CUE + "text1\n\nid\n00:01:02.000 -")).problem(), "cut after a cue id");
    }

    @Test
    void voiceSpansGiveTheSpeakerAndOtherMarkupIsRemoved() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n" + CUE + "<v.loud 山田 太郎>本日は<b>予算</b>&amp;<i>人事</i>の"
                + "<c.yellow>二点</c>です。&lt;資料1&gt;</v>\n\n" + CUE + "<v 佐藤&amp;花子>は<00:00:00.500>い</v>\n\n"
                + CUE + "<v>名前のない声</v>\n\n" + CUE + "<ruby>議事録<rt>ぎじろく</rt></ruby>&nbsp;です");
        List<Utterance> u = transcript.utterances();
        assertEquals("山田 太郎", u.get(0).speaker());
        assertEquals("本日は予算&人事の二点です。<資料1>", u.get(0).text());
        assertEquals("佐藤&花子", u.get(1).speaker());
        assertEquals("はい", u.get(1).text(), "timestamp tags inside a cue are not text");
        assertEquals("", u.get(2).speaker(), "a voice tag without a name gives no speaker");
        assertEquals("名前のない声", u.get(2).text());
        assertEquals("議事録ぎじろく です", u.get(3).text());
    }

    @Test
    void aNamePrefixGivesTheSpeakerWhenThereIsNoVoiceSpan() throws TranscriptException {
        Transcript transcript = read("WEBVTT\n\n" + CUE + "山田 太郎: 始めます。\n\n" + CUE + "佐藤：はい。\n\n"
                + CUE + "開始は 10:30 です\n\n" + CUE + "10:30: 開始\n\n" + CUE + "資料は https://example.jp/a です\n\n"
                + CUE + "「注意」: これは発言です");
        List<Utterance> u = transcript.utterances();
        assertEquals(List.of("山田 太郎", "佐藤", "", "", "", ""), u.stream().map(Utterance::speaker).toList(),
                "a time, an address or a quoted phrase before a colon is not a name");
        assertEquals(List.of("始めます。", "はい。", "開始は 10:30 です", "10:30: 開始", "資料は https://example.jp/a です",
                "「注意」: これは発言です"), texts(transcript));
    }
}
