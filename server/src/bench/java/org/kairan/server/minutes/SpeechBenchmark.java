package org.kairan.server.minutes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.kairan.server.http.ApiJson;

/**
 * Benchmark of the server's speech-to-text (issue 7; not a test, never run by CI): about five minutes of English
 * speech made by espeak-ng from sentences about a city budget meeting, converted to 16 kHz mono as a job does
 * ({@link Recordings}, Java for WAV) and transcribed by {@link VoskSpeechToText} with the English model from Maven
 * Central (fed in 4,000-byte chunks, words on). Prints the model's load time, the conversion time, the real-time
 * factor (recognition time ÷ audio length), the process's peak RSS ({@code VmHWM}) and peak heap, and the word error
 * rate against the text spoken (word edit distance after lower-casing and taking punctuation out). The real-time factor
 * is given by the clock and by the recognising thread's CPU time (Vosk decodes on the calling thread): on a machine
 * other work shares, the second is what the engine costs. {@code --parallel 2}
 * runs that many transcriptions of the recording at once (two workers on the 2-core machine).
 *
 * <p>Run from the repository root (needs espeak-ng; the model is unpacked by the server's build):
 * <pre>
 * ./mvnw -B -o -q -pl bundles/org.kairan.core,server verify -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       server/src/bench/java/org/kairan/server/minutes/SpeechBenchmark.java
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp server/target/kairan-server.jar:server/target/bench-classes \
 *      org.kairan.server.minutes.SpeechBenchmark [--minutes 5] [--parallel 1] [--voice en-us] [--model DIR]
 * </pre>
 */
public final class SpeechBenchmark {

    private static final String[] WHO = {"The mayor", "The finance director", "The council", "A council member",
        "The budget committee", "The head of the planning office", "The school board", "Several residents",
        "The deputy mayor", "The city treasurer"};
    private static final String[] DID = {"proposed", "questioned", "supported", "rejected", "reviewed", "explained",
        "approved", "postponed", "discussed", "criticised"};
    private static final String[] WHAT = {"the new budget for public schools", "the cost of repairing old bridges",
        "more money for the city library", "a plan to build a community centre", "higher fees for parking downtown",
        "the transfer of funds to the fire department", "a cut in spending on office supplies",
        "the contract for cleaning the city hall", "new buses for the northern district",
        "a grant for small local businesses", "the purchase of land near the river",
        "the salaries of part time staff"};
    private static final String[] WHY = {"because tax revenue is expected to fall", "before the end of the fiscal year",
        "after a long debate in the morning session", "so that citizens can comment at a public hearing",
        "although several members had doubts", "to reduce the waiting time at the service desk",
        "as the state government asked last month", "while the audit is still under way"};

    private SpeechBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 5;
        int parallel = 1;
        String voice = "en-us";
        Path model = Path.of("server/target/vosk-model-en/assets/model-en-us");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--model" -> model = Path.of(args[++i]);
                case "--voice" -> voice = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("kairan-speech-bench");
        // espeak-ng speaks these sentences at ≈ 190 words a minute at its default rate
        String text = speech((int) Math.round(minutes * 190), 7);
        Path wav = dir.resolve("meeting.wav");
        Path script = dir.resolve("meeting.txt");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        long t = System.nanoTime();
        Process espeak = new ProcessBuilder("espeak-ng", "-v", voice, "-w", wav.toString(), "-f", script.toString()).inheritIO().start();
        if (espeak.waitFor() != 0) {
            throw new IllegalStateException("espeak-ng failed (apt-get install espeak-ng)");
        }
        System.out.printf(Locale.ROOT, "espeak-ng -v %s: %d words, %.1f s to synthesise%n", voice,
                WordErrorRate.words(text).size(), (System.nanoTime() - t) / 1e9);

        Recordings recordings = new Recordings("ffmpeg");
        t = System.nanoTime();
        Recordings.Recording recording = recordings.probe(wav, "meeting.wav");
        Path pcm = dir.resolve("meeting.pcm");
        recordings.toPcm(recording, wav, "meeting.wav", pcm, () -> false);
        double audioSeconds = Files.size(pcm) / (double) SpeechToText.BYTES_PER_SECOND;
        System.out.printf(Locale.ROOT, "audio: %.1f s (%.1f min), 22,050 Hz WAV → 16 kHz PCM in %.2f s (Java)%n",
                audioSeconds, audioSeconds / 60, (System.nanoTime() - t) / 1e9);

        try (VoskSpeechToText engine = new VoskSpeechToText(SpeechSettings.defaults().withModel("en", model),
                ApiJson.newObjectMapper())) {
            t = System.nanoTime();
            engine.transcribe("en", InputStream.nullInputStream(), TranscriptionProgress.NONE);
            System.out.printf(Locale.ROOT, "model load (English, Maven Central vosk-model-en 0.3.45): %.2f s%n",
                    (System.nanoTime() - t) / 1e9);
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            List<Future<double[]>> runs = new ArrayList<>();
            long wall = System.nanoTime();
            for (int run = 0; run < parallel; run++) {
                runs.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    List<SpeechSegment> segments;
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm), 1 << 16)) {
                        segments = engine.transcribe("en", in, TranscriptionProgress.NONE);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    String recognised = String.join(" ", segments.stream().map(SpeechSegment::text).toList());
                    return new double[] {seconds, WordErrorRate.of(text, recognised), segments.size(), cpu};
                }));
            }
            for (int run = 0; run < parallel; run++) {
                double[] result = runs.get(run).get();
                System.out.printf(Locale.ROOT, "run %d: recognition %.1f s, real-time factor %.3f (CPU time %.1f s: %.3f), %d segments,"
                        + " WER %.1f %%%n", run + 1, result[0], result[0] / audioSeconds, result[3], result[3] / audioSeconds,
                        (int) result[2], result[1] * 100);
            }
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            System.out.printf(Locale.ROOT, "%d at once: %.1f s wall for %.1f min of audio each → throughput %.1f× real time%n",
                    parallel, wallSeconds, audioSeconds / 60, parallel * audioSeconds / wallSeconds);
        }
        System.out.printf(Locale.ROOT, "memory: peak RSS %d MiB, peak heap %d MiB (max heap %d MiB), load average %s, %d CPUs%n",
                peakRssKib() / 1024, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], Runtime.getRuntime().availableProcessors());
        for (Path p : List.of(pcm, wav, script)) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    /** Sentences about a budget meeting, drawn with a fixed seed, until they hold at least {@code words} words. */
    static String speech(int words, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int count = 0;
        while (count < words) {
            String sentence = WHO[random.nextInt(WHO.length)] + " " + DID[random.nextInt(DID.length)] + " "
                    + WHAT[random.nextInt(WHAT.length)] + " " + WHY[random.nextInt(WHY.length)] + ". ";
            text.append(sentence);
            count += WordErrorRate.words(sentence).size();
        }
        return text.toString().strip();
    }

    /** VmHWM of /proc/self/status, KiB. */
    private static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
