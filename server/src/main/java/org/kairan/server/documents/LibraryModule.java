package org.kairan.server.documents;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.kairan.core.kessai.KessaiSettings;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileCheck;
import org.kairan.server.files.FileStore;
import org.kairan.server.files.LibraryFileCheck;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.record.AttachmentCheck;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The document library (文書庫) of each 課, put together: its commands (through the sync command route, so they
 * are exactly-once and work from a desktop's offline queue), the upload check for its files, the reads of the
 * HTTP API, and the worker that extracts the text of every version in the background.
 */
public final class LibraryModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryModule.class);

    private final LibraryParts parts;
    private final LibraryRecords records;
    private final LibraryFileCheck fileCheck;
    private final ExtractionWorker worker;
    private final Path scratch;

    /**
     * @param classes     the city's 決裁 settings, for their 文書分類 and 保存年限
     * @param attachments the 決裁 attachment check, to mark kept files no 起案 may name
     * @param scratch     a directory for page images on their way to OCR
     */
    public LibraryModule(Database database, ChangeFeed feed, ObjectMapper mapper, DirectoryCache directory,
            SessionUsers users, FileStore files, KessaiSettings classes, DocumentSettings settings,
            AttachmentCheck attachments, Path scratch, Foreground foreground, Clock clock) {
        LibraryStore store = new LibraryStore(feed, mapper);
        PageStore pages = new PageStore(feed, mapper);
        this.scratch = scratch;
        this.worker = new ExtractionWorker(database, store, pages, files, directory, settings, scratch, foreground, clock);
        this.parts = new LibraryParts(store, pages, classes, files, new CommandPayload(mapper), database, worker);
        this.records = new LibraryRecords(database, store, pages, directory, users);
        this.fileCheck = new LibraryFileCheck(attachments, OfficePages::countAtUpload);
    }

    /** The sync commands of the library. */
    public List<CommandHandler> commands() {
        return List.of(new AddDocumentCommand(parts), new AddDocumentVersionCommand(parts), new EditDocumentCommand(parts));
    }

    /** The check of uploads meant for a library ({@code PUT /api/files?purpose=library}). */
    public FileCheck fileCheck() {
        return fileCheck;
    }

    public LibraryRecords records() {
        return records;
    }

    /**
     * Starts the extraction worker: versions waiting from before a restart first (an extraction that was under
     * way goes on after its last kept page), and versions that failed only for want of OCR are tried again when
     * OCR is on.
     */
    public void start() {
        PageReader.removeLeftovers(scratch);
        int retried = worker.retryWantingOcr();
        if (retried > 0) {
            LOG.info("{} library versions that failed for want of OCR are extracted again", retried);
        }
        worker.start();
    }

    /**
     * Extracts the next version in the queue on the calling thread, to its end or the end of its turn; returns
     * whether there was one (benchmarks; a server that was not started).
     */
    public boolean extractNext() {
        return worker.extractNext();
    }

    @Override
    public void close() {
        worker.close();
    }
}
