package org.kairan.client.sync;

import java.util.List;

import org.kairan.client.KairanClientException;

/**
 * The desktop's local replica of what its user may see, kept in step with the server, and the durable
 * queue of the user's actions. Registered as an OSGi service; it follows the session by itself: on a
 * {@link org.kairan.client.ClientTopics#SESSION} start it opens the user's replica (in the workspace) and
 * starts syncing (on login, on push, every minute, after each action); on an end it stops.
 * <p>
 * While the server cannot be reached everything in the replica stays readable and actions wait in the
 * queue, which survives a crash of the desktop; they are sent in order when the server answers again.
 * Changes are posted on {@link SyncTopics}.
 */
public interface SyncService {

    /** The state now (also posted on {@link SyncTopics#STATUS} whenever it changes). */
    SyncStatus status();

    /** Read access to the replica of the current user; empty reads when nobody is logged in. */
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

    /** The user's actions not yet settled and the settled ones not yet dismissed, oldest first. */
    List<QueuedAction> actions();

    /** Decodes the payload of a queued action (e.g. the {@code PostCircular} of a post not yet applied). */
    <T> T payloadOf(QueuedAction action, Class<T> payloadType);

    /** The user has read the outcome of an action (e.g. a conflict): it leaves {@link #actions()}. */
    void dismiss(String key);
}
