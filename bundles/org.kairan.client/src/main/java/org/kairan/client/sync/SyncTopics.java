package org.kairan.client.sync;

/** Event topics of the sync service (payload under {@link org.kairan.client.ClientTopics#DATA}). */
public interface SyncTopics {

    /** The {@link SyncStatus} changed; payload the new status. */
    String STATUS = "kairan/sync/status";

    /**
     * Records of the replica changed; payload a {@code java.util.Set<String>} of the entity types. An empty set
     * means the whole replica: another person's replica was opened (at every login, also when the sync then brings
     * nothing new), or it was rebuilt. Screens read it again then.
     */
    String REPLICA_CHANGED = "kairan/sync/replica";

    /** An action changed state (queued, sent, applied, conflict); payload the {@link QueuedAction}. */
    String ACTION = "kairan/sync/action";
}
