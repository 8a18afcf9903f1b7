package org.kairan.client.sync;

import java.time.Instant;

/**
 * What the status line shows about sync.
 *
 * @param phase     online, offline, syncing or stopped
 * @param queued    actions waiting to be sent or sent without an answer yet
 * @param conflicts actions the server refused (conflict or rejection) that the user has not dismissed
 * @param lastSync  when the replica last caught up with the server; {@code null} if never
 */
public record SyncStatus(SyncPhase phase, int queued, int conflicts, Instant lastSync) {

    public static final SyncStatus STOPPED = new SyncStatus(SyncPhase.STOPPED, 0, 0, null);
}
