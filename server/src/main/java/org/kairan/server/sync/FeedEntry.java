package org.kairan.server.sync;

import java.util.Objects;

/**
 * One entry of the change feed as stored: the new state of a record (or its removal) and who may see it.
 *
 * @param seq      position in the feed ({@code 0} before it is appended)
 * @param type     one of {@link org.kairan.core.sync.EntityTypes}
 * @param id       the record's id within its type
 * @param deleted  whether the record is gone
 * @param audience the {@link Audience} tokens, space-separated
 * @param data     the record as JSON, {@code null} when deleted
 */
public record FeedEntry(long seq, String type, String id, boolean deleted, String audience, String data) {

    public FeedEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        if (!deleted && data == null) {
            throw new IllegalArgumentException("an upsert of " + type + " " + id + " needs data");
        }
    }

    public static FeedEntry upsert(String type, String id, String audience, String data) {
        return new FeedEntry(0, type, id, false, audience, data);
    }

    public static FeedEntry removal(String type, String id, String audience) {
        return new FeedEntry(0, type, id, true, audience, null);
    }
}
