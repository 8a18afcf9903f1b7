package org.kairan.server.minutes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The tables {@code transcription_job} and {@code transcription_segment} (V15). */
final class TranscriptionStore {

    private static final String COLUMNS = "id, owner, language, file_name, stored_name, audio_bytes, duration_ms, state,"
            + " reason, note, real_time_factor, created_at, finished_at,"
            + " (SELECT COUNT(*) FROM transcription_segment s WHERE s.job_id = transcription_job.id)";

    /** A job row. */
    record StoredJob(String id, String owner, String language, String fileName, String storedName, long audioBytes,
            Long durationMillis, JobState state, String reason, String note, Double realTimeFactor, Instant createdAt,
            Instant finishedAt, int segments) {

        Double durationSeconds() {
            return durationMillis == null ? null : durationMillis / 1000.0;
        }
    }

    private final ObjectMapper mapper;

    TranscriptionStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void insert(Connection c, StoredJob job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcription_job (id, owner, language, file_name,"
                + " stored_name, audio_bytes, duration_ms, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.owner());
            ps.setString(3, job.language());
            ps.setString(4, job.fileName());
            ps.setString(5, job.storedName());
            ps.setLong(6, job.audioBytes());
            if (job.durationMillis() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, job.durationMillis());
            }
            ps.setString(8, job.state().name());
            ps.setObject(9, utc(job.createdAt()));
            ps.executeUpdate();
        }
    }

    Optional<StoredJob> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM transcription_job WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    /** The person's jobs, newest first. */
    List<StoredJob> ownedBy(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM transcription_job WHERE owner = ? ORDER BY created_at DESC, id")) {
            ps.setString(1, owner);
            return jobs(ps);
        }
    }

    /** Jobs in a state, oldest first. */
    List<StoredJob> inState(Connection c, JobState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM transcription_job WHERE state = ? ORDER BY created_at, id")) {
            ps.setString(1, state.name());
            return jobs(ps);
        }
    }

    private List<StoredJob> jobs(PreparedStatement ps) throws SQLException {
        List<StoredJob> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(job(rs));
            }
        }
        return found;
    }

    /** Moves a job from one state to another; false when it was not in {@code from} (cancelled, deleted meanwhile). */
    boolean move(Connection c, String id, JobState from, JobState to, Instant now) throws SQLException {
        String started = to == JobState.CONVERTING ? ", started_at = ?" : "";
        String finished = to.finished() ? ", finished_at = ?" : "";
        try (PreparedStatement ps = c.prepareStatement("UPDATE transcription_job SET state = ?" + started + finished
                + " WHERE id = ? AND state = ?")) {
            int i = 1;
            ps.setString(i++, to.name());
            if (!started.isEmpty()) {
                ps.setObject(i++, utc(now));
            }
            if (!finished.isEmpty()) {
                ps.setObject(i++, utc(now));
            }
            ps.setString(i++, id);
            ps.setString(i, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends a job that is not finished as FAILED with the reason; false when it had already ended. */
    boolean fail(Connection c, String id, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transcription_job SET state = ?, reason = ?, finished_at = ?"
                + " WHERE id = ? AND state IN (?, ?, ?)")) {
            ps.setString(1, JobState.FAILED.name());
            ps.setString(2, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
            ps.setObject(3, utc(now));
            ps.setString(4, id);
            ps.setString(5, JobState.WAITING.name());
            ps.setString(6, JobState.CONVERTING.name());
            ps.setString(7, JobState.RECOGNISING.name());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Keeps the transcript and marks the job DONE, in the caller's transaction; false (nothing written) when the job
     * is no longer recognising (cancelled or deleted meanwhile).
     */
    boolean finish(Connection c, String id, List<SpeechSegment> segments, String note, double realTimeFactor, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transcription_job SET state = ?, note = ?,"
                + " real_time_factor = ?, finished_at = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, JobState.DONE.name());
            ps.setString(2, note);
            ps.setDouble(3, realTimeFactor);
            ps.setObject(4, utc(now));
            ps.setString(5, id);
            ps.setString(6, JobState.RECOGNISING.name());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcription_segment (job_id, seq, start_ms, end_ms,"
                + " text, words) VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (SpeechSegment segment : segments) {
                ps.setString(1, id);
                ps.setInt(2, seq++);
                ps.setLong(3, Math.round(segment.start() * 1000));
                ps.setLong(4, Math.round(segment.end() * 1000));
                ps.setString(5, segment.text());
                ps.setString(6, json(segment.words()));
                ps.addBatch();
            }
            if (seq > 0) {
                ps.executeBatch();
            }
        }
        return true;
    }

    List<SpeechSegment> segments(Connection c, String id) throws SQLException {
        List<SpeechSegment> segments = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT start_ms, end_ms, text, words FROM transcription_segment"
                + " WHERE job_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    segments.add(new SpeechSegment("", rs.getLong(1) / 1000.0, rs.getLong(2) / 1000.0, rs.getString(3),
                            words(rs.getString(4))));
                }
            }
        }
        return segments;
    }

    /** Deletes the job and its transcript; false when there was none. */
    boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transcription_segment WHERE job_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transcription_job WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    private StoredJob job(ResultSet rs) throws SQLException {
        long duration = rs.getLong(7);
        Long durationMillis = rs.wasNull() ? null : duration;
        double rtf = rs.getDouble(11);
        Double realTimeFactor = rs.wasNull() ? null : rtf;
        OffsetDateTime finished = rs.getObject(13, OffsetDateTime.class);
        return new StoredJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), durationMillis, JobState.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                realTimeFactor, rs.getObject(12, OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt(14));
    }

    private String json(List<SpokenWord> words) {
        try {
            return mapper.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("words cannot be written as JSON", e);
        }
    }

    private List<SpokenWord> words(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<SpokenWord>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored words are not JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
