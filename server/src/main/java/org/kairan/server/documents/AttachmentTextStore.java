package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.TextPage;

/**
 * SQL of the text of 決裁 attachments ({@code attachment_text}, {@code attachment_text_page}), on the caller's
 * transaction: one row per file (by hash) that is also the queue, and the text layer of each page once read.
 */
final class AttachmentTextStore {

    /** The states of a file's text: waiting to be read, read, or unreadable (never taken again). */
    static final String PENDING = "PENDING";
    static final String EXTRACTED = "EXTRACTED";
    static final String FAILED = "FAILED";

    /** A file waiting in the queue. */
    record Waiting(String sha256, String mediaType) {
    }

    /** Puts the file in the queue unless it is there (or was read) already; returns whether it was added. */
    boolean queue(Connection c, String sha256, String mediaType, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment_text (sha256, media_type, state, pages,"
                + " queued_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, sha256);
            ps.setString(2, mediaType);
            ps.setString(3, PENDING);
            ps.setObject(4, LibraryStore.timestamp(now));
            return ps.executeUpdate() > 0;
        }
    }

    Optional<Waiting> next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256, media_type FROM attachment_text WHERE state = ?"
                + " ORDER BY queue_seq LIMIT 1")) {
            ps.setString(1, PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Waiting(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A file whose text was kept but not yet put into the feed (the server stopped in between), if any. */
    Optional<String> nextUnpublished(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM attachment_text WHERE state = ?"
                + " AND published = FALSE ORDER BY queue_seq LIMIT 1")) {
            ps.setString(1, EXTRACTED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Notes that the file's text is in the feed for every 案件 naming it. */
    void published(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE attachment_text SET published = TRUE WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            ps.executeUpdate();
        }
    }

    /** Keeps the pages read and marks the file EXTRACTED (not yet published). */
    void extracted(Connection c, String sha256, List<PageStore.PageResult> pages, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM attachment_text_page WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO attachment_text_page (sha256, page, problem, text, ocr) VALUES (?, ?, ?, ?, ?)")) {
            for (PageStore.PageResult page : pages) {
                ps.setString(1, sha256);
                ps.setInt(2, page.page());
                ps.setString(3, page.problem() == null ? null : page.problem().name());
                ps.setString(4, page.text());
                ps.setBoolean(5, page.ocr());
                ps.addBatch();
            }
            if (!pages.isEmpty()) {
                ps.executeBatch();
            }
        }
        finish(c, sha256, EXTRACTED, pages.size(), null, null, now);
    }

    /** Marks the file FAILED with its reason: it has no text and is not taken again. */
    void failed(Connection c, String sha256, ExtractionFailure failure, String reason, Instant now) throws SQLException {
        finish(c, sha256, FAILED, 0, failure, reason, now);
    }

    private static void finish(Connection c, String sha256, String state, int pages, ExtractionFailure failure,
            String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE attachment_text SET state = ?, pages = ?, failure = ?,"
                + " reason = ?, finished_at = ? WHERE sha256 = ?")) {
            ps.setString(1, state);
            ps.setInt(2, pages);
            ps.setString(3, failure == null ? null : failure.name());
            ps.setString(4, reason == null ? null : LibraryStore.clip(reason, 1000));
            ps.setObject(5, LibraryStore.timestamp(now));
            ps.setString(6, sha256);
            ps.executeUpdate();
        }
    }

    /** The state of the file's text, empty when it was never queued. */
    Optional<String> state(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM attachment_text WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The pages read of the file, in page order (none until it was read; pages without text are left out). */
    List<TextPage> pages(Connection c, String sha256) throws SQLException {
        List<TextPage> pages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.page, p.text, p.ocr FROM attachment_text_page p"
                + " JOIN attachment_text t ON t.sha256 = p.sha256 WHERE p.sha256 = ? AND t.state = ? ORDER BY p.page")) {
            ps.setString(1, sha256);
            ps.setString(2, EXTRACTED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(2).isBlank()) {
                        pages.add(new TextPage(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
        }
        return pages;
    }
}
