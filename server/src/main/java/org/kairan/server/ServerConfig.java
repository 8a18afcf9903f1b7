package org.kairan.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.search.PlaceNames;
import org.kairan.server.chat.ChatSettings;
import org.kairan.server.documents.DocumentSettings;
import org.kairan.server.minutes.SpeechSettings;
import org.kairan.server.record.RecordSettings;

/**
 * Everything the server needs to start. Built by {@link ServerConfigReader} from command-line flags
 * and an optional properties file, or directly by tests.
 *
 * @param dataDir                     data directory (H2 database, logs)
 * @param bindAddress                 listen address
 * @param port                        listen port, 0 for a free one
 * @param databaseUrl                 JDBC URL; {@code null} for the H2 file database under the data directory
 * @param databaseUser                database user, may be {@code null}
 * @param databasePassword            database password, may be {@code null}
 * @param sessionIdleTimeout          a session ends when unused this long
 * @param maxBodyBytes                largest request body accepted by ordinary routes
 * @param maxRosterBytes              largest roster upload
 * @param demo                        load the demo city on first start
 * @param demoLibrary                 with the demo city, fill the 課 document libraries too (≈80 documents whose
 *                                    text is extracted in the background)
 * @param keystore                    PKCS#12 keystore: serve HTTPS when set
 * @param keystorePassword            its password
 * @param allowPlainHttpOnNonLoopback serve plain HTTP on a non-loopback address (off: refuse to start)
 * @param zone                        the office's time zone: "today" for the directory and audit dates
 * @param totpIssuer                  the name authenticator apps show beside the code (e.g. 伊織市 回覧)
 * @param kessai                      the city's 決裁 settings: 事務決裁規程, 代決順, 文書分類, 文書番号, file limit
 * @param records                     PDF of record (signing key, fonts) and attachment limits
 * @param documents                   the document library's text extraction (page limit, OCR)
 * @param placeNames                  the city's readings of its place names, for every desktop's search
 * @param chat                        business chat's XMPP server: managed Prosody, external, or off
 * @param speech                      speech-to-text of meeting recordings (議事録): a model directory per language,
 *                                    ffmpeg, the upload limit and the number of workers
 * @param clock                       time source (tests move it)
 */
public record ServerConfig(Path dataDir, String bindAddress, int port, String databaseUrl, String databaseUser,
        String databasePassword, Duration sessionIdleTimeout, long maxBodyBytes, long maxRosterBytes, boolean demo,
        boolean demoLibrary, Path keystore, String keystorePassword, boolean allowPlainHttpOnNonLoopback, ZoneId zone,
        String totpIssuer, KessaiSettings kessai, RecordSettings records, DocumentSettings documents, PlaceNames placeNames,
        ChatSettings chat, SpeechSettings speech, Clock clock) {

    public static final int DEFAULT_PORT = 8470;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Duration DEFAULT_IDLE = Duration.ofHours(12);
    public static final long DEFAULT_MAX_BODY = 4L << 20;
    public static final long DEFAULT_MAX_ROSTER = 20L << 20;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");
    public static final String DEFAULT_TOTP_ISSUER = "Kairan";

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(kessai, "kessai");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(placeNames, "placeNames");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(speech, "speech");
        if (totpIssuer == null || totpIssuer.isBlank() || totpIssuer.contains(":")) {
            throw new IllegalArgumentException("the TOTP issuer must be a non-blank name without ':'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes <= 0 || maxRosterBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive");
        }
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive");
        }
    }

    /**
     * Defaults for everything, with the given data directory; chat is off here (tests and embedders ask for it),
     * while the command line ({@link ServerConfigReader}) starts a managed Prosody unless told otherwise.
     */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, DEFAULT_BIND, DEFAULT_PORT, null, null, null, DEFAULT_IDLE, DEFAULT_MAX_BODY,
                DEFAULT_MAX_ROSTER, false, true, null, null, false, DEFAULT_ZONE, DEFAULT_TOTP_ISSUER, KessaiSettings.standard(),
                RecordSettings.defaults(), DocumentSettings.defaults(), PlaceNames.NONE, ChatSettings.off(), SpeechSettings.defaults(),
                Clock.systemUTC());
    }

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".kairan", "server");
    }

    public boolean https() {
        return keystore != null;
    }

    /** The JDBC URL actually used: the configured one or the embedded H2 file database. */
    public String effectiveDatabaseUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        // WRITE_DELAY=0: a commit reaches the file before the client is answered, so a SIGKILL
        // loses nothing that was acknowledged (H2's default keeps up to ~1 s of commits in memory).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("kairan").toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Whether the bind address is a loopback one (plain HTTP is fine there). */
    public boolean bindsLoopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public ServerConfig withDemo(boolean newDemo) {
        return toBuilder().demo(newDemo).build();
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return toBuilder().database(url, user, password).build();
    }

    public ServerConfig withClock(Clock newClock) {
        return toBuilder().clock(newClock).build();
    }

    /** Changes some settings of a configuration. */
    public static final class Builder {
        private Path dataDir;
        private String bindAddress;
        private int port;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private Duration sessionIdleTimeout;
        private long maxBodyBytes;
        private long maxRosterBytes;
        private boolean demo;
        private boolean demoLibrary;
        private Path keystore;
        private String keystorePassword;
        private boolean allowPlainHttpOnNonLoopback;
        private ZoneId zone;
        private String totpIssuer;
        private KessaiSettings kessai;
        private RecordSettings records;
        private DocumentSettings documents;
        private PlaceNames placeNames;
        private ChatSettings chat;
        private SpeechSettings speech;
        private Clock clock;

        private Builder(ServerConfig c) {
            dataDir = c.dataDir;
            bindAddress = c.bindAddress;
            port = c.port;
            databaseUrl = c.databaseUrl;
            databaseUser = c.databaseUser;
            databasePassword = c.databasePassword;
            sessionIdleTimeout = c.sessionIdleTimeout;
            maxBodyBytes = c.maxBodyBytes;
            maxRosterBytes = c.maxRosterBytes;
            demo = c.demo;
            demoLibrary = c.demoLibrary;
            keystore = c.keystore;
            keystorePassword = c.keystorePassword;
            allowPlainHttpOnNonLoopback = c.allowPlainHttpOnNonLoopback;
            zone = c.zone;
            totpIssuer = c.totpIssuer;
            kessai = c.kessai;
            records = c.records;
            documents = c.documents;
            placeNames = c.placeNames;
            chat = c.chat;
            speech = c.speech;
            clock = c.clock;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder bind(String address, boolean allowPlainHttp) {
            bindAddress = address;
            allowPlainHttpOnNonLoopback = allowPlainHttp;
            return this;
        }

        public Builder database(String url, String user, String password) {
            databaseUrl = url;
            databaseUser = user;
            databasePassword = password;
            return this;
        }

        public Builder sessionIdleTimeout(Duration value) {
            sessionIdleTimeout = value;
            return this;
        }

        public Builder limits(long maxBody, long maxRoster) {
            maxBodyBytes = maxBody;
            maxRosterBytes = maxRoster;
            return this;
        }

        public Builder demo(boolean value) {
            demo = value;
            return this;
        }

        public Builder demoLibrary(boolean value) {
            demoLibrary = value;
            return this;
        }

        public Builder keystore(Path store, String password) {
            keystore = store;
            keystorePassword = password;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder totpIssuer(String value) {
            totpIssuer = value;
            return this;
        }

        public Builder kessai(KessaiSettings value) {
            kessai = value;
            return this;
        }

        public Builder records(RecordSettings value) {
            records = value;
            return this;
        }

        public Builder documents(DocumentSettings value) {
            documents = value;
            return this;
        }

        public Builder placeNames(PlaceNames value) {
            placeNames = value;
            return this;
        }

        public Builder chat(ChatSettings value) {
            chat = value;
            return this;
        }

        public Builder speech(SpeechSettings value) {
            speech = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(dataDir, bindAddress, port, databaseUrl, databaseUser, databasePassword,
                    sessionIdleTimeout, maxBodyBytes, maxRosterBytes, demo, demoLibrary, keystore, keystorePassword,
                    allowPlainHttpOnNonLoopback, zone, totpIssuer, kessai, records, documents, placeNames, chat, speech, clock);
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[dataDir=" + dataDir + ", bind=" + bindAddress + ":" + port + ", db="
                + (databaseUrl == null ? "h2 (data dir)" : databaseUrl) + ", https=" + https() + ", demo=" + demo + ", chat=" + chat + "]";
    }
}
