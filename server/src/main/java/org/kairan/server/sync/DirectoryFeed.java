package org.kairan.server.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.directory.OrganisationStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts the organisation directory into the change feed: services that change it take a
 * {@link #before} snapshot and call {@link #publishChanges} in the same transaction, which appends every
 * 役職, unit, person and assignment that was added or changed, and a removal for each one that is gone.
 * Directory records are visible to all staff.
 */
public final class DirectoryFeed {

    private final OrganisationStore store;
    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    public DirectoryFeed(OrganisationStore store, ChangeFeed feed, ObjectMapper mapper) {
        this.store = store;
        this.feed = feed;
        this.mapper = mapper;
    }

    /** The directory as the caller's transaction sees it now, to compare with after the change. */
    public DirectorySnapshot before(Connection c) throws SQLException {
        return store.snapshot(c, LocalDate.EPOCH);
    }

    /** Appends what changed since {@code before}; returns how many entries were appended. */
    public int publishChanges(Connection c, DirectorySnapshot before) throws SQLException {
        DirectorySnapshot after = store.snapshot(c, LocalDate.EPOCH);
        List<FeedEntry> entries = new ArrayList<>();
        diff(entries, EntityTypes.POSITION, before.positions(), after.positions(), Position::name);
        List<OrgUnit> units = new ArrayList<>(after.units());
        units.sort(Comparator.comparing((OrgUnit u) -> u.kind().ordinal()).thenComparing(OrgUnit::code));
        diff(entries, EntityTypes.UNIT, before.units(), units, OrgUnit::code);
        diff(entries, EntityTypes.STAFF, before.staff(), after.staff(), StaffMember::staffNo);
        diff(entries, EntityTypes.ASSIGNMENT, before.assignments(), after.assignments(), EntityTypes::assignmentId);
        feed.append(c, entries);
        return entries.size();
    }

    /**
     * Puts the whole directory into the feed unless that was done before: for databases made before the
     * feed existed, and for the 役職 the first migration seeds. Safe with several server processes (the
     * flag is set under the feed's row lock).
     *
     * @return whether it published now
     */
    public boolean publishOnce(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feed_head SET directory_published = TRUE WHERE id = 1 AND directory_published = FALSE")) {
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        publishChanges(c, new DirectorySnapshot(LocalDate.EPOCH, List.of(), List.of(), List.of(), List.of()));
        return true;
    }

    private <T> void diff(List<FeedEntry> entries, String type, List<T> before, List<T> after, Function<T, String> id)
            throws SQLException {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(r -> old.put(id.apply(r), r));
        for (T record : after) {
            T previous = old.remove(id.apply(record));
            if (!record.equals(previous)) {
                entries.add(FeedEntry.upsert(type, id.apply(record), Audience.ALL, json(record)));
            }
        }
        for (String gone : old.keySet()) {
            entries.add(FeedEntry.removal(type, gone, Audience.ALL));
        }
    }

    private String json(Object record) throws SQLException {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a directory record could not be written as JSON: " + record, e);
        }
    }
}
