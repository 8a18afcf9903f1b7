package org.kairan.client.minutes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.SHUJI;
import static org.kairan.client.kessai.internal.DemoCity.ZAISEI_KA;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.kessai.internal.DemoCity;
import org.kairan.client.kessai.internal.ServerDesktop;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.PlaybackException;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.client.testing.SoundOutput;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;

/**
 * A recording becomes minutes through the desktop's {@code MinutesService}: a server configured with the small English
 * Vosk model the server build unpacks for its own tests ({@code server/target/vosk-model-en}) transcribes English
 * speech made by espeak-ng; the desktop follows the job to 完了 and makes queued minutes of the transcript, which sync
 * brings back as 作成中. A job cancelled at once ends 取消. Minutes made from a recording play it from an utterance:
 * the recording comes down once as a WAV into the file cache and the player sends it to the sound device from the
 * utterance's time — ALSA's default output turned into a file ({@link SoundOutput}), so that what the device got is
 * compared with the recording sample for sample; imported minutes have none. A missing model or espeak-ng fails the
 * test, saying what is missing and how to get it ({@link TestSpeech}) — never a silent skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptionServiceTest {

    private static final String SPEECH = "Good morning everyone. Today we discuss the city budget for next year."
            + " The finance division will collect the requests from every section by the end of the month.";

    @TempDir
    static Path temp;

    private DemoCity city;
    private ServerDesktop shuji;
    private Path heard;

    @BeforeAll
    void startServer() throws Exception {
        heard = SoundOutput.toFile();
        city = DemoCity.start("minutes-stt", temp, "--config", TestSpeech.englishModelConfig(temp).toString());
        shuji = city.synced(SHUJI);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (shuji != null) {
            shuji.close();
        }
        if (city != null) {
            city.close();
        }
    }

    private TranscriptionJob until(String jobId, java.util.function.Predicate<TranscriptionJob> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        TranscriptionJob job = shuji.minutes.transcription(jobId);
        while (!done.test(job)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the job did not get there within 120 s: " + job);
            }
            Thread.sleep(250);
            job = shuji.minutes.transcription(jobId);
        }
        return job;
    }

    @Test
    void aRecordingIsTranscribedByTheServerAndBecomesQueuedMinutes() throws Exception {
        SpeechLanguage en = shuji.minutes.languages().stream().filter(l -> l.language().equals("en")).findFirst()
                .orElseThrow(() -> new AssertionError("English is listed once its model is configured"));
        assertTrue(en.installed(), "the English model is there: " + en);

        TranscriptionJob started = shuji.minutes.startTranscription(TestSpeech.speak(temp, "budget", SPEECH), "en");
        assertEquals("budget.wav", started.fileName());
        TranscriptionJob done = until(started.id(), TranscriptionJob::finished);
        assertTrue(done.done(), "完了: " + done);
        assertEquals(100, done.progress());

        MeetingHeader header = new MeetingHeader("Budget meeting", LocalDateTime.of(2026, 11, 20, 10, 0), null, "",
                List.of(), List.of());
        Minutes minutes = shuji.minutes.minutesFromTranscription(started.id(), header, ZAISEI_KA);
        assertFalse(minutes.utterances().isEmpty(), "the transcript's segments are the utterances");
        String said = minutes.utterances().stream().map(MinutesUtterance::text).collect(Collectors.joining(" "));
        assertTrue(said.contains("budget"), "what was said is there: " + said);
        assertEquals(MinutesEntry.State.QUEUED, shuji.minutes.entry(minutes.id()).orElseThrow().state());
        shuji.syncNow();
        assertEquals(MinutesEntry.State.DRAFT, shuji.minutes.entry(minutes.id()).orElseThrow().state(),
                "the minutes reach the server");
    }

    @Test
    void aJobCancelledAtOnceEndsCancelled() throws Exception {
        TranscriptionJob started = shuji.minutes.startTranscription(
                TestSpeech.speak(temp, "long", (SPEECH + " ").repeat(12)), "en");
        shuji.minutes.cancelTranscription(started.id());
        TranscriptionJob ended = until(started.id(), TranscriptionJob::finished);
        assertEquals("CANCELLED", ended.state(), "取消: " + ended);
    }

    @Test
    void minutesMadeFromARecordingPlayItFromAnUtterance() throws Exception {
        TranscriptionJob job = until(shuji.minutes.startTranscription(TestSpeech.speak(temp, "short", "Good morning"
                + " everyone. Today we discuss the city budget for next year."), "en").id(), TranscriptionJob::finished);
        assertTrue(job.done(), "完了: " + job);
        Minutes minutes = shuji.minutes.minutesFromTranscription(job.id(), new MeetingHeader("予算会議",
                LocalDateTime.of(2026, 11, 27, 10, 0), null, "第2会議室", List.of(), List.of()), ZAISEI_KA);
        assertEquals(job.id(), minutes.recording(), "the minutes are played from the job's recording");

        Path wav;
        try {
            wav = shuji.minutes.recording(minutes.id()); // saved to the server first, then downloaded
        } catch (FileUnavailableException e) {
            throw new AssertionError("the recording of " + shuji.minutes.entry(minutes.id()), e);
        }
        assertEquals(org.kairan.client.minutes.MinutesEntry.State.DRAFT, shuji.minutes.entry(minutes.id()).orElseThrow()
                .state(), () -> "saved on the server: " + shuji.minutes.entry(minutes.id()));
        assertTrue(wav.startsWith(shuji.sync.userDirectory().orElseThrow()), "in the user's file cache: " + wav);
        byte[] samples;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(16_000f, in.getFormat().getSampleRate());
            assertEquals(1, in.getFormat().getChannels());
            samples = in.readAllBytes();
        }
        assertEquals(job.durationSeconds(), samples.length / 32_000.0, 0.05, "the whole recording");
        city.cable.unplug();
        try {
            assertEquals(wav, shuji.minutes.recording(minutes.id()), "once here, it plays with the network gone");
        } finally {
            city.cable.plugIn();
        }

        MinutesUtterance last = minutes.utterances().getLast();
        SampledRecordingPlayer player = new SampledRecordingPlayer();
        player.play(wav, last.start());
        assertTrue(player.position().isPresent(), "playing");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (player.position().isPresent()) {
            assertTrue(System.nanoTime() < until, "the rest of the recording plays within 30 s");
            Thread.sleep(50);
        }
        byte[] played = Files.readAllBytes(heard);
        int from = (int) (last.start().toNanos() / 1e9 * 16_000) * 2;
        assertEquals(samples.length - from, played.length, "from the utterance's time to the end, "
                + last.start() + " of " + job.durationSeconds() + " s");
        assertArrayEquals(Arrays.copyOfRange(samples, from, samples.length), played, "what the device got is the"
                + " recording from the utterance on");

        PlaybackException late = assertThrows(PlaybackException.class, () -> player.play(wav, Duration.ofHours(1)));
        assertTrue(late.getMessage().contains("録音の長さを超えています"), late.getMessage());
        PlaybackException notSound = assertThrows(PlaybackException.class, () -> player.play(
                Files.writeString(temp.resolve("議事録.wav"), "WEBVTT\n"), Duration.ZERO));
        assertTrue(notSound.getMessage().contains("再生できる録音ではありません"), notSound.getMessage());
    }

    @Test
    void importedMinutesHaveNoRecordingToPlay() throws Exception {
        Path vtt = Files.writeString(temp.resolve("teams.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
                + "<v 田中 太郎>それでは始めます。\n", StandardCharsets.UTF_8);
        Minutes imported = shuji.minutes.importTranscript(vtt, new MeetingHeader("課内会議",
                LocalDateTime.of(2026, 11, 27, 9, 0), null, "", List.of(), List.of()), ZAISEI_KA);
        assertEquals("", imported.recording());
        FileUnavailableException none = assertThrows(FileUnavailableException.class,
                () -> shuji.minutes.recording(imported.id()));
        assertTrue(none.getMessage().contains("この議事録には録音がありません"), none.getMessage());
    }
}
