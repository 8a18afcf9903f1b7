package org.kairan.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link PullResponse#cursor()} says, decoded. Clients treat the cursor as opaque and store it
 * with the page; the one thing a client may read is {@link #passStartedAt()}, to tell one reset pass
 * from the next (see docs/API.md, "Sync": a pass that had to start over carries a new value).
 *
 * @param epoch         the id of the feed (a new database is a new feed)
 * @param staffNo       whose cursor it is
 * @param seq           the last feed position read
 * @param scope         fingerprint of what the user could see when the page was read
 * @param passStartedAt {@code 0} when the cursor is not inside a reset pass; otherwise when the server
 *                      started the pass (epoch millis), the same on every page of that pass
 */
public record SyncCursor(String epoch, String staffNo, long seq, String scope, long passStartedAt) {

    private static final String VERSION = "c1";

    public SyncCursor {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(scope, "scope");
        if (seq < 0 || passStartedAt < 0) {
            throw new IllegalArgumentException("seq and passStartedAt are never negative");
        }
    }

    /** Whether the cursor is inside a reset pass (its pages all say {@code reset: true}). */
    public boolean inResetPass() {
        return passStartedAt != 0;
    }

    /** The cursor as the wire carries it: base64url text without padding. */
    public String encode() {
        String text = String.join("|", VERSION, epoch, staffNo, Long.toString(seq), scope, Long.toString(passStartedAt));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in the text, or empty when the text is not a cursor. */
    public static Optional<SyncCursor> decode(String text) {
        if (text == null || text.isBlank() || text.length() > 512) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length != 6 || !parts[0].equals(VERSION) || parts[1].isEmpty() || parts[2].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SyncCursor(parts[1], parts[2], Long.parseLong(parts[3]), parts[4],
                    Long.parseLong(parts[5])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
