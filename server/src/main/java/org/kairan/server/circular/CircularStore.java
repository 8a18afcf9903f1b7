package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kairan.core.circular.Acknowledgement;
import org.kairan.core.circular.Circular;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for 回覧 and their 確認, on the caller's transaction, and their publication: every change puts the
 * whole {@link Circular} into the change feed, visible to the addressed unit (and the units below it)
 * and to the author.
 */
public final class CircularStore {

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    public CircularStore(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    /** Who sees a 回覧 in the feed. */
    public static String audience(Circular circular) {
        return Audience.of(Audience.unit(circular.unitCode()), Audience.staff(circular.authorNo()));
    }

    /**
     * The 回覧, its row locked until the transaction ends: changes to one 回覧 take turns, so each feed
     * entry carries every 確認 committed before it.
     */
    public Optional<Circular> lock(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, unit_code, title, body, author_no, author_name,"
                + " author_unit_name, posted_at, withdrawn_at FROM circular WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Circular(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                        acknowledgements(c, id)));
            }
        }
    }

    public boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM circular WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<Acknowledgement> acknowledgements(Connection c, String id) throws SQLException {
        List<Acknowledgement> acks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no, person_name, acknowledged_at FROM circular_ack"
                + " WHERE circular_id = ? ORDER BY ordinal, acknowledged_at, staff_no")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    acks.add(new Acknowledgement(rs.getString(1), rs.getString(2), instant(rs, 3)));
                }
            }
        }
        return acks;
    }

    /** Stores a new 回覧 and puts it into the feed; returns its seq. */
    public long post(Connection c, Circular circular) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO circular (id, unit_code, title, body, author_no,"
                + " author_name, author_unit_name, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, circular.id());
            ps.setString(2, circular.unitCode());
            ps.setString(3, circular.title());
            ps.setString(4, circular.body());
            ps.setString(5, circular.authorNo());
            ps.setString(6, circular.authorName());
            ps.setString(7, circular.authorUnitName());
            ps.setObject(8, utc(circular.postedAt()));
            ps.executeUpdate();
        }
        return publish(c, circular);
    }

    /** Adds a 確認 to a locked 回覧 and puts the new state into the feed; returns its seq. */
    public long acknowledge(Connection c, Circular circular, Acknowledgement ack) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO circular_ack (circular_id, staff_no, person_name,"
                + " acknowledged_at, ordinal) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, circular.id());
            ps.setString(2, ack.staffNo());
            ps.setString(3, ack.name());
            ps.setObject(4, utc(ack.at()));
            ps.setLong(5, circular.acknowledgements().size() + 1L);
            ps.executeUpdate();
        }
        List<Acknowledgement> acks = new ArrayList<>(circular.acknowledgements());
        acks.add(ack);
        return publish(c, new Circular(circular.id(), circular.unitCode(), circular.title(), circular.body(),
                circular.authorNo(), circular.authorName(), circular.authorUnitName(), circular.postedAt(),
                circular.withdrawnAt(), acks));
    }

    /** Marks a locked 回覧 withdrawn (取下げ) and puts the new state into the feed; returns its seq. */
    public long withdraw(Connection c, Circular circular, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE circular SET withdrawn_at = ? WHERE id = ?")) {
            ps.setObject(1, utc(at));
            ps.setString(2, circular.id());
            ps.executeUpdate();
        }
        return publish(c, new Circular(circular.id(), circular.unitCode(), circular.title(), circular.body(),
                circular.authorNo(), circular.authorName(), circular.authorUnitName(), circular.postedAt(), at,
                circular.acknowledgements()));
    }

    private long publish(Connection c, Circular circular) throws SQLException {
        try {
            return feed.append(c, FeedEntry.upsert(EntityTypes.CIRCULAR, circular.id(), audience(circular),
                    mapper.writeValueAsString(circular)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a 回覧 could not be written as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
