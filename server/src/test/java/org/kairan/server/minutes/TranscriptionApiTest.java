package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.ApiError;
import org.kairan.server.ServerConfig;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Speech-to-text through the real server (H2, the English model configured, the real Vosk and ffmpeg) as a desktop
 * uses it: upload → poll → transcript as JSON and WebVTT, cancel, delete, the languages, and recordings refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptionApiTest {

    /**
     * The recording limit of these tests: above the longest recording they upload (≈7 MB), and below the 64 MB a
     * refused body is still read and thrown away up to, so the client reliably reads the 413 instead of a broken pipe.
     */
    private static final long LIMIT = 16L << 20;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path audio;

    private RunningServer running;
    private String shuji;
    private String kacho;

    @BeforeAll
    void start() {
        running = RunningServer.start(config(dataDir));
        running.withTestRoster();
        shuji = running.sessionFor(TestRoster.SHUJI);
        kacho = running.sessionFor(TestRoster.KACHO);
    }

    static ServerConfig config(Path data) {
        return RunningServer.config(data, null).toBuilder()
                .speech(SpeechSettings.defaults().withModel("en", TestAudio.englishModel()).withMaxUploadBytes(LIMIT))
                .build();
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private HttpResponse<String> upload(String token, String language, String name, byte[] bytes) {
        return running.send(HttpRequest.newBuilder(running.uri("/api/minutes/transcriptions?language=" + language))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private TranscriptionJob uploaded(String token, String language, Path file) throws IOException {
        HttpResponse<String> response = upload(token, language, file.getFileName().toString(), Files.readAllBytes(file));
        assertEquals(202, response.statusCode(), "the recording is accepted: " + response.body());
        TranscriptionJob job = running.read(response, TranscriptionJob.class);
        assertEquals(JobState.WAITING, job.state());
        assertEquals("待機中", job.status());
        return job;
    }

    private TranscriptionJob job(String token, String id) {
        HttpResponse<String> response = running.get("/api/minutes/transcriptions/" + id, token);
        assertEquals(200, response.statusCode(), response.body());
        return running.read(response, TranscriptionJob.class);
    }

    private TranscriptionJob awaitFinished(String token, String id, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            TranscriptionJob job = job(token, id);
            if (job.state().finished()) {
                return job;
            }
            assertTrue(System.nanoTime() - deadline < 0, "the job finishes within " + atMost + ": still " + job.status());
            Thread.sleep(100);
        }
    }

    @Test
    void uploadPollTranscriptAndWebVtt() throws Exception {
        Path wav = TestAudio.speak(audio, "budget-meeting.wav", TestAudio.BUDGET_MEETING);
        TranscriptionJob queued = uploaded(shuji, "en", wav);
        assertNotNull(queued.durationSeconds(), "the length is known from the upload");
        assertTrue(queued.durationSeconds() > 15, "espeak-ng's recording lasts longer than 15 s: " + queued.durationSeconds());
        TranscriptionJob done = awaitFinished(shuji, queued.id(), Duration.ofSeconds(60));
        assertEquals(JobState.DONE, done.state(), "the job ends 完了: " + done.status());
        assertEquals("完了", done.status());
        assertEquals(100, done.progress());
        assertNull(done.note(), "speech has no 「音声が検出されませんでした」 note");
        assertTrue(done.realTimeFactor() > 0 && done.realTimeFactor() < 1, "real-time factor: " + done.realTimeFactor());

        HttpResponse<String> json = running.get("/api/minutes/transcriptions/" + queued.id() + "/transcript", shuji);
        assertEquals(200, json.statusCode(), json.body());
        Transcription transcript = running.read(json, Transcription.class);
        assertEquals(done.segments(), transcript.segments().size());
        double wer = WordErrorRate.of(TestAudio.BUDGET_MEETING, TestAudio.text(transcript.segments()));
        assertTrue(wer < 0.35, "most words come through the server (WER < 0.35), was " + wer);
        assertTrue(json.body().contains("\"speaker\":\"\""), "segments carry an empty speaker: " + json.body());

        HttpResponse<String> vtt = running.get("/api/minutes/transcriptions/" + queued.id() + "/transcript.vtt", shuji);
        assertEquals(200, vtt.statusCode(), vtt.body());
        assertTrue(vtt.headers().firstValue("Content-Type").orElse("").startsWith("text/vtt"));
        assertTrue(vtt.body().startsWith("WEBVTT\n\n1\n00:00:0"), vtt.body());
        assertEquals(transcript.segments().size(), vtt.body().split("-->").length - 1, "a cue per segment");
        assertTrue(vtt.body().contains(transcript.segments().getFirst().text()));

        HttpResponse<String> list = running.get("/api/minutes/transcriptions", shuji);
        List<TranscriptionJob> mine = running.read(list, new TypeReference<List<TranscriptionJob>>() { });
        assertTrue(mine.stream().anyMatch(j -> j.id().equals(queued.id())), "the job is in the uploader's list");
        assertEquals(404, running.get("/api/minutes/transcriptions/" + queued.id(), kacho).statusCode(),
                "another person does not see the job");
        assertEquals(401, running.get("/api/minutes/transcriptions/" + queued.id(), null).statusCode(),
                "no session, no job");

        Path kept = running.server.transcriptions().directory(queued.id());
        assertTrue(Files.isDirectory(kept), "the recording is kept under the data directory");
        HttpResponse<String> deleted = running.send("DELETE", "/api/minutes/transcriptions/" + queued.id(), shuji, null, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertFalse(Files.exists(kept), "deleting the job removes its recording");
        assertEquals(404, running.get("/api/minutes/transcriptions/" + queued.id(), shuji).statusCode());
    }

    @Test
    void mp3IsTranscribedThroughTheServer() throws Exception {
        Path wav = TestAudio.speak(audio, "for-mp3.wav", TestAudio.BUDGET_MEETING);
        Path mp3 = TestAudio.convert(wav, audio.resolve("会議録音.mp3"), "-codec:a", "libmp3lame", "-b:a", "48k");
        TranscriptionJob done = awaitFinished(shuji, uploaded(shuji, "en", mp3).id(), Duration.ofSeconds(60));
        assertEquals(JobState.DONE, done.state(), done.status());
        Transcription transcript = running.read(running.get("/api/minutes/transcriptions/" + done.id() + "/transcript",
                shuji), Transcription.class);
        assertTrue(WordErrorRate.of(TestAudio.BUDGET_MEETING, TestAudio.text(transcript.segments())) < 0.35);
    }

    @Test
    void silenceAndNoiseEndWithAnEmptyTranscriptAndANote() throws Exception {
        for (Path file : List.of(TestAudio.silence(audio.resolve("silence.wav"), 15),
                TestAudio.noise(audio.resolve("noise.wav"), 15, 3000, 7))) {
            TranscriptionJob done = awaitFinished(shuji, uploaded(shuji, "en", file).id(), Duration.ofSeconds(60));
            assertEquals(JobState.DONE, done.state(), file + ": " + done.status());
            assertEquals(TranscriptionJob.NO_SPEECH, done.note(), "「音声が検出されませんでした」");
            Transcription transcript = running.read(running.get("/api/minutes/transcriptions/" + done.id()
                    + "/transcript", shuji), Transcription.class);
            assertEquals(List.of(), transcript.segments(), file.getFileName() + " has no invented text");
            assertEquals(TranscriptionJob.NO_SPEECH, transcript.note());
            assertEquals("WEBVTT\n", running.get("/api/minutes/transcriptions/" + done.id() + "/transcript.vtt", shuji)
                    .body());
        }
    }

    @Test
    void cancellingMidWayEndsAsCancelledWithinASecondAndKeepsNoTranscript() throws Exception {
        Path wav = TestAudio.speak(audio, "long-meeting.wav", TestAudio.repeated(TestAudio.BUDGET_MEETING, 6));
        TranscriptionJob queued = uploaded(shuji, "en", wav);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        TranscriptionJob recognising;
        while (true) {
            recognising = job(shuji, queued.id());
            if (recognising.state() == JobState.RECOGNISING && recognising.progress() >= 5) {
                break;
            }
            assertFalse(recognising.state().finished(), "the long recording is still being recognised: "
                    + recognising.status());
            assertTrue(System.nanoTime() - deadline < 0, "recognition gets going: " + recognising.status());
            Thread.sleep(50);
        }
        assertTrue(recognising.status().matches("認識中 \\d+%"), recognising.status());
        long start = System.nanoTime();
        HttpResponse<String> cancelled = running.send("DELETE", "/api/minutes/transcriptions/" + queued.id(), shuji, null,
                null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        TranscriptionJob job = running.read(cancelled, TranscriptionJob.class);
        assertEquals(JobState.CANCELLED, job.state(), "DELETE on a running job cancels it: " + job.status());
        assertEquals("取消", job.status());
        assertTrue(millis < 1000, "the recogniser stops within a second: " + millis + " ms");
        assertNull(job.segments(), "a cancelled job has no transcript");
        HttpResponse<String> transcript = running.get("/api/minutes/transcriptions/" + queued.id() + "/transcript", shuji);
        assertEquals(409, transcript.statusCode(), "a cancelled job has no transcript: " + transcript.body());
        assertFalse(Files.exists(running.server.transcriptions().directory(queued.id()).resolve("audio.pcm")),
                "the converted audio is removed");
        assertEquals(204, running.send("DELETE", "/api/minutes/transcriptions/" + queued.id(), shuji, null, null)
                .statusCode(), "a cancelled job is then deleted");
        assertFalse(Files.exists(running.server.transcriptions().directory(queued.id())));
    }

    @Test
    void languagesSayWhichModelsAreInstalled() {
        HttpResponse<String> response = running.get("/api/minutes/languages", shuji);
        assertEquals(200, response.statusCode(), response.body());
        List<LanguageModel> languages = running.read(response, new TypeReference<List<LanguageModel>>() { });
        LanguageModel japanese = languages.getFirst();
        assertEquals("ja", japanese.language());
        assertFalse(japanese.installed());
        assertEquals("日本語の音声認識モデルがインストールされていません（管理者に kairan.stt.model.ja の設定を依頼してください）",
                japanese.message());
        assertTrue(languages.stream().anyMatch(l -> l.language().equals("en") && l.installed()), response.body());

        HttpResponse<String> refused = upload(shuji, "ja", "会議.wav", new byte[] {1, 2, 3});
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(japanese.message(), running.read(refused, ApiError.class).message(),
                "an upload for a language without a model says so plainly");
    }

    @Test
    void aTextFileNamedWavIsRefusedAndNothingIsKept() throws Exception {
        int before = jobsOnDisk();
        HttpResponse<String> refused = upload(shuji, "en", "録音.wav",
                "議事録のメモです。音声ではありません。\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, refused.statusCode(), refused.body());
        ApiError error = running.read(refused, ApiError.class);
        assertTrue(error.message().startsWith("「録音.wav」は音声ファイルとして読み取れません"), error.message());
        assertEquals("NOT_AUDIO", error.field());
        assertEquals(before, jobsOnDisk(), "no recording is kept");
        List<TranscriptionJob> mine = running.read(running.get("/api/minutes/transcriptions", shuji),
                new TypeReference<List<TranscriptionJob>>() { });
        assertTrue(mine.stream().noneMatch(j -> j.fileName().equals("録音.wav")), "no job is made");
    }

    @Test
    void aRecordingOverTheLimitIsRefusedWith413() {
        HttpResponse<String> refused = upload(shuji, "en", "長い会議.wav", new byte[(int) LIMIT + 1]);
        assertEquals(413, refused.statusCode(), refused.body());
        ApiError error = running.read(refused, ApiError.class);
        assertTrue(error.message().startsWith("録音「長い会議.wav」は上限の 16 MB を超えています"), error.message());
    }

    private static int jobsOnDisk() throws IOException {
        Path minutes = dataDir.resolve("minutes");
        if (!Files.isDirectory(minutes)) {
            return 0;
        }
        try (var entries = Files.list(minutes)) {
            return (int) entries.filter(p -> !p.getFileName().toString().equals("incoming")).count();
        }
    }
}
