package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for 案件 on the caller's transaction, and their publication: each change stores the whole
 * {@link Kessai} and puts it into the change feed for its {@link KessaiAudience}; someone who drops out
 * of the audience (a route edited after 差戻し) gets a removal first.
 */
public final class KessaiStore {

    /** A 案件 as stored, with the audience it was last published to. */
    public record Stored(Kessai kessai, String audience) {
    }

    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final KessaiTexts texts;

    KessaiStore(ChangeFeed feed, ObjectMapper mapper, KessaiTexts texts) {
        this.feed = feed;
        this.mapper = mapper;
        this.texts = texts;
    }

    /** The 案件, its row locked until the transaction ends: actions on one 案件 take turns. */
    public Optional<Stored> lock(Connection c, String id) throws SQLException {
        return select(c, "SELECT data, audience FROM kessai WHERE id = ? FOR UPDATE", id);
    }

    /** The 案件 as committed, unlocked. */
    public Optional<Stored> find(Connection c, String id) throws SQLException {
        return select(c, "SELECT data, audience FROM kessai WHERE id = ?", id);
    }

    private Optional<Stored> select(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs.getString(1)), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Stores a new or changed 案件 and publishes it; returns its feed seq.
     *
     * @param before the stored state it replaces, {@code null} for a new one
     */
    public long save(Connection c, Kessai kessai, Stored before, OrganisationDirectory directory, Instant now)
            throws SQLException {
        String audience = KessaiAudience.of(kessai, directory);
        String data = write(kessai);
        if (before == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kessai (division_code, drafter_no, status, title,"
                    + " classification, document_number, draft_date, decided_at, audience, data, updated_at, id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, kessai, audience, data, now);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kessai SET division_code = ?, drafter_no = ?,"
                    + " status = ?, title = ?, classification = ?, document_number = ?, draft_date = ?, decided_at = ?,"
                    + " audience = ?, data = ?, updated_at = ? WHERE id = ?")) {
                bind(ps, kessai, audience, data, now);
                ps.executeUpdate();
            }
        }
        for (Attachment file : kessai.attachments()) {
            linkFile(c, file.sha256(), kessai.id());
        }
        if (kessai.record() != null) {
            linkFile(c, kessai.record().sha256(), kessai.id());
        }
        texts.queue(c, kessai);
        List<FeedEntry> entries = new ArrayList<>(2);
        String lost = before == null ? "" : KessaiAudience.lost(before.audience(), audience);
        if (!lost.isEmpty()) {
            entries.add(FeedEntry.removal(EntityTypes.KESSAI, kessai.id(), lost));
        }
        entries.add(FeedEntry.upsert(EntityTypes.KESSAI, kessai.id(), audience, data));
        // the text of files read already: all of it when the audience changed, else only that of new attachments
        boolean audienceChanged = before != null && !before.audience().equals(audience);
        Set<String> had = before == null ? Set.of()
                : before.kessai().attachments().stream().map(Attachment::id).collect(Collectors.toSet());
        if (before != null) {
            entries.addAll(texts.dropped(c, before.kessai(), kessai, before.audience()));
        }
        entries.addAll(texts.entries(c, kessai, audience, lost, a -> audienceChanged || !had.contains(a.id())));
        return feed.append(c, entries);
    }

    /**
     * Publishes the text of the file, just read, for every 案件 that has it attached, to the 案件's audience: one
     * short transaction per 案件 (its row locked, so a change of its audience waits, then the feed).
     */
    void publishText(Database database, String sha256) {
        List<String> naming = database.inTransaction(c -> kessaiNaming(c, sha256));
        for (String id : naming) {
            database.inTransaction(c -> {
                Optional<Stored> stored = lock(c, id);
                if (stored.isPresent()) {
                    List<FeedEntry> entries = texts.entries(c, stored.get().kessai(), stored.get().audience(), "",
                            a -> a.sha256().equals(sha256));
                    if (!entries.isEmpty()) {
                        feed.append(c, entries);
                    }
                }
                return null;
            });
        }
    }

    private static List<String> kessaiNaming(Connection c, String sha256) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kessai_id FROM kessai_file WHERE sha256 = ? ORDER BY kessai_id")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, Kessai kessai, String audience, String data, Instant now)
            throws SQLException {
        ps.setString(1, kessai.divisionCode());
        ps.setString(2, kessai.drafterNo());
        ps.setString(3, kessai.status().name());
        ps.setString(4, kessai.title());
        ps.setString(5, kessai.classification());
        ps.setString(6, kessai.documentNumber());
        ps.setObject(7, kessai.draftDate());
        ps.setObject(8, kessai.decidedAt() == null ? null : OffsetDateTime.ofInstant(kessai.decidedAt(), ZoneOffset.UTC));
        ps.setString(9, audience);
        ps.setString(10, data);
        ps.setObject(11, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setString(12, kessai.id());
    }

    private static void linkFile(Connection c, String sha256, String kessaiId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO kessai_file (sha256, kessai_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, sha256);
            ps.setString(2, kessaiId);
            ps.executeUpdate();
        }
    }

    /** The feed's head (the seq of the last change). */
    public long head(Connection c) throws SQLException {
        return feed.head(c);
    }

    /** The audiences of the 案件 that name the file: whoever sees one of them may download it. */
    public List<String> audiencesNaming(Connection c, String sha256) throws SQLException {
        List<String> audiences = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.audience FROM kessai_file f JOIN kessai k"
                + " ON k.id = f.kessai_id WHERE f.sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    audiences.add(rs.getString(1));
                }
            }
        }
        return audiences;
    }

    /** Every 案件 in a status (e.g. 回議中, to bring their 代決者 up to date). */
    public List<Stored> inStatus(Connection c, KessaiStatus status) throws SQLException {
        return list(c, "SELECT data, audience FROM kessai WHERE status = ? ORDER BY id", ps -> ps.setString(1, status.name()));
    }

    /** 案件 of a 課 decided, rejected or withdrawn in {@code [from, to)}, oldest first (the 決裁簿). */
    public List<Kessai> closedIn(Connection c, String divisionCode, Instant from, Instant to) throws SQLException {
        return list(c, "SELECT data, audience FROM kessai WHERE division_code = ? AND decided_at >= ? AND decided_at < ?"
                + " ORDER BY decided_at, id", ps -> {
                    ps.setString(1, divisionCode);
                    ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                    ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                }).stream().map(Stored::kessai).toList();
    }

    /** Decided 案件 whose decision day is before {@code day} (candidates for 保存年限 満了), oldest first. */
    public List<Kessai> decidedBefore(Connection c, LocalDate day) throws SQLException {
        return list(c, "SELECT data, audience FROM kessai WHERE status = 'DECIDED' AND decided_at < ? ORDER BY decided_at, id",
                ps -> ps.setObject(1, OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC))).stream()
                .map(Stored::kessai).toList();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Stored> list(Connection c, String sql, Binder binder) throws SQLException {
        List<Stored> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Stored(read(rs.getString(1)), rs.getString(2)));
                }
            }
        }
        return found;
    }

    private Kessai read(String json) {
        try {
            return mapper.readValue(json, Kessai.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored 案件 could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Kessai kessai) {
        try {
            return mapper.writeValueAsString(kessai);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a 案件 could not be written as JSON", e);
        }
    }
}
