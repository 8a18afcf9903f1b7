package org.kairan.client.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test JVM's sound output turned into a file, so that a test compares what a player sent to the device with the
 * recording, sample for sample, on machines without a sound card. The build points the JVM's {@code ALSA_CONFIG_PATH}
 * at the file named by {@code kairan.test.alsaConfig}; this writes it — the system's ALSA configuration, then the
 * default device replaced by one that writes raw samples into {@code heard.raw} beside it — before the first sound.
 */
public final class SoundOutput {

    private SoundOutput() {
    }

    /**
     * Writes the configuration and removes what an earlier play left.
     *
     * @return the file the default device writes into
     * @throws IllegalStateException the build did not set {@code ALSA_CONFIG_PATH} and {@code kairan.test.alsaConfig}
     *         alike (see the test bundle's pom.xml)
     */
    public static Path toFile() throws IOException {
        String config = System.getProperty("kairan.test.alsaConfig");
        if (config == null || !config.equals(System.getenv("ALSA_CONFIG_PATH"))) {
            throw new IllegalStateException("the build sets the test JVM's ALSA_CONFIG_PATH to kairan.test.alsaConfig"
                    + " (the test bundle's pom.xml): ALSA_CONFIG_PATH=" + System.getenv("ALSA_CONFIG_PATH")
                    + ", kairan.test.alsaConfig=" + config);
        }
        Path directory = Files.createDirectories(Path.of(config).toAbsolutePath().getParent());
        Path heard = directory.resolve("heard.raw");
        Files.writeString(Path.of(config), "</usr/share/alsa/alsa.conf>\npcm.!default { type file slave.pcm \"null\""
                + " file \"" + heard + "\" format \"raw\" }\n", StandardCharsets.US_ASCII);
        Files.deleteIfExists(heard);
        return heard;
    }
}
