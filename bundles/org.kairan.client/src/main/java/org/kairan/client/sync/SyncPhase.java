package org.kairan.client.sync;

/** Where the replica stands with the server. */
public enum SyncPhase {
    /** Nobody is logged in: no replica is open. */
    STOPPED,
    /** Sending the queue or pulling changes. */
    SYNCING,
    /** Caught up; push keeps it so. */
    ONLINE,
    /** The server cannot be reached; the replica is readable and actions are queued. */
    OFFLINE
}
