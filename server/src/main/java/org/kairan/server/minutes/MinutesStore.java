package org.kairan.server.minutes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for 議事録 on the caller's transaction, and their publication: each save stores the whole
 * {@link MinutesRecord} and puts it into the change feed for its audience, taking it back from those who are no
 * longer in it (an attendee removed). Callers lock the row first ({@link #lock}).
 */
final class MinutesStore {

    /** The most characters a record's JSON may have: what a change feed entry holds. */
    static final int MAX_JSON = 1_000_000;

    /** Minutes as stored, and who they were last published to. */
    record Stored(MinutesRecord record, String audience) {
    }

    /** The minutes' JSON is larger than a feed entry takes. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
        final int characters;

        TooLargeException(int characters) {
            super("the minutes take " + characters + " characters, more than " + MAX_JSON);
            this.characters = characters;
        }
    }

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    MinutesStore(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    /** The row, locked until the transaction ends. */
    Optional<Stored> lock(Connection c, String id) throws SQLException {
        return one(c, "SELECT data, audience FROM minutes WHERE id = ? FOR UPDATE", id);
    }

    Optional<Stored> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT data, audience FROM minutes WHERE id = ?", id);
    }

    private Optional<Stored> one(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs.getString(1)), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** The 会議名 of the minutes played from a speech-to-text job's recording (empty: none). */
    List<String> playing(Connection c, String jobId) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM minutes WHERE recording = ? ORDER BY id")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.add(read(rs.getString(1)).minutes().header().title());
                }
            }
        }
        return titles;
    }

    /** A 課's minutes, the latest saved first. */
    List<Stored> inUnit(Connection c, String unitCode) throws SQLException {
        List<Stored> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data, audience FROM minutes WHERE unit_code = ? ORDER BY updated_at DESC, id")) {
            ps.setString(1, unitCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Stored(read(rs.getString(1)), rs.getString(2)));
                }
            }
        }
        return found;
    }

    /**
     * Stores the record (inserting or replacing the row {@code previous} was read from) and publishes it to
     * {@code audience}; returns the feed's sequence number.
     */
    long save(Connection c, MinutesRecord record, Stored previous, String audience)
            throws SQLException, TooLargeException {
        String data = write(record);
        if (data.length() > MAX_JSON) {
            throw new TooLargeException(data.length());
        }
        String sql = previous == null
                ? "INSERT INTO minutes (unit_code, version, status, kessai_id, created_by, updated_by, updated_at,"
                        + " audience, data, recording, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE minutes SET unit_code = ?, version = ?, status = ?, kessai_id = ?, created_by = ?,"
                        + " updated_by = ?, updated_at = ?, audience = ?, data = ?, recording = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, record.minutes().unitCode());
            ps.setInt(2, record.version());
            ps.setString(3, record.status().name());
            ps.setString(4, record.kessaiId());
            ps.setString(5, record.createdBy());
            ps.setString(6, record.updatedBy());
            ps.setObject(7, OffsetDateTime.ofInstant(record.updatedAt(), ZoneOffset.UTC));
            ps.setString(8, audience);
            ps.setString(9, data);
            ps.setString(10, record.minutes().hasRecording() ? record.minutes().recording() : null);
            ps.setString(11, record.id());
            ps.executeUpdate();
        }
        List<FeedEntry> entries = new ArrayList<>();
        if (previous != null) {
            Set<String> now = Set.of(audience.split(" "));
            String lost = Arrays.stream(previous.audience().split(" ")).filter(t -> !t.isEmpty() && !now.contains(t))
                    .collect(Collectors.joining(" "));
            if (!lost.isEmpty()) {
                entries.add(FeedEntry.removal(EntityTypes.MINUTES, record.id(), lost));
            }
        }
        entries.add(FeedEntry.upsert(EntityTypes.MINUTES, record.id(), audience, data));
        return feed.append(c, entries);
    }

    private MinutesRecord read(String json) {
        try {
            return mapper.readValue(json, MinutesRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored minutes could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(MinutesRecord record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("minutes could not be written as JSON", e);
        }
    }
}
