package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.search.PlaceName;

class ServerConfigReaderTest {

    private final ServerConfigReader reader = new ServerConfigReader(Map.of("KAIRAN_DB_PASSWORD", "from-env"));

    @Test
    void defaultsAreSafe() throws Exception {
        ServerConfig config = reader.read(List.of());
        assertEquals(8470, config.port(), "default port 8470");
        assertEquals("127.0.0.1", config.bindAddress(), "loopback by default");
        assertFalse(config.allowPlainHttpOnNonLoopback(), "plain HTTP elsewhere is off by default");
        assertFalse(config.demo(), "no demo data unless asked");
        assertEquals(Duration.ofHours(12), config.sessionIdleTimeout(), "sessions last 12 h idle");
        assertEquals(4 << 20, config.maxBodyBytes(), "4 MiB body limit (a sync batch, 議事録 of 3 hours)");
        assertTrue(config.effectiveDatabaseUrl().startsWith("jdbc:h2:file:"), "H2 in the data directory");
        assertTrue(config.effectiveDatabaseUrl().contains("WRITE_DELAY=0"),
                "H2 writes each commit before answering, so SIGKILL loses nothing acknowledged");
    }

    @Test
    void flagsWinOverTheProperties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kairan-server.properties");
        Files.writeString(file, """
                kairan.port=9000
                kairan.bind=127.0.0.2
                kairan.db.url=jdbc:postgresql://127.0.0.1/kairan
                kairan.session.idleMinutes=30
                kairan.demo=true
                kairan.totpIssuer=伊織市 回覧
                """);
        ServerConfig config = reader.read(List.of("--config", file.toString(), "--port=0", "--data", dir.toString()));
        assertEquals(0, config.port(), "the flag wins");
        assertEquals("127.0.0.2", config.bindAddress(), "the file sets the address");
        assertEquals("jdbc:postgresql://127.0.0.1/kairan", config.effectiveDatabaseUrl(), "PostgreSQL by configuration");
        assertEquals("from-env", config.databasePassword(), "the password may come from the environment");
        assertEquals(Duration.ofMinutes(30), config.sessionIdleTimeout(), "idle timeout in minutes");
        assertTrue(config.demo(), "demo from the file");
        assertEquals("伊織市 回覧", config.totpIssuer(), "the issuer shown in authenticator apps, in Japanese");
        assertEquals(dir, config.dataDir(), "the data directory flag");
    }

    @Test
    void recordSettingsComeFromPropertiesFlagsAndTheEnvironment(@TempDir Path dir) throws Exception {
        ServerConfig defaults = reader.read(List.of("--data", dir.toString()));
        assertEquals(100L << 20, defaults.records().maxAttachmentBytes(), "attachments up to 100 MB by default");
        assertEquals(dir.resolve("record-signing.p12"), defaults.records().keystoreIn(dir),
                "the record-signing key lives in the data directory by default");
        Path file = dir.resolve("kairan-server.properties");
        Files.writeString(file, """
                kairan.record.organisation=伊織市
                kairan.attachment.maxBytes=5000000
                """);
        ServerConfig config = new ServerConfigReader(Map.of("KAIRAN_RECORD_KEYSTORE_PASSWORD", "pki-secret"))
                .read(List.of("--config", file.toString(), "--record-keystore", "/etc/kairan/city.p12",
                        "--max-attachment-bytes", "2000000"));
        assertEquals(Path.of("/etc/kairan/city.p12"), config.records().signingKeystore(), "a city's own keystore");
        assertEquals("pki-secret", config.records().signingKeystorePassword(), "its password from the environment");
        assertEquals("伊織市", config.records().organisation(), "O= of a generated certificate");
        assertEquals(2_000_000, config.records().maxAttachmentBytes(), "the flag wins over the file");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.read(List.of("--max-attachment-bytes", "0"))).getMessage()
                .contains("kairan.attachment.maxBytes"), "a limit of 0 is refused, naming the setting");
    }

    @Test
    void documentLibrarySettingsComeFromProperties(@TempDir Path dir) throws Exception {
        ServerConfig defaults = reader.read(List.of("--data", dir.toString()));
        assertEquals(2_000, defaults.documents().maxPages(), "files of up to 2,000 pages are extracted by default");
        assertTrue(defaults.documents().ocr(), "OCR is on by default");
        assertEquals("tesseract", defaults.documents().tesseract(), "the tesseract on the PATH");
        assertEquals("jpn+jpn_vert", defaults.documents().languages(), "horizontal and vertical Japanese");
        assertEquals(Duration.ofSeconds(60), defaults.documents().ocrTimeout(), "a minute per page at most");
        assertTrue(defaults.demoLibrary(), "the demo city fills its libraries unless told not to");
        Path file = dir.resolve("kairan-server.properties");
        Files.writeString(file, """
                kairan.documents.maxPages=500
                kairan.documents.ocr=false
                kairan.documents.tesseract=/opt/tesseract/bin/tesseract
                kairan.documents.languages=jpn
                kairan.documents.ocrTimeoutSeconds=120
                kairan.documents.sliceSeconds=10
                kairan.demo.library=false
                """);
        ServerConfig config = reader.read(List.of("--config", file.toString()));
        assertEquals(500, config.documents().maxPages());
        assertFalse(config.documents().ocr());
        assertEquals("/opt/tesseract/bin/tesseract", config.documents().tesseract());
        assertEquals("jpn", config.documents().languages());
        assertEquals(Duration.ofSeconds(120), config.documents().ocrTimeout());
        assertEquals(Duration.ofSeconds(10), config.documents().slice());
        assertFalse(config.demoLibrary());
        assertFalse(reader.read(List.of("--data", dir.toString(), "--demo", "--demo-library", "false")).demoLibrary(),
                "the flag says it as the property does");
        Files.writeString(file, "kairan.documents.languages=jpn; rm -rf /\n");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--config",
                file.toString()))).getMessage().contains("kairan.documents.languages"),
                "languages are Tesseract names joined by +, nothing else");
        Files.writeString(file, "kairan.documents.maxPages=0\n");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--config",
                file.toString()))).getMessage().contains("kairan.documents.maxPages"), "a page limit of 0 is refused");
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--port", "x")))
                .getMessage().contains("kairan.port"), "a bad number names the setting");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--verbose")))
                .getMessage().contains("--verbose"), "an unknown flag is named");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--port")))
                .getMessage().contains("needs a value"), "a flag without its value");
        assertThrows(ServerConfigReader.ConfigException.class, () -> reader.read(List.of("--port", "70000")),
                "a port out of range");
    }

    @Test
    void placeNamesComeFromTheCitysFileAndAWrongLineStopsTheServer(@TempDir Path dir) throws Exception {
        assertFalse(reader.read(List.of()).placeNames().hasNames(), "no list unless one is given");
        assertTrue(reader.read(List.of("--demo")).placeNames().names()
                .contains(new PlaceName("上里", "かみさと")), "the demo city has its own list");
        Path file = dir.resolve("place-names.csv");
        Files.writeString(file, "\uFEFF# 町字\n上里,かみさと\n大字上里,おおあざかみさと\n");
        Path properties = dir.resolve("kairan-server.properties");
        Files.writeString(properties, "kairan.search.placeNames=" + file.toString().replace('\\', '/') + "\n");
        assertEquals(2, reader.read(List.of("--config", properties.toString())).placeNames().names().size(),
                "the list from the properties file");
        assertEquals(2, reader.read(List.of("--demo", "--place-names", file.toString())).placeNames().names().size(),
                "the city's own list, not the demo's");
        Files.writeString(file, "上里,かみさと\n水無瀬,水無せ\n");
        String wrong = assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.read(List.of("--place-names", file.toString()))).getMessage();
        assertTrue(wrong.contains("地名よみ一覧") && wrong.contains("2行目") && wrong.contains("かな"),
                "the message names the setting, the line and what is wrong: " + wrong);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(List.of("--data", dir.toString(), "--port", "0", "--place-names", file.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)),
                "the server does not start with a wrong list");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2行目"), "and says which line: " + err);
        Files.write(file, new byte[] {(byte) 0x8F, (byte) 0xE3, ',', 'a'}); // Shift_JIS 上, not UTF-8
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.read(List.of("--place-names", file.toString()))).getMessage().contains("UTF-8"),
                "a file in another encoding is refused");
        assertTrue(assertThrows(ServerConfigReader.ConfigException.class,
                () -> reader.read(List.of("--place-names", dir.resolve("missing.csv").toString()))).getMessage()
                .contains("kairan.search.placeNames"), "a missing file is refused, naming the setting");
    }
}
