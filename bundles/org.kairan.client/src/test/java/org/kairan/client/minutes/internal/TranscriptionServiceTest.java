package org.kairan.client.minutes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.SHUJI;
import static org.kairan.client.kessai.internal.DemoCity.ZAISEI_KA;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
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
 * is missing and how to get it ({@link TestSpeech}) — never a silent skip.
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
}
