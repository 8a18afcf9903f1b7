package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.kairan.server.ServerConfig;
import org.kairan.server.ServerConfigReader;

/** The speech-to-text settings as the deployer writes them ({@code kairan.stt.*}). */
class SpeechConfigTest {

    private final ServerConfigReader reader = new ServerConfigReader(Map.of());

    @Test
    void oneModelDirectoryPerLanguage() throws Exception {
        Path file = Files.createTempFile("kairan", ".properties");
        Files.writeString(file, """
                kairan.stt.model.ja = /opt/vosk/vosk-model-ja-0.22
                kairan.stt.model.EN = /opt/vosk/vosk-model-small-en-us-0.15
                kairan.stt.ffmpeg = /usr/local/bin/ffmpeg
                kairan.stt.maxUploadBytes = 500000000
                kairan.stt.workers = 2
                """);
        try {
            ServerConfig config = reader.read(List.of("--config", file.toString()));
            SpeechSettings speech = config.speech();
            assertEquals(Map.of("ja", Path.of("/opt/vosk/vosk-model-ja-0.22"), "en",
                    Path.of("/opt/vosk/vosk-model-small-en-us-0.15")), speech.models());
            assertEquals("/usr/local/bin/ffmpeg", speech.ffmpeg());
            assertEquals(500_000_000L, speech.maxUploadBytes());
            assertEquals(2, speech.workers());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void defaultsInstallNoModel() throws Exception {
        SpeechSettings speech = reader.read(List.of()).speech();
        assertEquals(Map.of(), speech.models(), "no model is bundled or downloaded: the city installs its own");
        assertEquals("ffmpeg", speech.ffmpeg());
        assertEquals(1, speech.workers());
    }

    @Test
    void aWrongSettingStopsTheServerSayingWhich() {
        ServerConfigReader.ConfigException wrong = assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.fromProperties(properties("kairan.stt.workers", "9")));
        assertTrue(wrong.getMessage().startsWith("音声認識の設定に誤りがあります (kairan.stt.*)"), wrong.getMessage());
        ServerConfigReader.ConfigException language = assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.fromProperties(properties("kairan.stt.model.japanese", "/opt/vosk/ja")));
        assertTrue(language.getMessage().contains("kairan.stt.model.japanese"), language.getMessage());
    }

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }
}
