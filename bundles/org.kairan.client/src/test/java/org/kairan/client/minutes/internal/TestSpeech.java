package org.kairan.client.minutes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the desktop's speech-to-text tests need, found as the server's own tests find it ({@code TestAudio}): the
 * English Vosk model the server build unpacked from Maven Central, and English speech made by Debian's
 * {@code espeak-ng}. A missing one fails the test, saying how to get it — never a silent skip: the README's test
 * command ({@code ./kairan test}) installs espeak-ng and builds the server first.
 */
public final class TestSpeech {

    private TestSpeech() {
    }

    /**
     * The English model (com.alphacephei:vosk-model-en:aar) unpacked by the server build: {@code kairan.test.voskModelEn}
     * (set by this bundle's pom), else beside this bundle in the reactor.
     */
    public static Path englishModel() {
        String property = System.getProperty("kairan.test.voskModelEn");
        Path model = (property != null ? Path.of(property)
                : Path.of("../../server/target/vosk-model-en/assets/model-en-us")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(model.resolve("am")), "the English Vosk model is unpacked at " + model
                + " by the server build (mvnw … verify with server in the reactor runs maven-antrun-plugin's"
                + " unpack-vosk-model-en; `./kairan test` does)");
        return model;
    }

    /** A server configuration ({@code --config}) in {@code directory} that gives the English model. */
    public static Path englishModelConfig(Path directory) throws IOException {
        return Files.writeString(directory.resolve("stt.properties"), "kairan.stt.model.en=" + englishModel() + "\n");
    }

    /** espeak-ng's WAV of {@code text}, as {@code name}.wav in {@code directory}. */
    public static Path speak(Path directory, String name, String text) throws IOException, InterruptedException {
        Path script = Files.writeString(directory.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path wav = directory.resolve(name + ".wav");
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
}
