package org.kairan.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.kairan.core.kessai.DecisionRulesException;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.search.PlaceNames;
import org.kairan.core.search.PlaceNamesException;
import org.kairan.server.chat.ChatSettings;
import org.kairan.server.documents.DocumentSettings;
import org.kairan.server.minutes.SpeechSettings;
import org.kairan.server.record.RecordSettings;

/**
 * Reads a {@link ServerConfig} from command-line flags and an optional properties file
 * ({@code --config FILE}); flags win over the file, the file over the defaults.
 */
public final class ServerConfigReader {

    /** Flags that take a value, and the property each one sets. */
    private static final Map<String, String> VALUE_FLAGS = Map.ofEntries(
            Map.entry("--data", "kairan.data"),
            Map.entry("--port", "kairan.port"),
            Map.entry("--bind", "kairan.bind"),
            Map.entry("--db-url", "kairan.db.url"),
            Map.entry("--db-user", "kairan.db.user"),
            Map.entry("--keystore", "kairan.keystore"),
            Map.entry("--session-idle-minutes", "kairan.session.idleMinutes"),
            Map.entry("--max-body-bytes", "kairan.maxBodyBytes"),
            Map.entry("--max-roster-bytes", "kairan.maxRosterBytes"),
            Map.entry("--zone", "kairan.zone"),
            Map.entry("--demo-library", "kairan.demo.library"),
            Map.entry("--totp-issuer", "kairan.totpIssuer"),
            Map.entry("--record-keystore", "kairan.record.keystore"),
            Map.entry("--max-attachment-bytes", "kairan.attachment.maxBytes"),
            Map.entry("--place-names", "kairan.search.placeNames"),
            Map.entry("--chat", "kairan.chat.mode"));

    /** The largest list of place names read (20,000 names of 16 characters and readings of 24 fit well). */
    static final long MAX_PLACE_NAMES_BYTES = 4L << 20;
    /** The demo city's place names, used with {@code --demo} when no list is given. */
    static final String DEMO_PLACE_NAMES = "/org/kairan/server/demo/place-names.csv";

    /** Flags without a value that set a property to true. */
    private static final Map<String, String> SWITCHES = Map.of(
            "--demo", "kairan.demo",
            "--allow-plain-http-on-non-loopback", "kairan.allowPlainHttpOnNonLoopback");

    public static final String USAGE = """
            Usage: java -jar kairan-server.jar [options]
                   java -jar kairan-server.jar admin set-password STAFF_NO   (password read from standard input)
                   java -jar kairan-server.jar admin verify-audit
                   java -jar kairan-server.jar admin new-feed-epoch   (after restoring a backup)
                   java -jar kairan-server.jar admin verify-record FILE.pdf   (check a PDF of record's signature)
            Options (properties in --config FILE use the names in brackets; flags win):
              --config FILE                 properties file
              --data DIR                    data directory [kairan.data] (default ~/.kairan/server)
              --port N                      port, 0 = a free one [kairan.port] (default 8470)
              --bind ADDR                   listen address [kairan.bind] (default 127.0.0.1)
              --demo                        load the demo city on first start [kairan.demo]; its 課 document
                                            libraries too unless --demo-library false
              --demo-library true|false     whether --demo fills the 課 document libraries [kairan.demo.library]
                                            (default true)
              --db-url URL, --db-user USER  PostgreSQL instead of the embedded H2 [kairan.db.url, kairan.db.user;
                                            the password only as kairan.db.password or env KAIRAN_DB_PASSWORD]
              --keystore FILE               PKCS#12 keystore: serve HTTPS [kairan.keystore; password as
                                            kairan.keystorePassword or env KAIRAN_KEYSTORE_PASSWORD]
              --allow-plain-http-on-non-loopback   [kairan.allowPlainHttpOnNonLoopback] (default false)
              --session-idle-minutes N      [kairan.session.idleMinutes] (default 720)
              --max-body-bytes N            [kairan.maxBodyBytes] (default 4194304)
              --max-roster-bytes N          [kairan.maxRosterBytes] (default 20971520)
              --zone ZONE                   the office's time zone [kairan.zone] (default Asia/Tokyo)
              --totp-issuer NAME            name shown in authenticator apps [kairan.totpIssuer] (default Kairan)
              --record-keystore FILE        PKCS#12 key that signs PDFs of record [kairan.record.keystore; password as
                                            kairan.record.keystorePassword or env KAIRAN_RECORD_KEYSTORE_PASSWORD]
                                            (default DATA/record-signing.p12, made at first use)
              --max-attachment-bytes N      largest attachment [kairan.attachment.maxBytes] (default 104857600)
              --place-names FILE            the city's place names with their readings for search, a UTF-8 CSV of
                                            表記,よみ lines, # comments [kairan.search.placeNames] (default: none;
                                            with --demo the demo city's)
              --chat managed|external|off   business chat's XMPP server [kairan.chat.mode] (default managed: the
                                            server starts its own Prosody, see below)
            Properties only: kairan.record.organisation (O= of the generated certificate, default Kairan),
              kairan.record.gothicFont, kairan.record.minchoFont (ipag.ttf, ipam.ttf; default: the installed
              Debian packages fonts-ipafont-gothic, fonts-ipafont-mincho);
              the document library's text extraction: kairan.documents.maxPages (default 2000),
              kairan.documents.ocr (default true), kairan.documents.tesseract (default tesseract, Debian packages
              tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert), kairan.documents.languages (default
              jpn+jpn_vert), kairan.documents.ocrTimeoutSeconds (per page, default 60),
              kairan.documents.sliceSeconds (default 30);
              business chat (XMPP): kairan.chat.mode = managed (default: the server starts its own Prosody under
              DATA/chat/prosody on loopback ports; Debian packages prosody lua-dbi-sqlite3) | external | off,
              kairan.chat.domain (default kairan.local), kairan.chat.prosody (default prosody); for external:
              kairan.chat.host, kairan.chat.port (default 5222), kairan.chat.adminJid, and the password as
              kairan.chat.adminPassword or env KAIRAN_CHAT_ADMIN_PASSWORD; kairan.chat.groupsFile (an external
              Prosody's groups_file the server keeps the 課 contact groups in);
              speech-to-text of meeting recordings (議事録): kairan.stt.model.<language> (a Vosk model directory per
              language, e.g. kairan.stt.model.ja=/opt/vosk/vosk-model-ja-0.22; none by default),
              kairan.stt.ffmpeg (default ffmpeg, Debian package ffmpeg: recordings other than WAV),
              kairan.stt.maxUploadBytes (default 1073741824), kairan.stt.workers (default 1)
            """;

    private final Map<String, String> environment;

    public ServerConfigReader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Thrown for a flag or value the reader does not understand; the message says which. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    public ServerConfig read(List<String> args) throws ConfigException {
        Properties flags = new Properties();
        Path configFile = null;
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (SWITCHES.containsKey(arg)) {
                flags.setProperty(SWITCHES.get(arg), value == null ? "true" : value);
            } else if (VALUE_FLAGS.containsKey(arg) || arg.equals("--config")) {
                if (value == null) {
                    if (i + 1 >= rest.size()) {
                        throw new ConfigException(arg + " needs a value");
                    }
                    value = rest.get(++i);
                }
                if (arg.equals("--config")) {
                    configFile = Path.of(value);
                } else {
                    flags.setProperty(VALUE_FLAGS.get(arg), value);
                }
            } else {
                throw new ConfigException("unknown option: " + rest.get(i));
            }
        }
        Properties merged = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                merged.load(reader);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + configFile + ": " + e.getMessage());
            }
        }
        merged.putAll(flags);
        return fromProperties(merged);
    }

    public ServerConfig fromProperties(Properties p) throws ConfigException {
        Path dataDir = p.containsKey("kairan.data") ? Path.of(expandHome(p.getProperty("kairan.data")))
                : ServerConfig.defaultDataDir();
        String keystore = p.getProperty("kairan.keystore");
        String keystorePassword = firstNonNull(p.getProperty("kairan.keystorePassword"),
                environment.get("KAIRAN_KEYSTORE_PASSWORD"));
        String dbPassword = firstNonNull(p.getProperty("kairan.db.password"), environment.get("KAIRAN_DB_PASSWORD"));
        RecordSettings records = records(p);
        ZoneId zone;
        try {
            zone = ZoneId.of(p.getProperty("kairan.zone", ServerConfig.DEFAULT_ZONE.getId()));
        } catch (DateTimeException e) {
            throw new ConfigException("kairan.zone is not a time zone: " + p.getProperty("kairan.zone"));
        }
        try {
            return new ServerConfig(dataDir,
                    p.getProperty("kairan.bind", ServerConfig.DEFAULT_BIND),
                    (int) number(p, "kairan.port", ServerConfig.DEFAULT_PORT),
                    blankToNull(p.getProperty("kairan.db.url")),
                    blankToNull(p.getProperty("kairan.db.user")),
                    dbPassword,
                    Duration.ofMinutes(number(p, "kairan.session.idleMinutes", ServerConfig.DEFAULT_IDLE.toMinutes())),
                    number(p, "kairan.maxBodyBytes", ServerConfig.DEFAULT_MAX_BODY),
                    number(p, "kairan.maxRosterBytes", ServerConfig.DEFAULT_MAX_ROSTER),
                    bool(p, "kairan.demo"),
                    !p.containsKey("kairan.demo.library") || bool(p, "kairan.demo.library"),
                    keystore == null || keystore.isBlank() ? null : Path.of(expandHome(keystore)),
                    keystorePassword,
                    bool(p, "kairan.allowPlainHttpOnNonLoopback"),
                    zone,
                    p.getProperty("kairan.totpIssuer", ServerConfig.DEFAULT_TOTP_ISSUER).strip(),
                    kessai(p),
                    records,
                    documents(p),
                    placeNames(p),
                    chat(p),
                    speech(p),
                    Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The 決裁 settings: text files for the 事務決裁規程 ({@code kairan.kessai.rules}), the 代決順
     * ({@code kairan.kessai.substitutes}) and the 文書分類 ({@code kairan.kessai.classes}), each in the format
     * of its parser, and the 文書番号 pattern, city 略称, numbering moment and file limit; the standard
     * settings where nothing is given (the demo city numbers as 伊).
     */
    private static KessaiSettings kessai(Properties p) throws ConfigException {
        KessaiSettings standard = KessaiSettings.standard();
        try {
            String numberAt = p.getProperty("kairan.kessai.numberAt", standard.numberAt().name()).strip();
            KessaiSettings settings = new KessaiSettings(
                    text(p, "kairan.kessai.rules", standard.decisionRules()),
                    text(p, "kairan.kessai.substitutes", standard.substituteOrder()),
                    p.containsKey("kairan.kessai.classes")
                            ? KessaiSettings.parseClasses(text(p, "kairan.kessai.classes", ""))
                            : standard.classes(),
                    p.getProperty("kairan.kessai.numberPattern", standard.numberPattern()).strip(),
                    p.getProperty("kairan.kessai.cityAbbreviation", bool(p, "kairan.demo") ? "伊" : "").strip(),
                    KessaiSettings.Numbering.valueOf(numberAt.toUpperCase(java.util.Locale.ROOT)),
                    number(p, "kairan.attachment.maxBytes", RecordSettings.DEFAULT_MAX_ATTACHMENT));
            settings.rules();
            settings.substitutes();
            settings.numberFormat();
            return settings;
        } catch (DecisionRulesException e) {
            throw new ConfigException("決裁の設定に誤りがあります: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("決裁の設定に誤りがあります (kairan.kessai.*): " + e.getMessage());
        }
    }

    /** The document library's text extraction ({@code kairan.documents.*}). */
    private static DocumentSettings documents(Properties p) throws ConfigException {
        DocumentSettings standard = DocumentSettings.defaults();
        try {
            return new DocumentSettings(
                    (int) Math.min(Integer.MAX_VALUE, number(p, "kairan.documents.maxPages", standard.maxPages())),
                    p.containsKey("kairan.documents.ocr") ? bool(p, "kairan.documents.ocr") : standard.ocr(),
                    p.getProperty("kairan.documents.tesseract", standard.tesseract()),
                    p.getProperty("kairan.documents.languages", standard.languages()),
                    Duration.ofSeconds(number(p, "kairan.documents.ocrTimeoutSeconds", standard.ocrTimeout().toSeconds())),
                    Duration.ofSeconds(number(p, "kairan.documents.sliceSeconds", standard.slice().toSeconds())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("文書庫の設定に誤りがあります (kairan.documents.*): " + e.getMessage());
        }
    }

    private static Path pathOrNull(String value) {
        return value == null ? null : Path.of(value);
    }

    /**
     * Speech-to-text of meeting recordings ({@code kairan.stt.*}): one model directory per language
     * ({@code kairan.stt.model.ja}, {@code kairan.stt.model.en}, …), ffmpeg, the upload limit and the workers. A model
     * directory that is missing does not stop the server: the language is reported as not installed, naming the setting.
     */
    private static SpeechSettings speech(Properties p) throws ConfigException {
        SpeechSettings standard = SpeechSettings.defaults();
        java.util.Map<String, Path> models = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(SpeechSettings.MODEL_PROPERTY)) {
                String value = blankToNull(p.getProperty(key));
                if (value != null) {
                    models.put(key.substring(SpeechSettings.MODEL_PROPERTY.length()), Path.of(expandHome(value)));
                }
            }
        }
        try {
            return new SpeechSettings(models, p.getProperty("kairan.stt.ffmpeg", standard.ffmpeg()),
                    number(p, "kairan.stt.maxUploadBytes", standard.maxUploadBytes()),
                    (int) Math.min(Integer.MAX_VALUE, number(p, "kairan.stt.workers", standard.workers())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("音声認識の設定に誤りがあります (kairan.stt.*): " + e.getMessage());
        }
    }

    /** Business chat's XMPP server ({@code kairan.chat.*}): a managed Prosody unless told otherwise. */
    private ChatSettings chat(Properties p) throws ConfigException {
        try {
            return new ChatSettings(
                    ChatSettings.Mode.parse(p.getProperty("kairan.chat.mode", "managed")),
                    blankToNull(p.getProperty("kairan.chat.domain")),
                    p.getProperty("kairan.chat.prosody"),
                    p.getProperty("kairan.chat.host"),
                    (int) number(p, "kairan.chat.port", ChatSettings.DEFAULT_PORT),
                    p.getProperty("kairan.chat.adminJid"),
                    firstNonNull(p.getProperty("kairan.chat.adminPassword"),
                            environment.get("KAIRAN_CHAT_ADMIN_PASSWORD")),
                    pathOrNull(blankToNull(p.getProperty("kairan.chat.groupsFile"))));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("チャットの設定に誤りがあります (kairan.chat.*): " + e.getMessage());
        }
    }

    /**
     * The city's place names with their readings ({@code kairan.search.placeNames}, a CSV of {@code 表記,よみ}); the
     * demo city's list with {@code kairan.demo} when none is given; none otherwise. A list with a wrong line stops
     * the server, naming the line.
     */
    private static PlaceNames placeNames(Properties p) throws ConfigException {
        String file = blankToNull(p.getProperty("kairan.search.placeNames"));
        String text;
        if (file != null) {
            Path path = Path.of(expandHome(file));
            try {
                if (Files.size(path) > MAX_PLACE_NAMES_BYTES) {
                    throw new ConfigException("地名よみ一覧 (kairan.search.placeNames) " + file + " が大きすぎます"
                            + " (larger than " + MAX_PLACE_NAMES_BYTES + " bytes)");
                }
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw new ConfigException("地名よみ一覧 (kairan.search.placeNames) " + file + " を UTF-8 で保存してください"
                        + " (not UTF-8)");
            } catch (IOException e) {
                throw new ConfigException("kairan.search.placeNames: cannot read " + file + ": " + e.getMessage());
            }
        } else if (bool(p, "kairan.demo")) {
            file = "デモ用 " + DEMO_PLACE_NAMES;
            try (InputStream in = ServerConfigReader.class.getResourceAsStream(DEMO_PLACE_NAMES)) {
                if (in == null) {
                    throw new IllegalStateException("the demo city's place names are missing: " + DEMO_PLACE_NAMES);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("the demo city's place names cannot be read", e);
            }
        } else {
            return PlaceNames.NONE;
        }
        try {
            return PlaceNames.parse(text);
        } catch (PlaceNamesException e) {
            throw new ConfigException("地名よみ一覧 (kairan.search.placeNames) " + file + " に誤りがあります: "
                    + e.getMessage());
        }
    }

    private static String text(Properties p, String key, String fallback) throws ConfigException {
        String file = p.getProperty(key);
        if (file == null || file.isBlank()) {
            return fallback;
        }
        try {
            return Files.readString(Path.of(expandHome(file.strip())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    private RecordSettings records(Properties p) throws ConfigException {
        try {
            return new RecordSettings(path(p, "kairan.record.keystore"),
                    firstNonNull(p.getProperty("kairan.record.keystorePassword"),
                            environment.get("KAIRAN_RECORD_KEYSTORE_PASSWORD")),
                    p.getProperty("kairan.record.organisation"),
                    path(p, "kairan.record.gothicFont"),
                    path(p, "kairan.record.minchoFont"),
                    number(p, "kairan.attachment.maxBytes", RecordSettings.DEFAULT_MAX_ATTACHMENT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Path path(Properties p, String key) {
        String value = blankToNull(p.getProperty(key));
        return value == null ? null : Path.of(expandHome(value));
    }

    private static long number(Properties p, String key, long fallback) throws ConfigException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, was \"" + value + "\"");
        }
    }

    private static boolean bool(Properties p, String key) throws ConfigException {
        String value = p.getProperty(key, "false").strip();
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off", "" -> false;
            default -> throw new ConfigException(key + " must be true or false, was \"" + value + "\"");
        };
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
