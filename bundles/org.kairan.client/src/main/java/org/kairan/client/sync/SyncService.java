package org.kairan.client.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.kairan.client.KairanClientException;
import org.kairan.client.Session;

/**
 * The desktop's local replica of what its user may see, kept in step with the server, and the durable
 * queue of the user's actions. Registered as an OSGi service; it follows the session by itself: on a
 * {@link org.kairan.client.ClientTopics#SESSION} start it opens the user's replica (in the workspace) and
 * starts syncing (on login, on push, every minute, after each action); on an end it stops.
 * <p>
 * While the server cannot be reached everything in the replica stays readable and actions wait in the
 * queue, which survives a crash of the desktop; they are sent in order when the server answers again.
 * Changes are posted on {@link SyncTopics}.
 * <p>
 * Working offline from the start: when {@link org.kairan.client.KairanServerClient#resumeSession()} fails
 * with a {@link org.kairan.client.ServerUnreachableException}, the UI calls {@link #openOffline(Session)}
 * with {@link org.kairan.client.KairanServerClient#storedSession()}; the replica opens (phase OFFLINE) and
 * the service keeps trying to resume that session in the background; when the server answers, the client
 * posts the usual {@link org.kairan.client.ClientTopics#SESSION} start and syncing goes on as after a login.
 */
public interface SyncService {

    /**
     * Whose replica is open: the logged-in session, or the stored one opened with {@link #openOffline}
     * while the server cannot be reached; empty when none is open.
     */
    Optional<Session> session();

    /** The office's time zone of the open session ({@link Session#zone()}), else {@link Session#DEFAULT_ZONE}. */
    default ZoneId officeZone() {
        return session().map(Session::zone).orElse(Session.DEFAULT_ZONE);
    }

    /** Today in the office's zone: the day the directory, 起案日 and 年度 are reckoned by. */
    default LocalDate officeToday() {
        return LocalDate.now(officeZone());
    }

    /** The state now (also posted on {@link SyncTopics#STATUS} whenever it changes). */
    SyncStatus status();

    /**
     * Read access to the replica of the current user; empty reads when nobody is logged in. A live view:
     * it follows logins and logouts, so a part may keep the reference.
     */
    Replica replica();

    /** Asks for a sync soon (send the queue, then pull); returns at once. */
    void requestSync();

    /**
     * Syncs now on the caller's thread — send the queue, then pull until the feed is exhausted — reporting
     * progress (the first sync after login runs this in a Job with a progress bar).
     *
     * @throws KairanClientException the server could not be reached or refused; what was received so far
     *                                is kept and the next sync resumes from there
     */
    void syncNow(SyncProgress progress) throws KairanClientException;

    /**
     * Queues an action of the user; it is on disk when this returns and is sent as soon as the server can
     * be reached.
     *
     * @param commandType one of {@link org.kairan.core.sync.CommandTypes}
     * @param payload     the command's payload record (serialised as JSON)
     * @return the queued action, with its idempotency key
     */
    QueuedAction enqueue(String commandType, Record payload);

    /**
     * Queues an action that names files of the outbox ({@link #stageFile}); committed with it in one
     * transaction. Before the action is sent for the first time the engine uploads those of its files the
     * server does not have yet; a file the server refuses settles the action as
     * {@link ActionState#REJECTED} with the {@link org.kairan.core.files.FileRefusal} name as code and the
     * server's reason (in Japanese) as message, and the rest of the queue goes on; when the network fails
     * mid-upload the action waits for the next sync. The files stay in the outbox until the action is
     * applied, or refused and dismissed.
     *
     * @throws IllegalArgumentException a file is not in the outbox
     */
    QueuedAction enqueue(String commandType, Record payload, List<OutboxFile> files);

    /**
     * Copies a file into the user's outbox (a directory only the user can read, beside the queue), hashing it
     * (SHA-256) as it is copied, so that an action can name it ({@link #enqueue(String, Record, List)}).
     * Staging the same content again is harmless. A staged file no action names is deleted after a day.
     *
     * @param maxBytes the largest file accepted
     * @throws FileNotAcceptedException the file is empty or larger than {@code maxBytes}; the message names it
     * @throws IOException the file cannot be read or the outbox cannot be written
     * @throws IllegalStateException nobody is logged in
     */
    OutboxFile stageFile(Path source, long maxBytes) throws IOException;

    /** A file of the outbox by its hash, while it is there (staged, and some action still needs it). */
    Optional<OutboxFile> stagedFile(String sha256);

    /**
     * The directory of the open user's replica, queue and outbox on this desktop (only the user can read it):
     * caches of that user's data belong under it. Empty when nobody is logged in.
     */
    Optional<Path> userDirectory();

    /**
     * The user's actions not yet settled and the refused ones (conflict, rejected) not yet dismissed, oldest
     * first. An applied action leaves the list when it is applied (a {@link SyncTopics#ACTION} event says so).
     */
    List<QueuedAction> actions();

    /** Decodes the payload of a queued action (e.g. the {@code PostCircular} of a post not yet applied). */
    <T> T payloadOf(QueuedAction action, Class<T> payloadType);

    /**
     * Opens the replica and the queue of a stored session that could not be checked because the server is
     * unreachable: everything synced before is readable and actions are queued. The service resumes the
     * session by itself once the server answers (or stops, phase STOPPED, if the server refuses it).
     * Does nothing when that user's replica is already open.
     *
     * @param stored the session kept from an earlier run ({@code KairanServerClient.storedSession()})
     * @throws IllegalStateException the replica or queue cannot be opened (e.g. another desktop process
     *                               uses the same workspace)
     */
    void openOffline(Session stored);

    /** One action by its key, settled or not, dismissed or not. */
    Optional<QueuedAction> action(String key);

    /** The user has read the outcome of an action (e.g. a conflict): it leaves {@link #actions()}. */
    void dismiss(String key);
}
