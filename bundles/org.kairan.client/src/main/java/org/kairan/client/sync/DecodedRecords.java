package org.kairan.client.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kairan.client.Session;

/**
 * The replica's records of one type decoded once per version of the replica and per user, by id, for the services
 * that read them often (a screen redraws at every change): decoded again only when the type's version or the
 * logged-in user changed. Thread-safe.
 *
 * @param <T> the record type
 */
public final class DecodedRecords<T> {

    private record Decoded<T>(long version, String staffNo, Map<String, T> byId) {
    }

    private final String type;
    private final Class<T> recordType;
    private final Function<T, String> idOf;
    private Decoded<T> decoded;

    /**
     * @param type       one of {@link org.kairan.core.sync.EntityTypes}
     * @param recordType the records' class
     * @param idOf       a record's id
     */
    public DecodedRecords(String type, Class<T> recordType, Function<T, String> idOf) {
        this.type = type;
        this.recordType = recordType;
        this.idOf = idOf;
    }

    /** The records by id, in the replica's order; none while nobody is logged in. */
    public synchronized Map<String, T> of(SyncService sync) {
        Optional<String> me = sync.session().map(Session::user).map(u -> u.staffNo());
        if (me.isEmpty()) {
            return Map.of();
        }
        Replica replica = sync.replica();
        long version = replica.version(type); // before reading: a change meanwhile is read next time
        if (decoded == null || decoded.version() != version || !decoded.staffNo().equals(me.get())) {
            Map<String, T> byId = new LinkedHashMap<>();
            for (T record : replica.all(type, recordType)) {
                byId.put(idOf.apply(record), record);
            }
            decoded = new Decoded<>(version, me.get(), java.util.Collections.unmodifiableMap(byId));
        }
        return decoded.byId();
    }
}
