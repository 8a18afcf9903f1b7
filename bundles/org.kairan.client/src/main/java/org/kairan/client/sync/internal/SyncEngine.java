package org.kairan.client.sync.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncStatus;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.files.StoredFile;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncCommand;

/**
 * Keeps one user's replica in step with the server and sends their queued actions, on one worker thread.
 * A sync sends the unsettled actions in order (batches of at most 100, each marked SENT before it leaves;
 * an action whose answer was lost stays SENT and is sent again, and the server answers its stored result),
 * then pulls pages until the feed has no more. An action naming files of the {@link Outbox} has them uploaded
 * first (idempotent by content): a file the server refuses (413/422) settles that action as REJECTED with the
 * server's reason and the queue goes on; a network failure sends the actions before it and leaves it queued.
 * Triggers: start, push, an action, every minute, a reconnect.
 * While the server cannot be reached the phase is OFFLINE and the worker retries after 2 s, doubling up to
 * 30 s; when the server refuses the session it stops (phase STOPPED).
 * <p>
 * When the desktop was opened offline (no current session in the client), a sync first resumes the stored
 * session through {@link KairanServerClient#resumeSession()}.
 */
final class SyncEngine implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(60);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    static final int PAGE_LIMIT = 500;
    /** Most bytes of commands sent in one request: half the server's default body limit of 1 MiB. */
    static final long MAX_BATCH_BYTES = 512 * 1024;
    /** Key, type, time and JSON punctuation of one command. */
    static final int COMMAND_OVERHEAD_BYTES = 200;
    private static final Duration PUSH_REOPEN = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());

    private final KairanServerClient client;
    private final ServerAddress server;
    private final String staffNo;
    private final ReplicaStore replica;
    private final ActionQueue queue;
    private final Outbox outbox;
    private final Clock clock;
    private final SyncEvents events;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Object signal = new Object();
    private final Thread worker;

    private boolean requested = true;
    private long nextDueNanos = System.nanoTime();
    private Duration retry = Duration.ZERO;
    private volatile boolean running;
    private volatile SyncPhase phase = SyncPhase.SYNCING;
    private volatile SyncStatus lastPosted;
    private volatile AutoCloseable push;
    /** Guards {@link #push} against a stream opened while the engine closes (it must not outlive logout). */
    private final Object pushGuard = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean pushOpening = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long pushOpenedNanos = System.nanoTime() - PUSH_REOPEN.toNanos();

    SyncEngine(KairanServerClient client, ServerAddress server, String staffNo, ReplicaStore replica,
            ActionQueue queue, Outbox outbox, Clock clock, SyncEvents events) {
        this.client = client;
        this.server = server;
        this.staffNo = staffNo;
        this.replica = replica;
        this.queue = queue;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        this.worker = Thread.ofPlatform().daemon().name("kairan-sync-" + staffNo).unstarted(this::work);
    }

    /** Starts the worker, which syncs at once. */
    void start() {
        running = true;
        postStatus();
        worker.start();
    }

    /** Asks the worker for a sync soon; returns at once. */
    void requestSync() {
        synchronized (signal) {
            requested = true;
            signal.notifyAll();
        }
    }

    SyncPhase phase() {
        return phase;
    }

    /** Whether the worker still runs (it stops for good when the server refuses the session). */
    boolean isRunning() {
        return running;
    }

    // --- actions

    QueuedAction enqueue(String type, String payload) {
        return enqueue(type, payload, List.of());
    }

    /** Queues an action naming files of the outbox (see {@link ActionQueue#enqueue(String, String, java.time.Instant, List)}). */
    QueuedAction enqueue(String type, String payload, List<OutboxFile> files) {
        QueuedAction action;
        try {
            action = queue.enqueue(type, payload, clock.instant(), files);
        } catch (SQLException e) {
            throw new IllegalStateException("the action could not be stored: " + e.getMessage(), e);
        }
        events.post(SyncTopics.ACTION, action);
        postStatus();
        requestSync();
        return action;
    }

    List<QueuedAction> actions() {
        try {
            return queue.visible();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    Optional<QueuedAction> action(String key) {
        try {
            return queue.find(key);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    OutboxFile stage(Path source, long maxBytes) throws IOException {
        try {
            return outbox.stage(source, maxBytes, clock.instant());
        } catch (SQLException e) {
            throw new IOException("the outbox cannot record " + source.getFileName() + ": " + e.getMessage(), e);
        }
    }

    Optional<OutboxFile> staged(String sha256) {
        try {
            return outbox.staged(sha256);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    void dismiss(String key) {
        try {
            if (queue.dismiss(key)) {
                queue.find(key).ifPresent(a -> events.post(SyncTopics.ACTION, a));
                postStatus();
                outbox.sweep(clock.instant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    SyncStatus status() {
        try {
            ActionQueue.Counts counts = queue.counts();
            return new SyncStatus(running ? phase : SyncPhase.STOPPED, counts.waiting(), counts.refused(),
                    replica.meta().lastSync());
        } catch (SQLException e) {
            return new SyncStatus(running ? phase : SyncPhase.STOPPED, 0, 0, null);
        }
    }

    // --- the worker

    private void work() {
        while (running) {
            synchronized (signal) {
                long wait;
                while (running && !requested && (wait = nextDueNanos - System.nanoTime()) > 0) {
                    try {
                        signal.wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                requested = false;
            }
            if (running) {
                attempt();
            }
        }
    }

    private void attempt() {
        try {
            syncNow(SyncProgress.NONE);
            retry = Duration.ZERO;
            schedule(PERIOD);
            ensurePush();
        } catch (SessionExpiredException e) {
            LOG.info("sync stops: the server no longer accepts the session of " + staffNo);
            running = false;
            closePush();
            postStatus();
        } catch (KairanClientException | SQLException | RuntimeException e) {
            retry = retry.isZero() ? FIRST_RETRY : min(retry.multipliedBy(2), LAST_RETRY);
            if (!(e instanceof ServerUnreachableException)) {
                LOG.log(Level.WARNING, "sync failed, retrying in " + retry.toSeconds() + " s", e);
            }
            schedule(retry);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void schedule(Duration after) {
        synchronized (signal) {
            nextDueNanos = System.nanoTime() + after.toNanos();
        }
    }

    /**
     * One sync on the caller's thread (waits while the worker runs one): resume the session if needed, send
     * the queue, pull until the feed is exhausted. Sets the phase: ONLINE when done, OFFLINE when the server
     * cannot be reached or fails, STOPPED when it refuses the session.
     */
    void syncNow(SyncProgress progress) throws KairanClientException, SQLException {
        syncLock.lock();
        try {
            if (!ensureSession()) {
                return;
            }
            setPhase(SyncPhase.SYNCING);
            KairanClientException sendFailed = null;
            try {
                sendQueue();
            } catch (RequestRejectedException e) {
                // the server refused a batch (e.g. 503 while it is busy): the queue waits, but the replica must
                // not — a 人事異動 that removes data has to reach it whatever the queue's head does
                sendFailed = e;
            }
            pullAll(progress);
            if (sendFailed != null) {
                throw sendFailed;
            }
            setPhase(SyncPhase.ONLINE);
        } catch (SessionExpiredException e) {
            setPhase(SyncPhase.STOPPED);
            throw e;
        } catch (KairanClientException | SQLException | RuntimeException e) {
            closePush();
            setPhase(SyncPhase.OFFLINE);
            throw e;
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * Whether the client's session is this engine's; resumes the stored one when there is none and it is this
     * person's (an engine opened offline). The engine of someone who just logged out sees no session either (its
     * end reaches the sync service later, through EventAdmin): it must neither bring that session back nor take
     * over the stored session of whoever logs in next, so it stops instead.
     */
    private boolean ensureSession() throws KairanClientException {
        Optional<Session> current = client.session();
        if (current.isEmpty()) {
            if (!running || client.storedSession().filter(this::isOwn).isEmpty()) {
                throw new SessionExpiredException("no stored session of " + staffNo + " to resume", null);
            }
            current = Optional.of(client.resumeSession());
        }
        return isOwn(current.get());
    }

    private boolean isOwn(Session s) {
        return s.server().equals(server) && s.user().staffNo().equals(staffNo);
    }

    private void sendQueue() throws KairanClientException, SQLException {
        Set<String> sentThisSync = new LinkedHashSet<>();
        try {
            while (true) {
                List<QueuedAction> batch = withinBodyLimit(queue.unsettled(CommandBatch.MAX_COMMANDS));
                if (batch.isEmpty() || !sentThisSync.addAll(batch.stream().map(QueuedAction::key).toList())) {
                    return; // drained, or the server did not answer for these: leave them for the next sync
                }
                Uploads uploads = uploadFiles(batch);
                if (!uploads.ready().isEmpty()) {
                    for (QueuedAction sent : queue.markSent(uploads.ready())) {
                        events.post(SyncTopics.ACTION, sent);
                    }
                    for (CommandResult result : send(uploads.ready())) {
                        queue.settle(result, clock.instant()).ifPresent(a -> events.post(SyncTopics.ACTION, a));
                    }
                }
                postStatus();
                if (uploads.failure() != null) {
                    throw uploads.failure();
                }
            }
        } finally {
            outbox.sweep(clock.instant());
        }
    }

    /**
     * The actions of the batch that can be sent: their files are on the server. An action whose file the server
     * refuses is settled here (REJECTED); when an upload fails for another reason (network, server busy) the
     * actions before it are ready and the failure is thrown after they were sent, so that order is kept.
     */
    private record Uploads(List<QueuedAction> ready, KairanClientException failure) {
    }

    private Uploads uploadFiles(List<QueuedAction> batch) throws KairanClientException, SQLException {
        List<QueuedAction> ready = new ArrayList<>();
        for (QueuedAction action : batch) {
            Optional<CommandResult> refusal;
            try {
                refusal = uploadFilesOf(action);
            } catch (SessionExpiredException e) {
                throw e;
            } catch (KairanClientException e) {
                if (ready.isEmpty()) {
                    throw e;
                }
                return new Uploads(ready, e);
            }
            if (refusal.isPresent()) {
                queue.settle(refusal.get(), clock.instant()).ifPresent(a -> events.post(SyncTopics.ACTION, a));
            } else {
                ready.add(action);
            }
        }
        return new Uploads(ready, null);
    }

    /** Uploads the files the action names that the server does not have yet; a refusal as the action's result. */
    private Optional<CommandResult> uploadFilesOf(QueuedAction action) throws KairanClientException, SQLException {
        for (OutboxFile file : queue.notUploaded(action.key())) {
            try {
                StoredFile stored = client.uploadFile(outbox.path(file.sha256()), file.name(), file.mediaType(),
                        uploadPurpose(action.type()));
                if (!file.sha256().equals(stored.sha256())) {
                    throw new ServerUnreachableException("the server kept other content for " + file.name() + " ("
                            + stored.sha256() + ") than was sent (" + file.sha256() + "); it is sent again", null);
                }
                queue.uploaded(file.sha256());
            } catch (RequestRejectedException e) {
                if (!refusesFile(e.status())) {
                    throw e;
                }
                return Optional.of(new CommandResult(action.key(), CommandOutcome.REJECTED, refusalCode(e),
                        refusalMessage(file, e), 0));
            } catch (IOException e) {
                return Optional.of(new CommandResult(action.key(), CommandOutcome.REJECTED, CommandCodes.FILE_MISSING,
                        "送信待ちの「" + file.name() + "」が見つかりません (the file left the outbox: " + e + ")", 0));
            }
        }
        return Optional.empty();
    }

    /**
     * What the server checks an action's file for: a document library's file ({@code purpose=library}: PDFs and
     * scanned images) for the {@code document.*} commands, a 決裁 attachment otherwise.
     */
    static String uploadPurpose(String commandType) {
        return commandType.equals(CommandTypes.ADD_DOCUMENT) || commandType.equals(CommandTypes.ADD_DOCUMENT_VERSION)
                ? LIBRARY_PURPOSE : null;
    }

    /** {@code PUT /api/files?purpose=library}. */
    static final String LIBRARY_PURPOSE = "library";

    /** A client error other than a timeout or "busy": the server refuses this file whenever it is sent. */
    static boolean refusesFile(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** The {@link FileRefusal} the server named, or what its status says. */
    private static String refusalCode(RequestRejectedException e) {
        Optional<String> field = e.apiError().map(ApiError::field).filter(f -> !f.isBlank());
        if (field.isPresent()) {
            return field.get();
        }
        return e.status() == 413 ? FileRefusal.TOO_LARGE.name() : e.code().name();
    }

    /** The server's reason, which names the file (the server's messages do; one that does not gets the name). */
    static String refusalMessage(OutboxFile file, RequestRejectedException e) {
        String server = e.apiError().map(ApiError::message).filter(m -> !m.isBlank()).orElse(e.getMessage());
        if (server.contains("「" + file.name() + "」")) {
            return server;
        }
        if (e.status() == 413) {
            return "「" + file.name() + "」はサーバーが受け付ける大きさを超えています (" + server + ")";
        }
        return "「" + file.name() + "」: " + server;
    }

    /**
     * The first actions of the queue whose request stays well under the server's body limit (4 MiB by
     * default): a queue of long 回覧 written offline goes in several batches instead of one the server refuses.
     * Always at least one action.
     */
    static List<QueuedAction> withinBodyLimit(List<QueuedAction> unsettled) {
        long bytes = 0;
        int count = 0;
        for (QueuedAction a : unsettled) {
            bytes += 3L * a.payload().length() + COMMAND_OVERHEAD_BYTES; // UTF-8 is at most 3 bytes per char here
            if (count > 0 && bytes > MAX_BATCH_BYTES) {
                break;
            }
            count++;
        }
        return unsettled.subList(0, count);
    }

    /**
     * Sends one batch. A batch the server refuses as a whole — malformed (400/422) or too large (413, e.g. a
     * server configured with a smaller body limit) — is sent again in halves down to single commands, so that
     * one bad command is rejected alone instead of blocking the queue.
     */
    private List<CommandResult> send(List<QueuedAction> batch) throws KairanClientException {
        try {
            return client.sendCommands(commands(batch)).results();
        } catch (RequestRejectedException e) {
            if (e.status() == 413 && batch.size() > 1) {
                List<CommandResult> results = new ArrayList<>(send(batch.subList(0, batch.size() / 2)));
                results.addAll(send(batch.subList(batch.size() / 2, batch.size())));
                return results;
            }
            if (e.status() != 400 && e.status() != 422 && e.status() != 413) {
                throw e;
            }
            if (batch.size() == 1) {
                QueuedAction a = batch.get(0);
                return List.of(new CommandResult(a.key(), CommandOutcome.REJECTED, CommandCodes.INVALID,
                        e.apiError().map(ApiError::message).orElse(e.getMessage()), 0));
            }
            List<CommandResult> results = new ArrayList<>();
            for (QueuedAction a : batch) {
                results.addAll(send(List.of(a)));
            }
            return results;
        }
    }

    private static CommandBatch commands(List<QueuedAction> batch) {
        return new CommandBatch(batch.stream()
                .map(a -> new SyncCommand(a.key(), a.type(), a.payload(), a.queuedAt())).toList());
    }

    private void pullAll(SyncProgress progress) throws KairanClientException, SQLException {
        long done = 0;
        boolean cursorForgotten = false;
        while (true) {
            PullResponse page;
            try {
                page = client.pull(replica.meta().cursor(), PAGE_LIMIT);
            } catch (RequestRejectedException e) {
                boolean badCursor = e.status() == 400
                        && e.apiError().map(ApiError::field).filter("cursor"::equals).isPresent();
                // another person logged in meanwhile would also get "not your cursor": never reset for that
                if (!badCursor || cursorForgotten || !ensureSession()) {
                    throw e;
                }
                LOG.info("the server refused the replica's cursor (" + e.getMessage() + "); pulling everything again");
                replica.forgetCursor();
                cursorForgotten = true;
                continue;
            }
            Set<String> changed = replica.apply(page, clock.instant());
            if (!changed.isEmpty()) {
                events.post(SyncTopics.REPLICA_CHANGED, Set.copyOf(changed));
            }
            done += page.changes().size();
            long lastSeq = page.changes().isEmpty() ? page.head() : page.changes().getLast().seq();
            progress.received(done, done + Math.max(0, page.head() - lastSeq));
            if (!page.more() || progress.isCanceled()) {
                return;
            }
        }
    }

    // --- push

    /** Opens the push subscription in the background (the worker never waits for it) unless one is open. */
    private void ensurePush() {
        if (push != null || !running || System.nanoTime() - pushOpenedNanos < PUSH_REOPEN.toNanos()
                || !pushOpening.compareAndSet(false, true)) {
            return;
        }
        pushOpenedNanos = System.nanoTime();
        Thread.ofVirtual().name("kairan-push-open-" + staffNo).start(() -> {
            try {
                AutoCloseable opened = client.openPush(this::requestSync, this::pushEnded);
                boolean kept;
                synchronized (pushGuard) {
                    kept = running && push == null;
                    if (kept) {
                        push = opened;
                    }
                }
                if (!kept) {
                    opened.close();
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "no push; the periodic sync keeps the replica current", e);
            } finally {
                pushOpening.set(false);
            }
        });
    }

    private void pushEnded(Throwable cause) {
        push = null;
        LOG.log(Level.FINE, "push ended", cause);
        if (running) {
            requestSync(); // pull once after a lost stream; the sync opens it again
        }
    }

    private void closePush() {
        AutoCloseable open;
        synchronized (pushGuard) {
            open = push;
            push = null;
        }
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing push", e);
            }
        }
    }

    // --- status

    private void setPhase(SyncPhase next) {
        phase = next;
        postStatus();
    }

    private void postStatus() {
        SyncStatus now = status();
        if (!now.equals(lastPosted)) {
            lastPosted = now;
            events.post(SyncTopics.STATUS, now);
        }
    }

    /** Stops the worker and push; a sync under way ends at its next step. The stores stay open (their owner closes them). */
    @Override
    public void close() {
        running = false;
        requestSync();
        closePush();
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postStatus();
    }
}
