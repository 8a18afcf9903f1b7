package org.kairan.client.sync;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.kairan.core.organisation.DirectorySnapshot;

/** Read access to the local replica. Reads never touch the network. */
public interface Replica {

    /** Every record of a type, decoded (e.g. {@code all(EntityTypes.CIRCULAR, Circular.class)}). */
    <T> List<T> all(String type, Class<T> recordType);

    /** One record. */
    <T> Optional<T> get(String type, String id, Class<T> recordType);

    /** The organisation as replicated, with {@code today} as its date; empty lists before the first sync. */
    DirectorySnapshot directory(LocalDate today);

    /** Whether the replica holds anything yet (false before the first sync completes a page). */
    boolean hasData();

    /**
     * A number that changes whenever records of the type change, and when another user's replica is opened;
     * the same number means the same records. For caches of decoded records (e.g. the 決裁 inbox), which
     * must not depend on when change events arrive.
     */
    long version(String type);
}
