package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * Jobs survive a restart of the server: the one a worker had is shown as 失敗（中断）, never lost and never with half a
 * transcript; one still waiting is taken up again and finishes.
 */
class TranscriptionRestartTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path audio;

    @Test
    void aRestartFailsTheRunningJobAndTakesUpTheWaitingOne() throws Exception {
        Path longWav = TestAudio.speak(audio, "long.wav", TestAudio.repeated(TestAudio.BUDGET_MEETING, 6));
        Path shortWav = TestAudio.speak(audio, "short.wav", TestAudio.BUDGET_MEETING);
        String owner = TestRoster.SHUJI;
        String running;
        String waiting;
        try (RunningServer first = RunningServer.start(TranscriptionApiTest.config(dataDir))) {
            TranscriptionJobs jobs = first.server.transcriptions();
            try (InputStream in = Files.newInputStream(longWav)) {
                running = jobs.submit(owner, "en", "long.wav", in).id();
            }
            try (InputStream in = Files.newInputStream(shortWav)) {
                waiting = jobs.submit(owner, "en", "short.wav", in).id();
            }
            await(() -> jobs.find(owner, running).filter(j -> j.state() == JobState.RECOGNISING && j.progress() > 0),
                    "the long recording is being recognised");
            assertEquals(JobState.WAITING, jobs.find(owner, waiting).orElseThrow().state(), "one worker: the other waits");
        }
        try (RunningServer second = RunningServer.start(TranscriptionApiTest.config(dataDir))) {
            TranscriptionJobs jobs = second.server.transcriptions();
            TranscriptionJob interrupted = jobs.find(owner, running).orElseThrow();
            assertEquals(JobState.FAILED, interrupted.state(), "the job a worker had is failed, not lost: "
                    + interrupted.status());
            assertTrue(interrupted.error().contains("中断"), interrupted.error());
            assertTrue(jobs.transcript(owner, running).isEmpty(), "an interrupted job has no transcript");
            TranscriptionJob done = await(() -> jobs.find(owner, waiting).filter(j -> j.state().finished()),
                    "the waiting job is taken up after the restart");
            assertEquals(JobState.DONE, done.state(), done.status());
            assertTrue(jobs.transcript(owner, waiting).orElseThrow().segments().size() > 1);
        }
    }

    private static TranscriptionJob await(java.util.function.Supplier<Optional<TranscriptionJob>> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Optional<TranscriptionJob> job = condition.get();
            if (job.isPresent()) {
                return job.get();
            }
            assertTrue(System.nanoTime() - deadline < 0, what + " within 60 s");
            Thread.sleep(50);
        }
    }
}
