package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.http.ApiJson;

/**
 * The engine and the conversion of recordings, with the real Vosk and the English model from Maven Central, on speech
 * espeak-ng makes at test time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechToTextTest {

    @TempDir
    Path dir;

    private VoskSpeechToText engine;
    private final Recordings recordings = new Recordings("ffmpeg");

    @BeforeAll
    void loadEngine() {
        engine = new VoskSpeechToText(SpeechSettings.defaults().withModel("en", TestAudio.englishModel()),
                ApiJson.newObjectMapper());
    }

    @AfterAll
    void close() {
        engine.close();
    }

    private List<SpeechSegment> transcribe(Path file) throws Exception {
        String name = file.getFileName().toString();
        Recordings.Recording recording = recordings.probe(file, name);
        Path pcm = dir.resolve(name + ".pcm");
        recordings.toPcm(recording, file, name, pcm, () -> false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm))) {
            return engine.transcribe("en", in, TranscriptionProgress.NONE);
        }
    }

    private static void assertMostWords(List<SpeechSegment> segments, String what) {
        double wer = WordErrorRate.of(TestAudio.BUDGET_MEETING, TestAudio.text(segments));
        assertTrue(wer < 0.35, what + ": most words are recognised (WER below 0.35), was " + wer + ": "
                + TestAudio.text(segments));
    }

    @Test
    void espeakSpeechIsTranscribedInTimeOrderWithTimedWords() throws Exception {
        Path wav = TestAudio.speak(dir, "budget.wav", TestAudio.BUDGET_MEETING);
        List<SpeechSegment> segments = transcribe(wav);
        assertMostWords(segments, "22,050 Hz mono WAV");
        assertTrue(segments.size() >= 2, "a recording of several sentences comes as several segments: " + segments.size());
        double last = 0;
        for (SpeechSegment segment : segments) {
            assertTrue(segment.start() >= last - 1e-6 && segment.end() >= segment.start(),
                    "segments are in time order and each ends after it starts: " + segment);
            assertEquals("", segment.speaker(), "speech-to-text does not name speakers");
            assertFalse(segment.words().isEmpty(), "Vosk gives the words with their times");
            for (SpokenWord word : segment.words()) {
                assertTrue(word.start() >= segment.start() - 1e-6 && word.end() <= segment.end() + 1e-6,
                        "a word lies within its segment: " + word);
            }
            last = segment.end();
        }
        double seconds = Files.size(wav) / 44_100.0;
        assertTrue(last <= seconds + 0.5, "the last word ends within the recording (" + seconds + " s): " + last);
    }

    @Test
    void stereoWavAt44kHzIsConvertedInJava() throws Exception {
        Path speech = TestAudio.speak(dir, "speech.wav", TestAudio.BUDGET_MEETING);
        Path stereo = TestAudio.convert(speech, dir.resolve("stereo44k.wav"), "-ar", "44100", "-ac", "2");
        Recordings.Recording recording = recordings.probe(stereo, "stereo44k.wav");
        assertTrue(recording.javaWave(), "a PCM WAV is converted in Java, not by ffmpeg");
        assertMostWords(transcribe(stereo), "44.1 kHz stereo WAV");
    }

    @Test
    void mp3IsConvertedByFfmpeg() throws Exception {
        Path speech = TestAudio.speak(dir, "for-mp3.wav", TestAudio.BUDGET_MEETING);
        Path mp3 = TestAudio.convert(speech, dir.resolve("meeting.mp3"), "-codec:a", "libmp3lame", "-b:a", "64k");
        Recordings.Recording recording = recordings.probe(mp3, "meeting.mp3");
        assertFalse(recording.javaWave(), "an MP3 goes through ffmpeg");
        assertTrue(recording.seconds() > 10, "ffmpeg tells the length: " + recording.seconds());
        assertMostWords(transcribe(mp3), "MP3");
    }

    @Test
    void silenceGivesNoText() throws Exception {
        assertEquals(List.of(), transcribe(TestAudio.silence(dir.resolve("silence.wav"), 20)),
                "digital silence is transcribed as nothing at all");
    }

    @Test
    void whiteNoiseGivesNoText() throws Exception {
        for (double deviation : new double[] {300, 3000, 10000}) {
            for (long seed = 1; seed <= 2; seed++) {
                List<SpeechSegment> segments = transcribe(TestAudio.noise(dir.resolve("noise.wav"), 20, deviation, seed));
                assertEquals(List.of(), segments, "white noise (σ " + deviation + ", seed " + seed
                        + ") is transcribed as nothing, never invented text: " + TestAudio.text(segments));
            }
        }
    }

    @Test
    void aTextFileNamedWavIsRefusedClearly() throws IOException {
        Path fake = dir.resolve("議事録.wav");
        Files.writeString(fake, "これは音声ではなく、テキストのファイルです。\n");
        RecordingRefusedException refused = assertThrows(RecordingRefusedException.class,
                () -> recordings.probe(fake, "議事録.wav"));
        assertEquals(RecordingRefusedException.Refusal.NOT_AUDIO, refused.refusal());
        assertTrue(refused.getMessage().startsWith("「議事録.wav」は音声ファイルとして読み取れません"),
                "the message names the file and says it is not audio, in Japanese first: " + refused.getMessage());
    }

    @Test
    void aFormatNeedingFfmpegIsRefusedWhenFfmpegIsMissing() throws Exception {
        Path speech = TestAudio.speak(dir, "short.wav", "Good morning.");
        Path ogg = TestAudio.convert(speech, dir.resolve("short.ogg"), "-codec:a", "libvorbis");
        RecordingRefusedException refused = assertThrows(RecordingRefusedException.class,
                () -> new Recordings("/nonexistent/ffmpeg").probe(ogg, "short.ogg"));
        assertEquals(RecordingRefusedException.Refusal.NO_CONVERTER, refused.refusal());
        assertTrue(refused.getMessage().contains("ffmpeg") && refused.getMessage().contains("インストールされていません"),
                "the message says ffmpeg is missing: " + refused.getMessage());
    }

    @Test
    void aLanguageWithoutModelIsReportedNamingItsSetting() {
        LanguageModel japanese = engine.language("ja");
        assertFalse(japanese.installed());
        assertEquals("日本語の音声認識モデルがインストールされていません（管理者に kairan.stt.model.ja の設定を依頼してください）",
                japanese.message());
        assertEquals("ja", engine.languages().getFirst().language(), "Japanese is always listed, first");
        assertTrue(engine.language("en").installed(), "English has its model");
        SpeechToTextException refused = assertThrows(SpeechToTextException.class,
                () -> engine.transcribe("ja", InputStream.nullInputStream(), TranscriptionProgress.NONE));
        assertEquals(japanese.message(), refused.getMessage());
    }

    @Test
    void aMissingModelDirectoryIsReportedNamingLanguageAndSetting() {
        try (VoskSpeechToText misconfigured = new VoskSpeechToText(
                SpeechSettings.defaults().withModel("ja", dir.resolve("no-such-model")), ApiJson.newObjectMapper())) {
            LanguageModel japanese = misconfigured.language("ja");
            assertFalse(japanese.installed());
            assertTrue(japanese.message().startsWith("日本語の音声認識モデルが見つかりません: ")
                    && japanese.message().contains("kairan.stt.model.ja"), japanese.message());
        }
    }

    @Test
    void cancellingStopsTheEngineAtTheNextChunk() throws Exception {
        Path wav = TestAudio.speak(dir, "cancel.wav", TestAudio.BUDGET_MEETING);
        Recordings.Recording recording = recordings.probe(wav, "cancel.wav");
        Path pcm = dir.resolve("cancel.pcm");
        recordings.toPcm(recording, wav, "cancel.wav", pcm, () -> false);
        long[] fedAtStop = new long[1];
        assertThrows(TranscriptionCancelledException.class, () -> {
            try (InputStream in = Files.newInputStream(pcm)) {
                engine.transcribe("en", in, new TranscriptionProgress() {
                    @Override
                    public void fed(long bytes) {
                        fedAtStop[0] = bytes;
                    }

                    @Override
                    public boolean cancelled() {
                        return fedAtStop[0] >= 10 * VoskSpeechToText.CHUNK_BYTES;
                    }
                });
            }
        });
        assertEquals(10L * VoskSpeechToText.CHUNK_BYTES, fedAtStop[0], "nothing is fed after the cancel");
    }

    @Test
    void wordErrorRateCountsWordEdits() {
        assertEquals(0.0, WordErrorRate.of("The budget, approved!", "the budget approved"));
        assertEquals(0.5, WordErrorRate.of("city budget", "city market"));
        assertEquals(1.0, WordErrorRate.of("one two", ""));
    }

    @Test
    void webVttHasACuePerSegment() {
        String vtt = WebVtt.of(List.of(new SpeechSegment("", 0.5, 2.25, "the budget <draft> & more", List.of()),
                new SpeechSegment("", 3661.0, 3662.5, "next", List.of())));
        assertEquals("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.250\nthe budget &lt;draft&gt; &amp; more\n\n"
                + "2\n01:01:01.000 --> 01:01:02.500\nnext\n", vtt);
    }
}
