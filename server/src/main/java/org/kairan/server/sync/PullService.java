package org.kairan.server.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCursor;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.http.ApiException;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.storage.Database;

/**
 * Reads one page of the change feed for a user: the entries after the cursor, in seq order, that the
 * user may see today ({@link SyncScope}). Filtering is done here while reading in chunks; at most
 * {@link #MAX_SCANNED} entries are read per request, so one request stays short ({@code more: true}).
 *
 * <p>A reset pass starts from seq 0 when the cursor is of another feed (epoch) or the user's scope
 * changed (fingerprint). Every page of the pass says {@code reset: true} and its cursor carries when the
 * pass started, so a client that resumes mid-pass with a stored cursor continues the same pass.
 */
public final class PullService {

    /** Default and largest page size. */
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;
    /** Most feed entries read (visible or not) for one request. */
    static final int MAX_SCANNED = 20_000;
    private static final int CHUNK = 1000;
    /** Rows read at least per round trip, when most entries are invisible to the user. */
    private static final int MIN_CHUNK = 200;

    private final Database database;
    private final ChangeFeed feed;
    private final DirectoryCache directory;
    private final SessionUsers users;
    private final Clock clock;

    public PullService(Database database, ChangeFeed feed, DirectoryCache directory, SessionUsers users, Clock clock) {
        this.database = database;
        this.feed = feed;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param staffNo    the logged-in user
     * @param cursorText the cursor of the previous page, or {@code null} to read from the start
     * @param limit      1–{@link #MAX_LIMIT} changes at most
     */
    public PullResponse pull(String staffNo, String cursorText, int limit) {
        SyncCursor given = null;
        if (cursorText != null) {
            given = SyncCursor.decode(cursorText)
                    .orElseThrow(() -> ApiException.badRequest("the cursor is not one of this server's cursors", "cursor"));
            if (!given.staffNo().equals(staffNo)) {
                throw ApiException.badRequest("別の職員のカーソルです (the cursor belongs to another user)", "cursor");
            }
        }
        SyncCursor cursor = given;
        return database.inTransaction(c -> {
            long head = feed.head(c);
            String epoch = feed.epoch(c);
            SyncScope scope = SyncScope.of(directory.directory(c), staffNo, users.today());
            long from;
            long passStartedAt;
            if (cursor == null || !cursor.epoch().equals(epoch)) {
                from = 0;
                passStartedAt = newPass();
            } else if (cursor.seq() > head) {
                throw ApiException.badRequest("the cursor is ahead of the feed (seq " + cursor.seq() + ", head " + head
                        + ")", "cursor");
            } else if (!cursor.scope().equals(scope.fingerprint())) {
                from = 0;
                passStartedAt = newPass();
            } else {
                from = cursor.seq();
                passStartedAt = cursor.passStartedAt();
            }
            List<SyncChange> changes = new ArrayList<>();
            long position = from;
            int scanned = 0;
            read:
            while (position < head && scanned < MAX_SCANNED) {
                // read about as many rows as the page still needs (not a whole chunk when most are visible)
                int wanted = Math.min(CHUNK, Math.max(limit - changes.size(), MIN_CHUNK));
                List<FeedEntry> chunk = feed.read(c, position, head, Math.min(wanted, MAX_SCANNED - scanned));
                if (chunk.isEmpty()) {
                    position = head;
                    break;
                }
                for (FeedEntry entry : chunk) {
                    scanned++;
                    position = entry.seq();
                    if (scope.sees(entry.audience())) {
                        changes.add(new SyncChange(entry.seq(), entry.type(), entry.id(), entry.deleted(), entry.data()));
                        if (changes.size() == limit) {
                            break read;
                        }
                    }
                }
            }
            boolean more = position < head;
            boolean reset = passStartedAt != 0;
            SyncCursor next = new SyncCursor(epoch, staffNo, position, scope.fingerprint(), more ? passStartedAt : 0);
            return new PullResponse(next.encode(), reset, more, head, changes);
        });
    }

    private long newPass() {
        return Math.max(1, clock.millis());
    }
}
