package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.minutes.PlaybackException;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.client.minutes.internal.SampledRecordingPlayer;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;

/**
 * Playing minutes from an utterance on the desktop, against the real server: minutes made from a speech-to-text job
 * (English speech by espeak-ng, the small English Vosk model) bring the recording down once as a WAV into the file
 * cache; the player sends it to the sound device from the utterance's time. The device is ALSA's default output
 * turned into a file ({@link #soundToFile}), so that what was heard can be compared with the recording sample for
 * sample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingPlaybackTest {

    @TempDir
    static Path temp;

    private DemoCity city;
    private ServerDesktop shuji;
    private Path heard;

    @BeforeAll
    void start() throws Exception {
        heard = soundToFile();
        Path model = Path.of("../../server/target/vosk-model-en/assets/model-en-us").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(model.resolve("am")), "the English Vosk model is unpacked by the server build at "
                + model + " (run the README's test command, which builds the server first)");
        Path config = Files.writeString(temp.resolve("stt.properties"), "kairan.stt.model.en=" + model + "\n");
        city = DemoCity.start("minutes-playback", temp, "--config", config.toString());
        shuji = city.synced(SHUJI);
    }

    /**
     * ALSA's default output written into a file: the build points {@code ALSA_CONFIG_PATH} of this JVM at
     * {@code kairan.test.alsaConfig}, written here before the first sound is made — the system's configuration, then
     * the default device replaced.
     */
    private static Path soundToFile() throws Exception {
        String config = System.getProperty("kairan.test.alsaConfig");
        assertTrue(config != null && config.equals(System.getenv("ALSA_CONFIG_PATH")), "the build sets ALSA_CONFIG_PATH"
                + " to kairan.test.alsaConfig (bundles/org.kairan.client/pom.xml): " + System.getenv("ALSA_CONFIG_PATH"));
        Path directory = Files.createDirectories(Path.of(config).getParent());
        Path out = directory.resolve("heard.raw");
        Files.writeString(Path.of(config), "</usr/share/alsa/alsa.conf>\npcm.!default { type file slave.pcm \"null\""
                + " file \"" + out + "\" format \"raw\" }\n", StandardCharsets.US_ASCII);
        Files.deleteIfExists(out);
        return out;
    }

    @AfterAll
    void stop() throws Exception {
        if (shuji != null) {
            shuji.close();
        }
        if (city != null) {
            city.close();
        }
    }

    private static Path speech(String name, String text) throws Exception {
        Path script = Files.writeString(temp.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path wav = temp.resolve(name + ".wav");
        Process p = new ProcessBuilder("espeak-ng", "-w", wav.toString(), "-f", script.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "espeak-ng (a test package of the README's"
                + " setup) made the recording");
        return wav;
    }

    @Test
    void minutesMadeFromARecordingPlayItFromAnUtterance() throws Exception {
        TranscriptionJob job = shuji.minutes.startTranscription(speech("budget", "Good morning everyone."
                + " Today we discuss the city budget for next year. The finance division collects the requests."), "en");
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!job.finished()) {
            assertTrue(System.nanoTime() < end, "the job finishes within 120 s: " + job);
            Thread.sleep(200);
            job = shuji.minutes.transcription(job.id());
        }
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
