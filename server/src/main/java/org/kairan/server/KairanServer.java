package org.kairan.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kairan.server.audit.AuditChain;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.chat.ChatAccess;
import org.kairan.server.chat.ChatServer;
import org.kairan.server.chat.ChatSettings;
import org.kairan.server.chat.ManagedProsody;
import org.kairan.server.auth.LoginThrottle;
import org.kairan.server.auth.PasswordHasher;
import org.kairan.server.auth.SessionTokens;
import org.kairan.core.auth.Totp;
import org.kairan.server.circular.AcknowledgeCircularCommand;
import org.kairan.server.circular.CircularStore;
import org.kairan.server.documents.LibraryModule;
import org.kairan.server.files.AttachmentFileCheck;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiModule;
import org.kairan.server.minutes.MinutesModule;
import org.kairan.server.kessai.KessaiRecords;
import org.kairan.server.record.AttachmentCheck;
import org.kairan.server.circular.PostCircularCommand;
import org.kairan.server.circular.WithdrawCircularCommand;
import org.kairan.server.demo.DemoCity;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.directory.TransferService;
import org.kairan.server.http.AdminHandler;
import org.kairan.server.http.ApiJson;
import org.kairan.server.http.AuthHandler;
import org.kairan.server.http.ChatHandler;
import org.kairan.server.http.DirectoryHandler;
import org.kairan.server.http.DocumentsHandler;
import org.kairan.server.http.FeedEventsHandler;
import org.kairan.server.http.FilesHandler;
import org.kairan.server.http.HealthHandler;
import org.kairan.server.http.KessaiHandler;
import org.kairan.server.http.MinutesHandler;
import org.kairan.server.http.JsonErrorHandler;
import org.kairan.server.http.MinutesRecordsHandler;
import org.kairan.server.http.NotFoundHandler;
import org.kairan.server.http.SyncHandler;
import org.kairan.server.login.AccountService;
import org.kairan.server.minutes.Recordings;
import org.kairan.server.minutes.TranscriptionJobs;
import org.kairan.server.minutes.VoskSpeechToText;
import org.kairan.server.login.CredentialStore;
import org.kairan.server.login.LoginService;
import org.kairan.server.login.SessionService;
import org.kairan.server.login.SessionStore;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.roster.RosterImporter;
import org.kairan.server.search.PlaceNamesFeed;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandService;
import org.kairan.server.sync.DirectoryFeed;
import org.kairan.server.sync.FeedSignal;
import org.kairan.server.sync.Foreground;
import org.kairan.server.sync.PullService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kairan server: Jetty with one handler per route family over one database. Build it with
 * {@link #newServer}, then {@link #start()}; {@link #stop()} lets running requests finish and closes
 * the database.
 */
public final class KairanServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KairanServer.class);
    private static final long STOP_TIMEOUT_MS = 10_000;

    private final ServerConfig config;
    private final Database database;
    private final Server jetty;
    private final ServerConnector connector;
    private final AccountService accounts;
    private final RosterImporter roster;
    private final DemoCity demo;
    private final AuditLog audit;
    private final Feed feed;
    private final KessaiModule kessai;
    private final LibraryModule library;
    /** Speech-to-text of meeting recordings (議事録). */
    private final TranscriptionJobs transcriptions;
    /** The managed Prosody; {@code null} unless {@code kairan.chat.mode=managed}. */
    private final ChatServer chat;
    /** Business chat's accounts (open once the chat server is up; empty when chat is off). */
    private final ChatAccess chatAccess;
    private boolean stopped;

    /** The change feed's parts the server starts and stops. */
    private record Feed(ChangeFeed changes, DirectoryFeed directory, PlaceNamesFeed placeNames, FeedSignal signal,
            FeedEventsHandler events) {
    }

    private KairanServer(ServerConfig config, Database database, Server jetty, ServerConnector connector,
            AccountService accounts, RosterImporter roster, DemoCity demo, AuditLog audit, Feed feed,
            KessaiModule kessai, LibraryModule library, TranscriptionJobs transcriptions, ChatServer chat,
            ChatAccess chatAccess) {
        this.config = config;
        this.database = database;
        this.jetty = jetty;
        this.connector = connector;
        this.accounts = accounts;
        this.roster = roster;
        this.demo = demo;
        this.audit = audit;
        this.feed = feed;
        this.kessai = kessai;
        this.library = library;
        this.transcriptions = transcriptions;
        this.chat = chat;
        this.chatAccess = chatAccess;
    }

    /**
     * Opens (and migrates) the database and builds the HTTP server, not yet listening.
     *
     * @throws IllegalStateException when the configuration is unsafe (plain HTTP on a non-loopback
     *                               address without {@code allowPlainHttpOnNonLoopback}) or unusable
     */
    public static KairanServer newServer(ServerConfig config) {
        if (!config.https() && !config.bindsLoopbackOnly() && !config.allowPlainHttpOnNonLoopback()) {
            throw new IllegalStateException("refusing to serve plain HTTP on " + config.bindAddress()
                    + ", which is not a loopback address: configure a keystore (kairan.keystore) for HTTPS, bind to"
                    + " 127.0.0.1, or set kairan.allowPlainHttpOnNonLoopback=true if a TLS proxy protects it");
        }
        if (config.https() && !Files.isReadable(config.keystore())) {
            throw new IllegalStateException("the keystore " + config.keystore() + " cannot be read");
        }
        if (config.databaseUrl() == null) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the data directory " + config.dataDir() + ": "
                        + e.getMessage(), e);
            }
        }
        Database database = Database.open(config.effectiveDatabaseUrl(), config.databaseUser(),
                config.databasePassword());
        try {
            return assemble(config, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static KairanServer assemble(ServerConfig config, Database database) {
        ObjectMapper mapper = ApiJson.newObjectMapper();
        OrganisationStore organisation = new OrganisationStore();
        AuditLog audit = new AuditLog(new AuditChain(), config.clock());
        SessionTokens tokens = new SessionTokens();
        PasswordHasher hasher = new PasswordHasher();
        LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULT, config.clock());
        CredentialStore credentials = new CredentialStore();
        SessionStore sessionStore = new SessionStore();
        DirectoryCache directory = new DirectoryCache(organisation);
        SessionUsers users = new SessionUsers(directory, config.clock(), config.zone());
        SessionService sessions = new SessionService(database, sessionStore, users, tokens, audit, config.clock(),
                config.sessionIdleTimeout());
        ChatAccess chatAccess = new ChatAccess(config.chat(), database, organisation, config.clock(),
                config.zone());
        LoginService logins = new LoginService(database, organisation, credentials, sessions, users, audit, hasher,
                new Totp(config.clock()), tokens, throttle, config.clock(), config.totpIssuer(), chatAccess::accessEnded);
        AccountService accounts = new AccountService(database, organisation, credentials, sessionStore, audit, hasher,
                throttle, config.clock(), chatAccess::accessEnded);
        FeedSignal signal = new FeedSignal();
        Foreground foreground = new Foreground();
        ChangeFeed changes = new ChangeFeed(database, signal, config.clock());
        DirectoryFeed directoryFeed = new DirectoryFeed(organisation, changes, mapper);
        RosterImporter roster = new RosterImporter(database, organisation, audit, directoryFeed,
                () -> chatAccess.provisionDirectory("after a roster import"));
        TransferService transfers = new TransferService(database, organisation, audit, directoryFeed,
                () -> chatAccess.provisionDirectory("after 人事異動"));
        PullService pulls = new PullService(database, changes, directory, users, config.clock());
        CircularStore circulars = new CircularStore(changes, mapper);
        CommandPayload payloads = new CommandPayload(mapper);
        FileStore files = new FileStore(config.dataDir().resolve("files"), config.kessai().maxFileBytes(),
                new AttachmentFileCheck(new AttachmentCheck(config.records().maxAttachmentBytes())), database,
                config.clock());
        Path ocrScratch = config.dataDir().resolve("files").resolve("ocr");
        KessaiModule kessai = new KessaiModule(database, changes, mapper, directory, files, config.kessai(),
                config.records(), config.dataDir(), audit, config.zone(), config.clock(), foreground,
                config.documents(), ocrScratch.resolve("attachments"));
        List<CommandHandler> handlers = new ArrayList<>(List.of(
                new PostCircularCommand(circulars, payloads),
                new AcknowledgeCircularCommand(circulars, payloads),
                new WithdrawCircularCommand(circulars, payloads)));
        handlers.addAll(kessai.commands());
        LibraryModule library = new LibraryModule(database, changes, mapper, directory, users, files, config.kessai(),
                config.documents(), new AttachmentCheck(config.records().maxAttachmentBytes()),
                ocrScratch, foreground, config.clock());
        handlers.addAll(library.commands());
        Path recordings = config.dataDir().resolve("minutes");
        MinutesModule minutes = new MinutesModule(database, changes, mapper, directory, users, kessai, files,
                config.records(), config.zone(), recordings);
        handlers.addAll(minutes.commands());
        KessaiRecords kessaiRecords = new KessaiRecords(database, kessai, files, directory, users, config.zone());
        CommandService commands = new CommandService(database, handlers, directory, users, audit, config.clock(),
                foreground);
        TranscriptionJobs transcriptions = new TranscriptionJobs(database, mapper,
                new VoskSpeechToText(config.speech(), mapper), new Recordings(config.speech().ffmpeg()), config.speech(),
                recordings, config.clock(), minutes.recordingUse());

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("kairan-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ConnectionFactory[] factories;
        if (config.https()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.keystore().toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            if (config.keystorePassword() != null) {
                ssl.setKeyStorePassword(config.keystorePassword());
            }
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            HttpConnectionFactory h1 = new HttpConnectionFactory(http);
            factories = new ConnectionFactory[] {new SslConnectionFactory(ssl, h1.getProtocol()), h1};
        } else {
            factories = new ConnectionFactory[] {new HttpConnectionFactory(http)};
        }
        ServerConnector connector = new ServerConnector(jetty, factories);
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(1024);
        jetty.addConnector(connector);

        FeedEventsHandler events = new FeedEventsHandler(mapper, database, sessions, signal, changes);
        Handler.Sequence routes = new Handler.Sequence(
                events,
                new HealthHandler(mapper, database, version()),
                new AuthHandler(mapper, config.maxBodyBytes(), logins, sessions, accounts),
                new DirectoryHandler(mapper, database, organisation, directory, sessions, users),
                new ChatHandler(mapper, sessions, accounts, chatAccess),
                new AdminHandler(mapper, config.maxBodyBytes(), config.maxRosterBytes(), config.zone(), database,
                        sessions, accounts, roster, transfers, audit),
                new SyncHandler(mapper, config.maxBodyBytes(), sessions, pulls, commands),
                new KessaiHandler(mapper, config.maxBodyBytes(), sessions, kessaiRecords, files, config.clock()),
                new FilesHandler(mapper, config.maxBodyBytes(), sessions, files, kessaiRecords, library),
                new DocumentsHandler(mapper, config.maxBodyBytes(), sessions, library.records(), files),
                new MinutesRecordsHandler(mapper, config.maxBodyBytes(), sessions, minutes.records()),
                new MinutesHandler(mapper, config.maxBodyBytes(), sessions, transcriptions),
                new NotFoundHandler(mapper));
        jetty.setHandler(new GracefulHandler(routes));
        jetty.setErrorHandler(new JsonErrorHandler(mapper));
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
        jetty.setStopAtShutdown(false);
        DemoCity demo = new DemoCity(database, organisation, roster, accounts, commands, users, mapper, directory,
                kessai, files, config.demoLibrary() ? library : null, config.records(), config.clock(), config.zone());
        return new KairanServer(config, database, jetty, connector, accounts, roster, demo, audit,
                new Feed(changes, directoryFeed, new PlaceNamesFeed(changes, mapper, config.placeNames()), signal, events),
                kessai, library, transcriptions,
                config.chat().mode() == ChatSettings.Mode.MANAGED ? new ManagedProsody(config.chat(), config.dataDir())
                        : null, chatAccess);
    }

    /**
     * Makes sure the change feed has its epoch and the whole directory (once), loads the demo city if
     * configured and the directory is empty, starts the managed chat server (Prosody) if configured, starts the
     * background work (PDFs of record, the libraries' text extraction), then starts listening; the demo city's document libraries are filled after that, in the
     * background.
     */
    public void start() throws Exception {
        long head = database.inTransaction(c -> {
            feed.changes().epoch(c);
            if (feed.directory().publishOnce(c)) {
                LOG.info("the directory was put into the change feed");
            }
            if (kessai.publishSettings(c)) {
                LOG.info("the 決裁 settings were put into the change feed");
            }
            if (feed.placeNames().publish(c)) {
                LOG.info("the city's place names ({} characters) were put into the change feed",
                        config.placeNames().entries().length());
            }
            return feed.changes().head(c);
        });
        feed.signal().moved(head);
        boolean demoLoaded = config.demo() && demo.loadIfEmpty();
        if (chat != null) {
            chat.start();
        } else if (config.chat().mode() == ChatSettings.Mode.EXTERNAL) {
            LOG.info("chat: {}", config.chat());
        }
        chatAccess.start(chat instanceof ManagedProsody managed ? managed : null);
        kessai.start();
        library.start();
        transcriptions.start();
        jetty.start();
        if (config.demo()) {
            demo.fillLibrariesInBackground(demoLoaded);
        }
        LOG.info("started: {} ({} database)", config, database.kind().label());
        logAuditHead("at start");
    }

    /**
     * Writes the audit chain's head to the server log, a copy outside the database: compared with
     * {@code admin verify-audit}, it shows whether entries were later removed from the end.
     */
    private void logAuditHead(String when) {
        try {
            database.inTransaction(audit::head).ifPresentOrElse(
                    head -> LOG.info("audit head {}: seq={} hash={}", when, head.seq(), head.hash()),
                    () -> LOG.info("audit head {}: the audit log is empty", when));
        } catch (RuntimeException e) {
            LOG.warn("audit head {}: cannot be read ({})", when, e.toString());
        }
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create((config.https() ? "https" : "http") + "://" + host + ":" + port());
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public AccountService accounts() {
        return accounts;
    }

    public RosterImporter rosterImporter() {
        return roster;
    }

    /** How many push streams ({@code /api/sync/events}) are open. */
    public int openEventStreams() {
        return feed.events().openStreams();
    }

    /** The 課 document libraries (tests and benchmarks extract with it). */
    public LibraryModule library() {
        return library;
    }

    /** Speech-to-text of meeting recordings (tests and benchmarks use it directly). */
    public TranscriptionJobs transcriptions() {
        return transcriptions;
    }

    /** The managed chat server, when {@code kairan.chat.mode=managed}. */
    public Optional<ChatServer> chat() {
        return Optional.ofNullable(chat);
    }

    /** Business chat's accounts (tests wait for the background provisioning through it). */
    public ChatAccess chatAccess() {
        return chatAccess;
    }

    public AuditLog auditLog() {
        return audit;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops accepting, lets running requests finish (up to 10 s), stops the managed chat server, closes the database.
     * Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        feed.events().close();
        demo.close();
        library.close();
        transcriptions.close();
        kessai.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.toString());
        } finally {
            chatAccess.close();
            if (chat != null) {
                chat.close();
            }
            logAuditHead("at stop");
            database.close();
        }
        LOG.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    static String version() {
        String version = KairanServer.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
