package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.PageWords;
import org.kairan.core.documents.TextPage;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The extracted text, page by page ({@code library_page}), with the words of each OCR'd page where they stand
 * (JSON of {@link PageWords}, kept in the page's row, so a restart neither loses nor repeats them), and the text's
 * publication as {@code document-text} parts: consecutive pages up to {@link DocumentText#MAX_PART_CHARS}
 * characters each.
 */
final class PageStore {

    private static final Logger LOG = LoggerFactory.getLogger(PageStore.class);

    /**
     * What the worker got from one page.
     *
     * @param page    1-based
     * @param text    its text (cut at {@link DocumentText#MAX_PART_CHARS} characters)
     * @param ocr     recognised from its image
     * @param problem why it could not be read or OCR'd, {@code null} when it was
     * @param words   where OCR found its words, {@code null} for a page not OCR'd
     */
    record PageResult(int page, String text, boolean ocr, ExtractionFailure problem, PageWords words) {
        PageResult {
            text = text == null ? "" : LibraryStore.clip(text, DocumentText.MAX_PART_CHARS);
        }

        /** A page without OCR'd words. */
        PageResult(int page, String text, boolean ocr, ExtractionFailure problem) {
            this(page, text, ocr, problem, null);
        }
    }

    /** The words of a page are kept only up to this much JSON (a page of dense small print has about 100,000). */
    static final int MAX_WORDS_JSON = 1_000_000;

    /** What the pages kept so far of a version add up to. */
    record Summary(int pagesDone, int ocrPages, Map<ExtractionFailure, TreeSet<Integer>> problems) {
    }

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    PageStore(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    /** The pages of the version kept so far (they are not read again). */
    Set<Integer> kept(Connection c, String documentId, int version) throws SQLException {
        Set<Integer> pages = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT page FROM library_page WHERE document_id = ? AND version = ?")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(rs.getInt(1));
                }
            }
        }
        return pages;
    }

    void insert(Connection c, String documentId, int version, List<PageResult> pages, Instant now) throws SQLException {
        if (pages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_page (document_id, version, page, ocr,"
                + " problem, text, extracted_at, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PageResult page : pages) {
                ps.setString(1, documentId);
                ps.setInt(2, version);
                ps.setInt(3, page.page());
                ps.setBoolean(4, page.ocr());
                ps.setString(5, page.problem() == null ? null : page.problem().name());
                ps.setString(6, page.text());
                ps.setObject(7, LibraryStore.timestamp(now));
                ps.setString(8, wordsJson(page.words()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Forgets the pages that failed for want of OCR, so they are tried again. */
    int forgetPagesWanting(Connection c, String documentId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM library_page WHERE document_id = ? AND version = ?"
                + " AND problem IN ('OCR_DISABLED', 'OCR_UNAVAILABLE')")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            return ps.executeUpdate();
        }
    }

    Summary summary(Connection c, String documentId, int version) throws SQLException {
        int done = 0;
        int ocr = 0;
        Map<ExtractionFailure, TreeSet<Integer>> problems = new EnumMap<>(ExtractionFailure.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT page, ocr, problem FROM library_page WHERE document_id = ? AND version = ?")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String problem = rs.getString(3);
                    if (problem == null) {
                        done++;
                        if (rs.getBoolean(2)) {
                            ocr++;
                        }
                    } else {
                        problems.computeIfAbsent(ExtractionFailure.valueOf(problem), p -> new TreeSet<>()).add(rs.getInt(1));
                    }
                }
            }
        }
        return new Summary(done, ocr, problems);
    }

    /** The text of a version, page by page (pages that failed keep whatever their text layer had). */
    List<TextPage> text(Connection c, String documentId, int version) throws SQLException {
        List<TextPage> pages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT page, text, ocr FROM library_page"
                + " WHERE document_id = ? AND version = ? ORDER BY page")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(new TextPage(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return pages;
    }

    /** Where OCR found the words of the version's OCR'd pages, in page order (pages with a text layer have none). */
    List<PageWords> words(Connection c, String documentId, int version) throws SQLException {
        List<PageWords> pages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT words FROM library_page"
                + " WHERE document_id = ? AND version = ? AND ocr AND words IS NOT NULL ORDER BY page")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(read(rs.getString(1)));
                }
            }
        }
        return pages;
    }

    /** The words as kept: JSON, {@code null} for none or for more than {@link #MAX_WORDS_JSON} characters of it. */
    private String wordsJson(PageWords words) {
        if (words == null) {
            return null;
        }
        String json;
        try {
            json = mapper.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page's words could not be written as JSON", e);
        }
        if (json.length() > MAX_WORDS_JSON) {
            LOG.warn("page {}: {} words ({} characters of JSON) are too many to keep; its text is kept", words.page(),
                    words.words().size(), json.length());
            return null;
        }
        return json;
    }

    private PageWords read(String json) throws SQLException {
        try {
            return mapper.readValue(json, PageWords.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a page's words are not readable JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Puts the version's text into the feed in parts for the audience, replacing what was published before
     * ({@code before}'s text version and parts, to its audience): parts beyond the new text are removed, and
     * so are the parts of those who dropped out of the audience. Returns the feed seq.
     */
    long publish(Connection c, LibraryStore.DocumentRow before, int version, String audience) throws SQLException {
        List<List<TextPage>> parts = split(text(c, before.id(), version));
        List<FeedEntry> entries = new ArrayList<>();
        String lost = LibraryStore.lost(before.audience(), audience);
        for (int part = 1; part <= before.textParts(); part++) {
            String id = DocumentText.feedId(before.id(), part);
            if (part > parts.size()) {
                entries.add(FeedEntry.removal(EntityTypes.DOCUMENT_TEXT, id, before.audience()));
            } else if (!lost.isEmpty()) {
                entries.add(FeedEntry.removal(EntityTypes.DOCUMENT_TEXT, id, lost));
            }
        }
        for (int part = 1; part <= parts.size(); part++) {
            DocumentText text = new DocumentText(before.id(), version, part, parts.size(), parts.get(part - 1));
            entries.add(FeedEntry.upsert(EntityTypes.DOCUMENT_TEXT, DocumentText.feedId(before.id(), part), audience,
                    write(text)));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE library_document SET text_version = ?, text_parts = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setInt(2, parts.size());
            ps.setString(3, before.id());
            ps.executeUpdate();
        }
        return entries.isEmpty() ? feed.head(c) : feed.append(c, entries);
    }

    /** Consecutive pages, each group at most {@link DocumentText#MAX_PART_CHARS} characters (a page is never split). */
    static List<List<TextPage>> split(List<TextPage> pages) {
        List<List<TextPage>> parts = new ArrayList<>();
        List<TextPage> current = new ArrayList<>();
        long chars = 0;
        for (TextPage page : pages) {
            if (!current.isEmpty() && chars + page.text().length() > DocumentText.MAX_PART_CHARS) {
                parts.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(page);
            chars += page.text().length();
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private String write(DocumentText text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document's text could not be written as JSON", e);
        }
    }
}
