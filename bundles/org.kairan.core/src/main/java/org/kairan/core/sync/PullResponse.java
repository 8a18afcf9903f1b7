package org.kairan.core.sync;

import java.util.List;

/**
 * One page of the change feed for the logged-in user.
 *
 * @param cursor  where the next pull starts; opaque to the client, which stores it with the page
 * @param reset   {@code true} on the first page of a rebuild: the client keeps what follows up to the page
 *                with {@code more == false} and then drops every record that was not sent again (the
 *                user's visibility changed, e.g. after a 人事異動, or the cursor is of another feed)
 * @param more    {@code true} when the feed has more for this user right now: pull again at once
 * @param head    the feed's last sequence number when the page was read
 * @param changes the page, in feed order
 */
public record PullResponse(String cursor, boolean reset, boolean more, long head, List<SyncChange> changes) {

    public PullResponse {
        changes = List.copyOf(changes);
    }
}
