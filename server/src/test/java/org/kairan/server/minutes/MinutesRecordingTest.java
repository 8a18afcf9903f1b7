package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.JOHO_KACHO;
import static org.kairan.server.testing.DemoDesks.KACHO;
import static org.kairan.server.testing.DemoDesks.SHUJI;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.testing.DemoDesks;

/**
 * The recording 議事録 are played from, through the real server (H2, Vosk's English model, a recording spoken by
 * espeak-ng): minutes made from a finished speech-to-text job carry its id; whoever sees the minutes downloads the
 * recording as a 16 kHz WAV in which an utterance's time is its place; whoever does not, or minutes without one,
 * get nothing; a recording is given to minutes only by the one whose finished job it is; and the job is not deleted
 * while minutes play it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesRecordingTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path audio;

    private DemoDesks desks;
    private Path spoken;
    private TranscriptionJob job;

    @BeforeAll
    void start() throws Exception {
        desks = DemoDesks.startWith(dataDir, b -> b.speech(SpeechSettings.defaults().withModel("en",
                TestAudio.englishModel())));
        spoken = TestAudio.speak(audio, "meeting.wav", "The budget meeting starts now. We keep the ceiling.");
        HttpResponse<String> uploaded = desks.running.send(HttpRequest.newBuilder(desks.running.uri(
                "/api/minutes/transcriptions?language=en")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + desks.session(SHUJI))
                .header("X-Kairan-File-Name", URLEncoder.encode("予算会議.wav", StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofFile(spoken)));
        assertEquals(202, uploaded.statusCode(), uploaded.body());
        String id = desks.running.read(uploaded, TranscriptionJob.class).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            Thread.sleep(100);
            job = desks.running.read(desks.running.get("/api/minutes/transcriptions/" + id, desks.session(SHUJI)),
                    TranscriptionJob.class);
            assertTrue(System.nanoTime() < deadline, "the job finishes within a minute: " + job.status());
        } while (!job.state().finished());
        assertEquals(JobState.DONE, job.state(), job.status());
    }

    @AfterAll
    void stop() {
        if (desks != null) {
            desks.close();
        }
    }

    private Minutes saved(String staffNo, Minutes minutes) {
        CommandResult result = desks.send(staffNo, CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, 0));
        assertEquals(CommandOutcome.APPLIED, result.outcome(), result.message());
        return minutes;
    }

    private HttpResponse<byte[]> recording(String staffNo, String minutesId) {
        return desks.running.send(HttpRequest.newBuilder(desks.running.uri("/api/minutes/records/" + minutesId
                + "/recording")).header("Authorization", "Bearer " + desks.session(staffNo)).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theMinutesPlayTheRecordingTheEngineHeardToWhoeverSeesThem() throws Exception {
        Minutes minutes = saved(SHUJI, MinutesSyncTest.meeting(UUID.randomUUID().toString()).withRecording(job.id()));

        HttpResponse<byte[]> sound = recording(KACHO, minutes.id());
        assertEquals(200, sound.statusCode(), "the 課長 of the 課 hears the recording");
        assertEquals("audio/wav", sound.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(sound.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"
                + URLEncoder.encode("令和8年度 第1回 財政課内会議 録音.wav", StandardCharsets.UTF_8).replace("+", "%20")),
                sound.headers().toString());
        byte[] played;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(sound.body()))) {
            AudioFormat format = in.getFormat();
            assertEquals(new AudioFormat(16_000, 16, 1, true, false).toString(), format.toString());
            played = in.readAllBytes();
        }
        byte[] heard;
        try (AudioInputStream source = AudioSystem.getAudioInputStream(spoken.toFile());
                AudioInputStream converted = AudioSystem.getAudioInputStream(Recordings.ENGINE_FORMAT, source)) {
            heard = converted.readAllBytes();
        }
        assertEquals(heard.length, played.length, "as long as what the engine heard");
        assertArrayEquals(heard, played, "sample for sample what the engine heard, so an utterance's time is its place");
        assertEquals(job.durationSeconds(), played.length / 32_000.0, 0.01);
        assertTrue(loudest(played) > 1_000, "speech, not silence");

        assertEquals(404, recording(JOHO_KACHO, minutes.id()).statusCode(), "another 課 learns nothing");
        Minutes imported = saved(SHUJI, MinutesSyncTest.meeting(UUID.randomUUID().toString()));
        HttpResponse<byte[]> none = recording(SHUJI, imported.id());
        assertEquals(404, none.statusCode());
        assertTrue(new String(none.body(), StandardCharsets.UTF_8).contains("再生できる録音がありません"));
    }

    @Test
    void onlyTheOneWhoseFinishedJobItIsGivesItsRecordingToMinutes() {
        CommandResult borrowed = desks.send(KACHO, CommandTypes.SAVE_MINUTES, new SaveMinutes(
                MinutesSyncTest.meeting(UUID.randomUUID().toString()).withRecording(job.id()), 0));
        assertEquals(CommandOutcome.REJECTED, borrowed.outcome());
        assertEquals(CommandCodes.NOT_PERMITTED, borrowed.code());
        assertTrue(borrowed.message().contains("は使えません"), borrowed.message());
        CommandResult unknown = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(
                MinutesSyncTest.meeting(UUID.randomUUID().toString()).withRecording(UUID.randomUUID().toString()), 0));
        assertEquals(CommandOutcome.REJECTED, unknown.outcome(), "no such job");

        Minutes shared = saved(SHUJI, MinutesSyncTest.meeting(UUID.randomUUID().toString()).withRecording(job.id()));
        CommandResult edited = desks.send(KACHO, CommandTypes.SAVE_MINUTES, new SaveMinutes(
                shared.withSummary("シーリングは前年度と同額とする。"), 1));
        assertEquals(CommandOutcome.APPLIED, edited.outcome(), "the 課長 edits minutes whose recording stays: "
                + edited.message());
    }

    @Test
    void aJobIsNotDeletedWhileMinutesPlayItsRecording() throws IOException {
        saved(SHUJI, MinutesSyncTest.meeting(UUID.randomUUID().toString()).withRecording(job.id()));
        HttpResponse<String> refused = desks.running.send("DELETE", "/api/minutes/transcriptions/" + job.id(),
                desks.session(SHUJI), null, null);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("議事録「令和8年度 第1回 財政課内会議」") && refused.body().contains(
                "で再生に使われているため削除できません"), refused.body());
        try (var files = Files.list(dataDir.resolve("minutes").resolve(job.id()))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("audio.pcm")), "the recording is kept");
        }
    }

    private static int loudest(byte[] pcm) {
        int loudest = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        return loudest;
    }
}
