package org.kairan.core.sync;

import java.util.Objects;

/**
 * One entry of the change feed as a user receives it: the new state of one record, or its removal.
 *
 * @param seq     position in the feed; strictly increasing, never reused
 * @param type    the record's type, one of {@link EntityTypes}
 * @param id      the record's id, unique within its type
 * @param deleted {@code true}: the record is gone for this user (deleted, or no longer visible to them)
 * @param data    the record as JSON text (on the wire a JSON object); {@code null} when deleted
 */
public record SyncChange(long seq, String type, String id, boolean deleted, String data) {

    public SyncChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!deleted && data == null) {
            throw new IllegalArgumentException("an upsert of " + type + " " + id + " needs data");
        }
    }
}
