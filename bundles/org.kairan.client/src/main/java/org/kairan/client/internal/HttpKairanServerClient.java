package org.kairan.client.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.kairan.client.ClientTopics;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RosterFiles;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.core.documents.PageWords;
import org.kairan.core.files.StoredFile;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.core.protocol.HealthStatus;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.PullResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * {@link KairanServerClient} over {@code java.net.http} and Jackson. The session is kept in memory and in
 * {@code <workspace>/.kairan/session.json}; state changes are posted through EventAdmin when present.
 */
@Component(service = KairanServerClient.class)
public final class HttpKairanServerClient implements KairanServerClient {

    private static final TypeReference<org.kairan.core.kessai.RetentionList> RETENTION = new TypeReference<>() { };

    private static final String INSTANCE_AREA = "osgi.instance.area";
    private static final TypeReference<HealthStatus> HEALTH = new TypeReference<>() { };
    private static final TypeReference<LoginResponse> LOGIN = new TypeReference<>() { };
    private static final TypeReference<SessionUser> SESSION_USER = new TypeReference<>() { };
    private static final TypeReference<DirectorySnapshot> DIRECTORY = new TypeReference<>() { };
    private static final TypeReference<List<StaffMember>> STAFF_LIST = new TypeReference<>() { };
    private static final TypeReference<ImportReport> IMPORT_REPORT = new TypeReference<>() { };
    private static final TypeReference<PullResponse> PULL = new TypeReference<>() { };
    private static final TypeReference<CommandResults> COMMAND_RESULTS = new TypeReference<>() { };
    private static final TypeReference<StoredFile> STORED_FILE = new TypeReference<>() { };
    private static final TypeReference<List<PageWords>> PAGE_WORDS = new TypeReference<>() { };
    private static final TypeReference<ChatCredentials> CHAT_CREDENTIALS = new TypeReference<>() { };
    private static final TypeReference<List<SpeechLanguage>> LANGUAGES = new TypeReference<>() { };
    private static final TypeReference<TranscriptionJob> JOB = new TypeReference<>() { };
    /** The file's name on {@code PUT /api/files}, percent-encoded UTF-8. */
    static final String FILE_NAME_HEADER = "X-Kairan-File-Name";
    /** No charset: the server reads UTF-8 or Shift_JIS and says which (ImportReport.encoding). */
    private static final String CSV = "text/csv";

    private final JsonCodec json = new JsonCodec();
    private final AtomicReference<Session> session = new AtomicReference<>();
    private volatile ZoneId officeZone;
    private final Clock clock;
    private ApiTransport transport;
    private SessionFile sessionFile;
    private volatile ConnectionState state = ConnectionState.LOGGED_OUT;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** For Declarative Services; {@link #activate(BundleContext)} finishes the set-up. */
    public HttpKairanServerClient() {
        this.clock = Clock.systemUTC();
    }

    /** For tests and non-OSGi use: session file under {@code sessionDirectory}. */
    public HttpKairanServerClient(Path sessionDirectory, Duration timeout, Clock clock) {
        this.clock = clock;
        configure(sessionDirectory, timeout);
    }

    @Activate
    void activate(BundleContext context) {
        configure(workspace(context.getProperty(INSTANCE_AREA)).resolve(".kairan"), Duration.ofSeconds(20));
    }

    private void configure(Path sessionDirectory, Duration timeout) {
        this.transport = new ApiTransport(json, Duration.ofSeconds(Math.min(5, timeout.toSeconds())), timeout);
        this.sessionFile = new SessionFile(sessionDirectory, json);
    }

    /** The workspace directory of an Equinox instance area (a URL), or {@code ~/.kairan/workspace}. */
    public static Path workspace(String instanceArea) {
        if (instanceArea != null && !instanceArea.isBlank()) {
            try {
                return Path.of(new URL(instanceArea).toURI());
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                try {
                    return new File(new URL(instanceArea).getPath()).toPath(); // Equinox leaves spaces unencoded
                } catch (IOException e2) {
                    return Path.of(instanceArea);
                }
            }
        }
        return Path.of(System.getProperty("user.home"), ".kairan", "workspace");
    }

    @Override
    public HealthStatus checkHealth(ServerAddress server) throws KairanClientException {
        return transport.get(server.resolve("/health"), null, HEALTH);
    }

    @Override
    public LoginResponse login(ServerAddress server, LoginRequest request) throws KairanClientException {
        LoginResponse response = unauthenticated(() -> transport.post(server.resolve("/api/auth/login"), null,
                request, LOGIN));
        return accept(server, response);
    }

    @Override
    public LoginResponse confirmEnrolment(ServerAddress server, TotpEnrolmentRequest request)
            throws KairanClientException {
        LoginResponse response = unauthenticated(() -> transport.post(server.resolve("/api/auth/totp/enrol"), null,
                request, LOGIN));
        return accept(server, response);
    }

    private LoginResponse accept(ServerAddress server, LoginResponse response) throws KairanClientException {
        if (response == null || response.status() == null) {
            throw new ServerUnreachableException("empty login answer from " + server, null);
        }
        if (response.status() == LoginStatus.AUTHENTICATED) {
            Session started = new Session(server, response.sessionToken(), response.expiresAt(), response.user(),
                    Session.zoneOf(response.officeZone()));
            session.set(started);
            officeZone = started.zone();
            try {
                sessionFile.write(started);
            } catch (IOException e) {
                // the session works for this run; it just will not survive a restart
            }
            post(ClientTopics.SESSION, started);
            setState(ConnectionState.CONNECTED);
        }
        return response;
    }

    @Override
    public Optional<Session> session() {
        return Optional.ofNullable(session.get());
    }

    @Override
    public Optional<Session> storedSession() {
        Optional<Session> stored = sessionFile.read();
        if (stored.isPresent() && stored.get().isExpiredAt(clock.instant())) {
            sessionFile.delete();
            return Optional.empty();
        }
        return stored;
    }

    @Override
    public ZoneId officeZone() {
        ZoneId known = officeZone;
        if (known == null) {
            known = session().or(sessionFile::read).map(Session::zone).orElse(Session.DEFAULT_ZONE);
            officeZone = known;
        }
        return known;
    }

    @Override
    public LocalDate officeToday() {
        return LocalDate.ofInstant(clock.instant(), officeZone());
    }

    @Override
    public Session resumeSession() throws KairanClientException {
        Session stored = storedSession()
                .orElseThrow(() -> new SessionExpiredException("no stored session", null));
        SessionUser user;
        try {
            user = transport.get(stored.server().resolve("/api/session"), stored.token(), SESSION_USER);
        } catch (SessionExpiredException e) {
            sessionFile.delete();
            setState(ConnectionState.SESSION_EXPIRED);
            throw e;
        } catch (ServerUnreachableException e) {
            setState(ConnectionState.UNREACHABLE);
            throw e;
        }
        Session resumed = new Session(stored.server(), stored.token(), stored.expiresAt(), user, stored.zone());
        session.set(resumed);
        officeZone = resumed.zone();
        post(ClientTopics.SESSION, resumed);
        setState(ConnectionState.CONNECTED);
        return resumed;
    }

    @Override
    public DirectorySnapshot directory() throws KairanClientException {
        return authenticated(s -> transport.get(s.server().resolve("/api/directory"), s.token(), DIRECTORY));
    }

    @Override
    public List<StaffMember> searchStaff(String query) throws KairanClientException {
        String q = URLEncoder.encode(query == null ? "" : query, StandardCharsets.UTF_8);
        List<StaffMember> found = authenticated(
                s -> transport.get(s.server().resolve("/api/directory/staff?q=" + q), s.token(), STAFF_LIST));
        return found == null ? List.of() : found;
    }

    @Override
    public PullResponse pull(String cursor, int limit) throws KairanClientException {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000, was " + limit);
        }
        String query = "?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        PullResponse page = authenticated(
                s -> transport.getCompressed(s.server().resolve("/api/sync/changes" + query), s.token(), PULL));
        if (page == null) {
            throw new ServerUnreachableException("empty answer to a pull", null);
        }
        return page;
    }

    @Override
    public CommandResults sendCommands(CommandBatch batch) throws KairanClientException {
        CommandResults results = authenticated(
                s -> transport.post(s.server().resolve("/api/sync/commands"), s.token(), batch, COMMAND_RESULTS));
        if (results == null) {
            throw new ServerUnreachableException("empty answer to a command batch", null);
        }
        return results;
    }

    @Override
    public AutoCloseable openPush(Runnable onFeedMoved, Consumer<Throwable> onClosed) throws KairanClientException {
        return authenticated(s -> new PushSubscription(
                transport.openLines(s.server().resolve("/api/sync/events"), s.token()), onFeedMoved, onClosed,
                s.user().staffNo()));
    }

    @Override
    public StoredFile uploadFile(Path file, String name, String mediaType, String purpose)
            throws KairanClientException, IOException {
        String route = purpose == null ? "/api/files"
                : "/api/files?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8);
        String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        Files.size(file); // a file missing here is this desktop's problem, not the connection's: IOException
        StoredFile stored;
        try {
            stored = authenticated(s -> {
                try {
                    return transport.putFile(s.server().resolve(route), s.token(), file, mediaType,
                            Map.of(FILE_NAME_HEADER, encodedName), STORED_FILE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (stored == null) {
            throw new ServerUnreachableException("empty answer to the upload of " + name, null);
        }
        return stored;
    }

    @Override
    public void downloadFile(String sha256, Path target) throws KairanClientException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lowercase SHA-256: " + sha256);
        }
        download("/api/files/" + sha256, target);
    }

    @Override
    public void downloadRecord(String kessaiId, Path target) throws KairanClientException {
        download("/api/kessai/" + segment(kessaiId) + "/record", target);
    }

    @Override
    public void downloadRegister(String unitCode, java.time.LocalDate from, java.time.LocalDate to, boolean shiftJis,
            Path target) throws KairanClientException {
        download("/api/kessai/register?unit=" + segment(unitCode) + "&from=" + from + "&to=" + to + "&charset="
                + (shiftJis ? "shift_jis" : "utf-8"), target);
    }

    @Override
    public org.kairan.core.kessai.RetentionList retention(java.time.LocalDate asOf) throws KairanClientException {
        return authenticated(s -> transport.get(s.server().resolve("/api/kessai/retention?asOf=" + asOf), s.token(),
                RETENTION));
    }

    @Override
    public void decideRetention(String kessaiId, org.kairan.core.kessai.RetentionList.Disposition disposition,
            java.time.LocalDate keptUntil) throws KairanClientException {
        String segment = URLEncoder.encode(kessaiId, StandardCharsets.UTF_8).replace("+", "%20");
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("decision", disposition.name());
        if (keptUntil != null) {
            body.put("keptUntil", keptUntil.toString());
        }
        authenticated(s -> transport.post(s.server().resolve("/api/kessai/retention/" + segment), s.token(), body, null));
    }

    @Override
    public List<PageWords> documentWords(String documentId, int version) throws KairanClientException {
        String segment = URLEncoder.encode(documentId, StandardCharsets.UTF_8).replace("+", "%20");
        return authenticated(s -> transport.get(s.server().resolve("/api/documents/" + segment + "/versions/" + version
                + "/words"), s.token(), PAGE_WORDS));
    }

    @Override
    public void downloadMinutes(String minutesId, String format, Path target) throws KairanClientException {
        download("/api/minutes/records/" + segment(minutesId) + "/export?format=" + segment(format), target);
    }

    @Override
    public void downloadMinutesRecording(String minutesId, Path target) throws KairanClientException {
        download("/api/minutes/records/" + segment(minutesId) + "/recording", target);
    }

    @Override
    public List<SpeechLanguage> speechLanguages() throws KairanClientException {
        return authenticated(s -> transport.get(s.server().resolve("/api/minutes/languages"), s.token(), LANGUAGES));
    }

    @Override
    public TranscriptionJob startTranscription(Path recording, String language)
            throws KairanClientException, IOException {
        String route = "/api/minutes/transcriptions?language=" + segment(language);
        String encodedName = segment(recording.getFileName().toString());
        Files.size(recording); // a file missing here is this desktop's problem, not the connection's
        try {
            return authenticated(s -> {
                try {
                    return transport.postFile(s.server().resolve(route), s.token(), recording,
                            "application/octet-stream", Map.of(FILE_NAME_HEADER, encodedName), JOB);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public TranscriptionJob transcription(String jobId) throws KairanClientException {
        return authenticated(s -> transport.get(s.server().resolve("/api/minutes/transcriptions/" + segment(jobId)),
                s.token(), JOB));
    }

    @Override
    public void deleteTranscription(String jobId) throws KairanClientException {
        authenticated(s -> transport.delete(s.server().resolve("/api/minutes/transcriptions/" + segment(jobId)),
                s.token(), null));
    }

    @Override
    public void downloadTranscript(String jobId, Path target) throws KairanClientException {
        download("/api/minutes/transcriptions/" + segment(jobId) + "/transcript.vtt", target);
    }

    /** A GET whose answer is written into {@code target} (removed again when it fails). */
    private void download(String route, Path target) throws KairanClientException {
        authenticated(s -> {
            transport.download(s.server().resolve(route), s.token(), target);
            return null;
        });
    }

    /** A path segment or query value, percent-encoded UTF-8 (spaces as %20). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public ChatCredentials chatCredentials() throws KairanClientException {
        return authenticated(s -> transport.get(s.server().resolve("/api/chat/credentials"), s.token(),
                CHAT_CREDENTIALS));
    }

    @Override
    public void changePassword(PasswordChangeRequest request) throws KairanClientException {
        authenticated(s -> transport.post(s.server().resolve("/api/auth/password"), s.token(), request, null));
    }

    @Override
    public void resetSecondFactor(String staffNo) throws KairanClientException {
        adminUserAction(staffNo, "totp-reset");
    }

    @Override
    public void unlockLogin(String staffNo) throws KairanClientException {
        adminUserAction(staffNo, "unlock");
    }

    @Override
    public void revokeSessions(String staffNo) throws KairanClientException {
        adminUserAction(staffNo, "sessions/revoke");
    }

    private void adminUserAction(String staffNo, String action) throws KairanClientException {
        if (staffNo == null || staffNo.isBlank()) {
            throw new IllegalArgumentException("staffNo is required");
        }
        String segment = URLEncoder.encode(staffNo.strip(), StandardCharsets.UTF_8).replace("+", "%20");
        String path = "/api/admin/users/" + segment + "/" + action;
        authenticated(s -> transport.post(s.server().resolve(path), s.token(), null, null));
    }

    @Override
    public ImportReport importRoster(RosterFiles files) throws KairanClientException, IOException {
        List<ApiTransport.FilePart> parts = new ArrayList<>();
        if (files.units() != null) {
            parts.add(new ApiTransport.FilePart("units", "units.csv", CSV, Files.readAllBytes(files.units())));
        }
        if (files.staff() != null) {
            parts.add(new ApiTransport.FilePart("staff", "staff.csv", CSV, Files.readAllBytes(files.staff())));
        }
        // a rejected roster is answered 422 with its report: that is an answer, not a failure
        return authenticated(s -> transport.postMultipart(s.server().resolve("/api/admin/roster"), s.token(), parts,
                IMPORT_REPORT, 422, report -> !report.applied() && !report.rejected().isEmpty()));
    }

    @Override
    public void logout() {
        // the file goes first: a sync worker that sees no session in memory must not find this one to resume
        Session kept = sessionFile.read().orElse(null);
        sessionFile.delete();
        Session ended = session.getAndSet(null);
        Session stored = ended != null ? ended : kept;
        if (stored != null) {
            try {
                transport.post(stored.server().resolve("/api/auth/logout"), stored.token(), null, null);
            } catch (KairanClientException e) {
                // unreachable or already expired: the server lets the session expire on its own
            }
        }
        post(ClientTopics.SESSION, ClientTopics.NO_SESSION);
        setState(ConnectionState.LOGGED_OUT);
    }

    @Override
    public ConnectionState connectionState() {
        return state;
    }

    @Override
    public ConnectionState checkConnection() {
        Session current = session.get();
        if (current == null) {
            setState(ConnectionState.LOGGED_OUT);
            return state;
        }
        try {
            authenticated(s -> transport.get(s.server().resolve("/api/session"), s.token(), SESSION_USER));
        } catch (KairanClientException e) {
            // the state was set by authenticated(...)
        }
        return state;
    }

    @Override
    public URI sessionStore() {
        return sessionFile.path().toUri();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(Session session) throws KairanClientException;
    }

    @FunctionalInterface
    private interface PublicCall<T> {
        T run() throws KairanClientException;
    }

    private <T> T unauthenticated(PublicCall<T> call) throws KairanClientException {
        try {
            return call.run();
        } catch (ServerUnreachableException e) {
            if (session.get() != null) {
                setState(ConnectionState.UNREACHABLE);
            }
            throw e;
        }
    }

    private <T> T authenticated(Call<T> call) throws KairanClientException {
        Session current = session.get();
        if (current == null) {
            throw new SessionExpiredException("not logged in", null);
        }
        try {
            T result = call.run(current);
            setState(ConnectionState.CONNECTED);
            return result;
        } catch (SessionExpiredException e) {
            if (session.compareAndSet(current, null)) {
                sessionFile.delete();
                post(ClientTopics.SESSION, ClientTopics.NO_SESSION);
            }
            setState(ConnectionState.SESSION_EXPIRED);
            throw e;
        } catch (ServerUnreachableException e) {
            setState(ConnectionState.UNREACHABLE);
            throw e;
        } catch (KairanClientException e) {
            setState(ConnectionState.CONNECTED); // the server answered: the link is fine
            throw e;
        }
    }

    private void setState(ConnectionState next) {
        ConnectionState previous = state;
        state = next;
        if (previous != next) {
            post(ClientTopics.CONNECTION, next);
        }
    }

    private void post(String topic, Object data) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
        }
    }
}
