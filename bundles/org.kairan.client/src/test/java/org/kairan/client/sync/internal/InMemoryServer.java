package org.kairan.client.sync.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kairan.client.ConnectionState;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.RosterFiles;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.Session;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.files.StoredFile;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.HealthStatus;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCommand;

/**
 * A stand-in for the server's feed, command and file routes at the level of {@link KairanServerClient}, for
 * the tests of what the desktop does with them (the outbox and uploads in the engine, the 決裁 inbox) before
 * the server's 決裁 and file routes exist. It keeps a feed the test writes, answers commands (APPLIED unless
 * the test says otherwise), stores uploads by content and refuses the files the test names as the server
 * will. Everything the real server can produce is tested against the real server as well.
 */
public final class InMemoryServer implements KairanServerClient {

    /** What happened, in order: {@code upload <sha256>}, {@code command <type> <key>}. */
    public final List<String> log = new CopyOnWriteArrayList<>();
    /** Uploads received per hash (an upload whose answer was lost counts too). */
    public final Map<String, Integer> uploads = new ConcurrentHashMap<>();
    /** The stored bytes by hash. */
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** The PDF of record by 案件 id. */
    public final Map<String, byte[]> records = new ConcurrentHashMap<>();
    /** Commands received, in order. */
    public final List<SyncCommand> commands = new CopyOnWriteArrayList<>();

    private final Session session;
    private final List<SyncChange> feed = new CopyOnWriteArrayList<>();
    private final Map<String, RequestRejectedException> refusals = new ConcurrentHashMap<>();
    private final Set<String> cutDuringUpload = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> servedInstead = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;
    private volatile Function<SyncCommand, CommandResult> answers = c -> new CommandResult(c.key(),
            CommandOutcome.APPLIED, null, null, 0);

    public InMemoryServer(SessionUser user) {
        this.session = new Session(ServerAddress.parse("http://127.0.0.1:9"), "token-" + user.staffNo(),
                Instant.now().plusSeconds(43_200), user);
    }

    // --- what the test arranges

    /** Appends a record to the feed. */
    public void publish(String type, String id, String json) {
        feed.add(new SyncChange(feed.size() + 1, type, id, false, json));
    }

    /** The network between desktop and server works ({@code true}) or not. */
    public void reachable(boolean yes) {
        reachable = yes;
    }

    /** Refuses uploads of this content as the server does: 422 with the refusal as field, or 413. */
    public void refuse(byte[] content, FileRefusal refusal, String japaneseReason) {
        int status = refusal == FileRefusal.TOO_LARGE ? 413 : 422;
        ErrorCode code = status == 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.UNPROCESSABLE;
        refusals.put(sha256(content), new RequestRejectedException(japaneseReason,
                new ApiError(code, japaneseReason, refusal.name(), null), status, code));
    }

    /** Every upload of this content breaks off after the server stored it, before its answer arrives. */
    public void breakUploadsOf(byte[] content) {
        cutDuringUpload.add(sha256(content));
    }

    /** Uploads get their answers again. */
    public void repairUploads() {
        cutDuringUpload.clear();
    }

    /** Serves other bytes than were stored under the hash (a damaged download). */
    public void serveInstead(String sha256, byte[] other) {
        servedInstead.put(sha256, other);
    }

    /** How commands are answered from now on. */
    public void answer(Function<SyncCommand, CommandResult> how) {
        answers = how;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireReachable(String what) throws ServerUnreachableException {
        if (!reachable) {
            throw new ServerUnreachableException("unplugged: " + what, null);
        }
    }

    // --- the client's view

    @Override
    public Optional<Session> session() {
        return Optional.of(session);
    }

    @Override
    public Optional<Session> storedSession() {
        return Optional.of(session);
    }

    @Override
    public Session resumeSession() {
        return session;
    }

    @Override
    public PullResponse pull(String cursor, int limit) throws KairanClientException {
        requireReachable("pull");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<SyncChange> page = new ArrayList<>(feed.subList(from, Math.min(feed.size(), from + limit)));
        int next = from + page.size();
        return new PullResponse(Integer.toString(next), false, next < feed.size(), feed.size(), page);
    }

    @Override
    public CommandResults sendCommands(CommandBatch batch) throws KairanClientException {
        requireReachable("commands");
        List<CommandResult> results = new ArrayList<>();
        for (SyncCommand command : batch.commands()) {
            commands.add(command);
            log.add("command " + command.type() + " " + command.key());
            results.add(answers.apply(command));
        }
        return new CommandResults(results);
    }

    @Override
    public StoredFile uploadFile(Path file, String name, String mediaType) throws KairanClientException, IOException {
        byte[] content = Files.readAllBytes(file);
        requireReachable("upload of " + name);
        String sha = sha256(content);
        log.add("upload " + sha);
        uploads.merge(sha, 1, Integer::sum);
        RequestRejectedException refused = refusals.get(sha);
        if (refused != null) {
            throw refused;
        }
        files.put(sha, content);
        if (cutDuringUpload.contains(sha)) {
            throw new ServerUnreachableException("the connection broke before the answer to " + name, null);
        }
        return new StoredFile(sha, content.length, mediaType, mediaType.equals("application/pdf") ? 1 : 0);
    }

    @Override
    public void downloadFile(String sha256, Path target) throws KairanClientException {
        requireReachable("download of " + sha256);
        byte[] content = servedInstead.getOrDefault(sha256, files.get(sha256));
        write(content, target, "file " + sha256);
    }

    @Override
    public void downloadRecord(String kessaiId, Path target) throws KairanClientException {
        requireReachable("record of " + kessaiId);
        write(records.get(kessaiId), target, "record of " + kessaiId);
    }

    private static void write(byte[] content, Path target, String what) throws RequestRejectedException {
        if (content == null) {
            throw new RequestRejectedException("no " + what, ApiError.of(ErrorCode.NOT_FOUND, "no " + what), 404,
                    ErrorCode.NOT_FOUND);
        }
        try {
            Files.write(target, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AutoCloseable openPush(Runnable onFeedMoved, Consumer<Throwable> onClosed) throws KairanClientException {
        throw new ServerUnreachableException("no push here: the tests sync by hand", null);
    }

    @Override
    public ConnectionState connectionState() {
        return reachable ? ConnectionState.CONNECTED : ConnectionState.UNREACHABLE;
    }

    @Override
    public ConnectionState checkConnection() {
        return connectionState();
    }

    // --- not used by the desktop's sync

    @Override
    public HealthStatus checkHealth(ServerAddress server) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResponse login(ServerAddress server, LoginRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResponse confirmEnrolment(ServerAddress server, TotpEnrolmentRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DirectorySnapshot directory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StaffMember> searchStaff(String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void changePassword(PasswordChangeRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resetSecondFactor(String staffNo) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unlockLogin(String staffNo) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeSessions(String staffNo) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ImportReport importRoster(RosterFiles files) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void logout() {
        throw new UnsupportedOperationException();
    }

    @Override
    public URI sessionStore() {
        throw new UnsupportedOperationException();
    }
}
