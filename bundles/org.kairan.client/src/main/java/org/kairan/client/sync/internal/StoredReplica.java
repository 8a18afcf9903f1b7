package org.kairan.client.sync.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kairan.client.internal.JsonCodec;
import org.kairan.client.sync.Replica;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.sync.EntityTypes;

/** {@link Replica} over a {@link ReplicaStore}: rows decoded with the client's Jackson mapper. */
final class StoredReplica implements Replica {

    /** The replica of nobody: every read is empty. */
    static final Replica EMPTY = new Replica() {
        @Override
        public <T> List<T> all(String type, Class<T> recordType) {
            return List.of();
        }

        @Override
        public <T> Optional<T> get(String type, String id, Class<T> recordType) {
            return Optional.empty();
        }

        @Override
        public DirectorySnapshot directory(LocalDate today) {
            return new DirectorySnapshot(today, List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public boolean hasData() {
            return false;
        }

        @Override
        public long version(String type) {
            return 0;
        }
    };

    private final ReplicaStore store;
    private final JsonCodec json;

    StoredReplica(ReplicaStore store, JsonCodec json) {
        this.store = store;
        this.json = json;
    }

    /** From this many records on, decoding is shared among the cores (5,000 案件: half the time on two). */
    private static final int DECODE_IN_PARALLEL_FROM = 512;

    @Override
    public <T> List<T> all(String type, Class<T> recordType) {
        try {
            List<String> texts = store.all(type);
            return (texts.size() >= DECODE_IN_PARALLEL_FROM ? texts.parallelStream() : texts.stream())
                    .map(text -> json.readText(text, recordType)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("the replica cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> Optional<T> get(String type, String id, Class<T> recordType) {
        try {
            return store.get(type, id).map(text -> json.readText(text, recordType));
        } catch (SQLException e) {
            throw new IllegalStateException("the replica cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public DirectorySnapshot directory(LocalDate today) {
        List<Position> positions = all(EntityTypes.POSITION, Position.class).stream()
                .sorted(Comparator.comparingInt(Position::rank).thenComparing(Position::name)).toList();
        List<OrgUnit> units = all(EntityTypes.UNIT, OrgUnit.class).stream()
                .sorted(Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::code)).toList();
        List<StaffMember> staff = all(EntityTypes.STAFF, StaffMember.class).stream()
                .sorted(Comparator.comparing(StaffMember::staffNo)).toList();
        List<Assignment> assignments = all(EntityTypes.ASSIGNMENT, Assignment.class).stream()
                .sorted(Comparator.comparing(Assignment::staffNo).thenComparing(Assignment::effectiveFrom)
                        .thenComparing(Assignment::unitCode).thenComparing(Assignment::position))
                .toList();
        return new DirectorySnapshot(today, positions, units, staff, assignments);
    }

    @Override
    public long version(String type) {
        return store.version(type);
    }

    @Override
    public boolean hasData() {
        try {
            return store.count() > 0;
        } catch (SQLException e) {
            return false;
        }
    }
}
