package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.kairan.core.kessai.Absence;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** 不在 on the caller's transaction, published to all staff (在席表示). */
final class AbsenceStore {

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    AbsenceStore(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    Optional<Absence> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, staff_no, from_day, to_day, reason, set_by, cancelled"
                + " FROM absence WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Absence(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7))) : Optional.empty();
            }
        }
    }

    /** Stores a new or changed 不在, not yet published ({@link #publish}). */
    void store(Connection c, Absence absence, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE absence SET staff_no = ?, from_day = ?, to_day = ?, reason = ?, set_by = ?, cancelled = ? WHERE id = ?"
                : "INSERT INTO absence (staff_no, from_day, to_day, reason, set_by, cancelled, id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, absence.staffNo());
            ps.setObject(2, absence.from());
            ps.setObject(3, absence.to());
            ps.setString(4, absence.reason());
            ps.setString(5, absence.setBy());
            ps.setBoolean(6, absence.cancelled());
            ps.setString(7, absence.id());
            ps.executeUpdate();
        }
    }

    /** Puts the 不在 into the feed (for all staff); returns its seq. */
    long publish(Connection c, Absence absence) throws SQLException {
        try {
            return feed.append(c, FeedEntry.upsert(EntityTypes.ABSENCE, absence.id(), Audience.ALL,
                    mapper.writeValueAsString(absence)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a 不在 could not be written as JSON", e);
        }
    }

    /** Who is away on the day. */
    Set<String> awayOn(Connection c, LocalDate day) throws SQLException {
        Set<String> away = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no FROM absence WHERE NOT cancelled"
                + " AND from_day <= ? AND to_day >= ?")) {
            ps.setObject(1, day);
            ps.setObject(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    away.add(rs.getString(1));
                }
            }
        }
        return away;
    }
}
