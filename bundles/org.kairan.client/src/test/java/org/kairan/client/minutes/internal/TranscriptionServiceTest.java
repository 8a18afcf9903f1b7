package org.kairan.client.minutes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.SHUJI;
import static org.kairan.client.kessai.internal.DemoCity.ZAISEI_KA;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.kessai.internal.DemoCity;
import org.kairan.client.kessai.internal.ServerDesktop;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;

/**
 * A recording becomes minutes through the desktop's {@code MinutesService}: a server configured with the small English
 * Vosk model the server build unpacks for its own tests ({@code server/target/vosk-model-en}) transcribes English
 * speech made by espeak-ng; the desktop follows the job to 完了 and makes queued minutes of the transcript, which sync
 * brings back as 作成中. A job cancelled at once ends 取消. A missing model or espeak-ng fails the test, saying what
 * is missing and how to get it — never a silent skip ({@code ./kairan test} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptionServiceTest {

    private static final String SPEECH = "Good morning everyone. Today we discuss the city budget for next year."
            + " The finance division will collect the requests from every section by the end of the month.";

    @TempDir
    static Path temp;

    private DemoCity city;
    private ServerDesktop shuji;

    @BeforeAll
    void startServer() throws Exception {
        Path config = Files.writeString(temp.resolve("stt.properties"), "kairan.stt.model.en=" + englishModel() + "\n");
        city = DemoCity.start("minutes-stt", temp, "--config", config.toString());
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

    /**
     * The English model the server build unpacked from com.alphacephei:vosk-model-en:aar (as the server's own tests
     * find it: {@code kairan.test.voskModelEn}, else beside this bundle in the reactor).
     */
    private static Path englishModel() {
        String property = System.getProperty("kairan.test.voskModelEn");
        Path model = (property != null ? Path.of(property)
                : Path.of("../../server/target/vosk-model-en/assets/model-en-us")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(model.resolve("am")), "the English Vosk model is unpacked at " + model
                + " by the server build (mvnw … verify with server in the reactor runs maven-antrun-plugin's"
                + " unpack-vosk-model-en; `./kairan test` does)");
        return model;
    }

    /** espeak-ng's WAV of the text; a missing espeak-ng fails the test saying how to install it. */
    private static Path speech(String name, String text) throws Exception {
        Path script = Files.writeString(temp.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path wav = temp.resolve(name + ".wav");
        Process p;
        try {
            p = new ProcessBuilder("espeak-ng", "-w", wav.toString(), "-f", script.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("espeak-ng is not installed: run the README's setup, `./kairan test` (it installs"
                    + " the Debian package espeak-ng), or `apt-get install espeak-ng` (" + e.getMessage() + ")", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "espeak-ng finishes within a minute");
        assertEquals(0, p.exitValue(), "espeak-ng makes the recording: " + output);
        return wav;
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

        TranscriptionJob started = shuji.minutes.startTranscription(speech("budget", SPEECH), "en");
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
        TranscriptionJob started = shuji.minutes.startTranscription(speech("long", (SPEECH + " ").repeat(12)), "en");
        shuji.minutes.cancelTranscription(started.id());
        TranscriptionJob ended = until(started.id(), TranscriptionJob::finished);
        assertEquals("CANCELLED", ended.state(), "取消: " + ended);
    }
}
