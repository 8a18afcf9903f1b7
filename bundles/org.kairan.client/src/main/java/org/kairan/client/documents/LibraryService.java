package org.kairan.client.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.organisation.OrgUnit;

/**
 * The 課 document libraries (文書庫) for the logged-in user, as the desktop's 文書庫 screen uses them. Registered
 * as an OSGi service.
 * <p>
 * Reads come from the local replica and work offline. Adding a file copies it into the user's outbox at once
 * (refusing an empty file and one over the city's limit before anything is sent, {@link
 * org.kairan.client.sync.FileNotAcceptedException} naming it) and queues {@code document.add} (or
 * {@code document.add-version}) naming it; the sync engine uploads it with {@code purpose=library} before the
 * command, when the network is there. A file the server refuses (not a PDF or scanned image, …) settles the
 * action REJECTED with the server's reason and no document is made: the line shows 失敗 with that reason until
 * the user dismisses the action ({@link org.kairan.client.sync.SyncService#dismiss}). Lines change as sync
 * brings the extraction's progress ({@link org.kairan.client.sync.SyncTopics#REPLICA_CHANGED} for
 * {@code document}, {@link org.kairan.client.sync.SyncTopics#ACTION} for the user's actions).
 * <p>
 * {@link #open} may use the network: call it from a Job.
 */
public interface LibraryService {

    /**
     * The 課 whose libraries the user may see: their own 課 first (本務, then 兼務), then the 課 under the units
     * they manage and those whose documents the replica holds, by 組織コード. Empty when nobody is logged in.
     */
    List<OrgUnit> units();

    /** The 課 the user may add documents to (those of their posts). */
    List<OrgUnit> ownUnits();

    /**
     * The lines of a 課's library ({@code null}: of every 課), newest 年度 first, then newest change first; the
     * user's unsent and refused additions first of all.
     */
    List<LibraryEntry> entries(String unitCode);

    /** A document as the replica has it. */
    Optional<LibraryDocument> find(String documentId);

    /** The line of one document (replica or outbox). */
    Optional<LibraryEntry> entry(String documentId);

    /** The city's 文書分類 as synced ({@code kessai-settings}), in their order; empty before the first sync. */
    List<DocumentClass> classifications();

    /** The largest file the city takes (its 決裁 settings' limit). */
    long maxFileBytes();

    /**
     * Copies {@code file} into the outbox and queues it as a new document of the 課's library: 表題 the file's name
     * without its extension, 年度 today's (in the office's zone), 文書分類 the one last used in this 課's library
     * (else the city's first), 保存年限 the 文書分類's. The user edits them afterwards ({@link #edit}).
     *
     * @throws org.kairan.client.sync.FileNotAcceptedException empty, or larger than the city allows (the message
     *         names the file)
     * @throws IOException the file cannot be read
     * @throws IllegalStateException nobody is logged in, the 課 is not one of the user's, or the city's 文書分類 have
     *         not been synced yet (the message says so in Japanese)
     */
    QueuedAction add(String unitCode, Path file) throws IOException;

    /**
     * Copies {@code file} into the outbox and queues it as the document's next version.
     *
     * @throws org.kairan.client.sync.FileNotAcceptedException empty, or larger than the city allows
     * @throws IOException the file cannot be read
     * @throws IllegalArgumentException the document is unknown here
     */
    QueuedAction addVersion(String documentId, Path file) throws IOException;

    /**
     * Queues the metadata as the user left it (every field). A 文書分類 not in the city's list, a 年度 or 保存年限
     * out of range, an empty 表題 are refused here with the reason in Japanese.
     *
     * @throws IllegalArgumentException the edit can never be right
     */
    QueuedAction edit(EditDocument edit);

    /** A local copy of the document's current version: see {@link #open(String, int)}. */
    Path open(String documentId) throws FileUnavailableException;

    /**
     * A local copy of a version's file to show: from the cache when opened before (offline too), a copy of the
     * user's own file still in the outbox, else downloaded ({@code GET /api/files/{sha256}}) and checked against
     * the hash.
     *
     * @throws FileUnavailableException offline and not cached, not given to this user, damaged in transit, or no
     *         such document or version here
     */
    Path open(String documentId, int versionNumber) throws FileUnavailableException;

    /**
     * Where the server's OCR found the words of a version's scanned pages, for highlighting a search's words on
     * them ({@code GET /api/documents/{id}/versions/{n}/words}); kept beside the cached file once the extraction
     * has finished, so it holds offline. Empty for a version without OCR'd pages, and offline before they were
     * fetched once (the scan then shows without highlights).
     */
    List<PageWords> scannedWords(String documentId, int versionNumber);

    /** The 年度 a day falls in (April to March), e.g. 2026 for 2027-03-31. */
    static int fiscalYearOf(java.time.LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
