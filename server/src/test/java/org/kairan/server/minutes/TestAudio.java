package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Recordings for the speech-to-text tests, made at test time: English speech by Debian's {@code espeak-ng}, other
 * formats by {@code ffmpeg}, silence and white noise in Java; and the English Vosk model the build unpacked from Maven
 * Central. A missing tool fails the test, saying how to install it — never a silent skip.
 */
final class TestAudio {

    /** Several sentences about a city budget meeting (no digits: espeak-ng and the model write numbers differently). */
    static final String BUDGET_MEETING = "The city council met this morning to review the budget for the next fiscal year. "
            + "The finance director explained that tax revenue is expected to grow slowly. "
            + "Several members asked for more money for schools, libraries and public parks. "
            + "The mayor said that the city must also repair old bridges and roads. "
            + "After a long discussion, the council agreed to hold a public hearing next month. "
            + "Citizens will be able to comment on the proposed budget before the final vote.";

    private static final String SETUP = " is not installed: run the README's setup, `./kairan test` (it installs the"
            + " Debian packages espeak-ng and ffmpeg), or `apt-get install espeak-ng ffmpeg`";

    private TestAudio() {
    }

    /** The English model unpacked by the build (server/pom.xml) from com.alphacephei:vosk-model-en:aar. */
    static Path englishModel() {
        String property = System.getProperty("kairan.test.voskModelEn");
        Path model = property != null ? Path.of(property) : Path.of("target/vosk-model-en/assets/model-en-us");
        assertTrue(Files.isDirectory(model.resolve("am")), "the English Vosk model is unpacked at " + model
                + " by the build (mvnw … verify runs maven-antrun-plugin's unpack-vosk-model-en before the tests)");
        return model;
    }

    /** espeak-ng's WAV of the text (22,050 Hz mono 16-bit). */
    static Path speak(Path directory, String name, String text) throws IOException, InterruptedException {
        Path wav = directory.resolve(name);
        Path script = directory.resolve(name + ".txt");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        run("espeak-ng", List.of("espeak-ng", "-w", wav.toString(), "-f", script.toString()));
        return wav;
    }

    /** ffmpeg's conversion of a file into another (the output's extension and the options decide the format). */
    static Path convert(Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", in.toString()));
        command.addAll(List.of(options));
        command.add(out.toString());
        run("ffmpeg", command);
        return out;
    }

    private static void run(String tool, List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(tool + SETUP + " (" + e.getMessage() + ")", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), tool + " finishes within two minutes");
        assertEquals(0, process.exitValue(), tool + " succeeds: " + output);
    }

    /** A WAV of 16-bit samples at the rate given. */
    static Path wav(Path file, float rate, int channels, short[] samples) throws IOException {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Digital silence. */
    static Path silence(Path file, double seconds) throws IOException {
        return wav(file, 16_000, 1, new short[(int) (seconds * 16_000)]);
    }

    /** White noise (Gaussian, the given standard deviation in 16-bit units). */
    static Path noise(Path file, double seconds, double deviation, long seed) throws IOException {
        Random random = new Random(seed);
        short[] samples = new short[(int) (seconds * 16_000)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(random.nextGaussian() * deviation)));
        }
        return wav(file, 16_000, 1, samples);
    }

    /** All the segments' text, in order. */
    static String text(List<SpeechSegment> segments) {
        return String.join(" ", segments.stream().map(SpeechSegment::text).toList());
    }

    /** The speech repeated until it lasts at least the given seconds (for long recordings). */
    static String repeated(String text, int times) {
        return String.join(" ", java.util.Collections.nCopies(times, text));
    }
}
