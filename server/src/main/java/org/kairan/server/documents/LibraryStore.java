package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for library documents and their versions on the caller's transaction, and their publication: each
 * change rebuilds the whole {@link LibraryDocument} from its rows, stores it and puts it into the change feed
 * for its {@link DocumentAudience}. Callers lock the document's row first ({@link #lock}) and only then touch
 * the feed, so changes of one document take turns and never wait on the feed while holding another row.
 */
final class LibraryStore {

    /** A document's own row: its metadata and where it was last published. */
    record DocumentRow(String id, String unitCode, String unitName, String title, String classification,
            int fiscalYear, List<String> tags, int retentionYears, String createdBy, String createdByName,
            Instant createdAt, String updatedBy, String updatedByName, Instant updatedAt, String audience,
            int textVersion, int textParts) {

        DocumentRow withMetadata(String newTitle, String newClassification, int newFiscalYear, List<String> newTags,
                int newRetention, String unitNameNow, String by, String byName, Instant at) {
            return new DocumentRow(id, unitCode, unitNameNow, newTitle, newClassification, newFiscalYear, newTags,
                    newRetention, createdBy, createdByName, createdAt, by, byName, at, audience, textVersion, textParts);
        }
    }

    /** A version's row: its file and its place and state in the extraction queue. */
    record VersionRow(long queueSeq, String documentId, int version, String fileName, String sha256, String mediaType,
            long size, int pages, String uploadedBy, String uploadedByName, Instant uploadedAt,
            ExtractionStatus status, int turns) {

        DocumentVersion toVersion() {
            return new DocumentVersion(version, fileName, sha256, mediaType, size, pages, uploadedBy, uploadedByName,
                    uploadedAt, status);
        }
    }

    private static final String DOCUMENT_COLUMNS = "id, unit_code, unit_name, title, classification, fiscal_year, tags,"
            + " retention_years, created_by, created_by_name, created_at, updated_by, updated_by_name, updated_at,"
            + " audience, text_version, text_parts";
    private static final String VERSION_COLUMNS = "queue_seq, document_id, version, file_name, sha256, media_type, size,"
            + " pages, uploaded_by, uploaded_by_name, uploaded_at, state, pages_done, pages_total, ocr_pages, failure,"
            + " reason, status_at, turns";

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    LibraryStore(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    /** The document's row, locked until the transaction ends. */
    Optional<DocumentRow> lock(Connection c, String id) throws SQLException {
        return document(c, "SELECT " + DOCUMENT_COLUMNS + " FROM library_document WHERE id = ? FOR UPDATE", id);
    }

    /** The document's row as committed, unlocked. */
    Optional<DocumentRow> find(Connection c, String id) throws SQLException {
        return document(c, "SELECT " + DOCUMENT_COLUMNS + " FROM library_document WHERE id = ?", id);
    }

    private Optional<DocumentRow> document(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(documentRow(rs)) : Optional.empty();
            }
        }
    }

    private DocumentRow documentRow(ResultSet rs) throws SQLException {
        return new DocumentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), readTags(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs, 11),
                rs.getString(12), rs.getString(13), instant(rs, 14), rs.getString(15), rs.getInt(16), rs.getInt(17));
    }

    /** The document as last published (its JSON), with its audience, if it exists. */
    Optional<Published> published(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data, audience FROM library_document WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Published(read(rs.getString(1)), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A document as published, and who may see it. */
    record Published(LibraryDocument document, String audience) {
    }

    /** The documents of a 課's library as published, newest 年度 first. */
    List<Published> inUnit(Connection c, String unitCode) throws SQLException {
        List<Published> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data, audience FROM library_document WHERE unit_code = ?"
                + " ORDER BY fiscal_year DESC, title, id")) {
            ps.setString(1, unitCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Published(read(rs.getString(1)), rs.getString(2)));
                }
            }
        }
        return found;
    }

    /** Stores a new document's row (not yet published: add its first version, then {@link #publish}). */
    void insert(Connection c, DocumentRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_document (" + DOCUMENT_COLUMNS
                + ", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')")) {
            ps.setString(1, row.id());
            ps.setString(2, row.unitCode());
            ps.setString(3, row.unitName());
            ps.setString(4, row.title());
            ps.setString(5, row.classification());
            ps.setInt(6, row.fiscalYear());
            ps.setString(7, write(row.tags()));
            ps.setInt(8, row.retentionYears());
            ps.setString(9, row.createdBy());
            ps.setString(10, row.createdByName());
            ps.setObject(11, timestamp(row.createdAt()));
            ps.setString(12, row.updatedBy());
            ps.setString(13, row.updatedByName());
            ps.setObject(14, timestamp(row.updatedAt()));
            ps.setString(15, row.audience());
            ps.setInt(16, row.textVersion());
            ps.setInt(17, row.textParts());
            ps.executeUpdate();
        }
    }

    /** Stores a document's changed metadata (and who changed it when). */
    void update(Connection c, DocumentRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE library_document SET unit_name = ?, title = ?,"
                + " classification = ?, fiscal_year = ?, tags = ?, retention_years = ?, updated_by = ?,"
                + " updated_by_name = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, row.unitName());
            ps.setString(2, row.title());
            ps.setString(3, row.classification());
            ps.setInt(4, row.fiscalYear());
            ps.setString(5, write(row.tags()));
            ps.setInt(6, row.retentionYears());
            ps.setString(7, row.updatedBy());
            ps.setString(8, row.updatedByName());
            ps.setObject(9, timestamp(row.updatedAt()));
            ps.setString(10, row.id());
            ps.executeUpdate();
        }
    }

    /** Every version of the document, oldest first. */
    List<VersionRow> versions(Connection c, String documentId) throws SQLException {
        List<VersionRow> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM library_version WHERE document_id = ? ORDER BY version")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(versionRow(rs));
                }
            }
        }
        return found;
    }

    /** One version, if it exists. */
    Optional<VersionRow> version(Connection c, String documentId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM library_version WHERE document_id = ? AND version = ?")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(versionRow(rs)) : Optional.empty();
            }
        }
    }

    private static VersionRow versionRow(ResultSet rs) throws SQLException {
        String failure = rs.getString(16);
        ExtractionStatus status = new ExtractionStatus(ExtractionState.valueOf(rs.getString(12)), rs.getInt(13),
                rs.getInt(14), rs.getInt(15), failure == null ? null : ExtractionFailure.valueOf(failure),
                rs.getString(17), instant(rs, 18));
        return new VersionRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs, 11),
                status, rs.getInt(19));
    }

    /** Adds a version; it joins the end of the extraction queue. */
    void insertVersion(Connection c, VersionRow v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_version (document_id, version, file_name,"
                + " sha256, media_type, size, pages, uploaded_by, uploaded_by_name, uploaded_at, state, pages_done,"
                + " pages_total, ocr_pages, failure, reason, status_at, turns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            ps.setString(1, v.documentId());
            ps.setInt(2, v.version());
            ps.setString(3, v.fileName());
            ps.setString(4, v.sha256());
            ps.setString(5, v.mediaType());
            ps.setLong(6, v.size());
            ps.setInt(7, v.pages());
            ps.setString(8, v.uploadedBy());
            ps.setString(9, v.uploadedByName());
            ps.setObject(10, timestamp(v.uploadedAt()));
            bindStatus(ps, 11, v.status());
            ps.executeUpdate();
        }
    }

    /** Stores a version's extraction status; {@code turnUsed} counts one more turn of the worker. */
    void updateStatus(Connection c, String documentId, int version, ExtractionStatus status, boolean turnUsed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE library_version SET state = ?, pages_done = ?,"
                + " pages_total = ?, ocr_pages = ?, failure = ?, reason = ?, status_at = ?, turns = turns + ?"
                + " WHERE document_id = ? AND version = ?")) {
            bindStatus(ps, 1, status);
            ps.setInt(8, turnUsed ? 1 : 0);
            ps.setString(9, documentId);
            ps.setInt(10, version);
            ps.executeUpdate();
        }
    }

    private static void bindStatus(PreparedStatement ps, int first, ExtractionStatus status) throws SQLException {
        ps.setString(first, status.state().name());
        ps.setInt(first + 1, status.pagesDone());
        ps.setInt(first + 2, status.pagesTotal());
        ps.setInt(first + 3, status.ocrPages());
        ps.setString(first + 4, status.failure() == null ? null : status.failure().name());
        ps.setString(first + 5, status.reason() == null ? null : clip(status.reason(), 1000));
        ps.setObject(first + 6, timestamp(status.updatedAt()));
    }

    /**
     * The next version to extract: waiting or begun, fewest turns used first, then in the order added; empty
     * when there is none.
     */
    Optional<VersionRow> nextInQueue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM library_version"
                + " WHERE state IN ('PENDING', 'EXTRACTING') ORDER BY turns, queue_seq LIMIT 1")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(versionRow(rs)) : Optional.empty();
            }
        }
    }

    /** Whether any version other than this one waits in the queue. */
    boolean othersWaiting(Connection c, long queueSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM library_version"
                + " WHERE state IN ('PENDING', 'EXTRACTING') AND queue_seq <> ? LIMIT 1")) {
            ps.setLong(1, queueSeq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Versions that failed only for want of OCR: (document id, version) pairs. */
    List<VersionRow> failedForWantOfOcr(Connection c) throws SQLException {
        List<VersionRow> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM library_version"
                + " WHERE state = 'FAILED' AND failure IN ('OCR_DISABLED', 'OCR_UNAVAILABLE') ORDER BY queue_seq")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(versionRow(rs));
                }
            }
        }
        return found;
    }

    /** The audiences of the documents that have a version with this file: who sees one may download it. */
    List<String> audiencesOfFile(Connection c, String sha256) throws SQLException {
        List<String> audiences = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.audience FROM library_version v JOIN library_document d"
                + " ON d.id = v.document_id WHERE v.sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    audiences.add(rs.getString(1));
                }
            }
        }
        return audiences;
    }

    /**
     * Rebuilds the document from its rows, stores it and puts it into the feed for its audience (someone who
     * drops out of it gets a removal, of the document and of its text); returns the feed seq. The caller holds
     * the document's lock.
     *
     * @param text republishes the current text's parts (when the audience changed)
     */
    long publish(Connection c, String id, OrganisationDirectory directory, PageStore text) throws SQLException {
        DocumentRow row = find(c, id).orElseThrow(() -> new IllegalStateException("no library document " + id));
        LibraryDocument document = build(row, versions(c, id));
        String audience = DocumentAudience.of(row.unitCode(), directory);
        String data = write(document);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE library_document SET data = ?, audience = ? WHERE id = ?")) {
            ps.setString(1, data);
            ps.setString(2, audience);
            ps.setString(3, id);
            ps.executeUpdate();
        }
        List<FeedEntry> entries = new ArrayList<>(2);
        String lost = lost(row.audience(), audience);
        if (!lost.isEmpty()) {
            entries.add(FeedEntry.removal(EntityTypes.DOCUMENT, id, lost));
        }
        entries.add(FeedEntry.upsert(EntityTypes.DOCUMENT, id, audience, data));
        long seq = feed.append(c, entries);
        if (!row.audience().isEmpty() && !row.audience().equals(audience) && row.textParts() > 0) {
            seq = text.publish(c, row, row.textVersion(), audience);
        }
        return seq;
    }

    /** The document as the feed carries it, from its rows. */
    static LibraryDocument build(DocumentRow row, List<VersionRow> versions) {
        return new LibraryDocument(row.id(), row.unitCode(), row.unitName(), row.title(), row.classification(),
                row.fiscalYear(), row.tags(), row.retentionYears(), versions.stream().map(VersionRow::toVersion).toList(),
                row.createdBy(), row.createdByName(), row.createdAt(), row.updatedBy(), row.updatedByName(),
                row.updatedAt());
    }

    /** The tokens of {@code before} that {@code after} no longer has. */
    static String lost(String before, String after) {
        if (before == null || before.isBlank()) {
            return "";
        }
        Set<String> gone = new LinkedHashSet<>(List.of(before.split(" ")));
        gone.removeAll(Set.of(after.split(" ")));
        return String.join(" ", gone);
    }

    private LibraryDocument read(String json) {
        try {
            return mapper.readValue(json, LibraryDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored library document could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private List<String> readTags(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a library record could not be written as JSON", e);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
