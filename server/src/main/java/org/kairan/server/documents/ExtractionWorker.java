package org.kairan.server.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the text of library versions on a thread of its own, one version at a time in the order they were
 * added: PDFBox reads each page's text layer; a page without one (or almost none) is drawn at 300 dpi,
 * straightened when it is crooked vertical text ({@link Deskew}) and OCR'd ({@link TesseractOcr}); a scanned image
 * is OCR'd frame by frame. An OCR'd page's words are kept with its text, placed on the page as a viewer draws it
 * ({@link RecognisedWords}), for the desktop to highlight what a search found. Pages are kept as they are read and
 * the status is published about once a second (「OCR 12/40」), so a restart goes on after the last page kept.
 * A file that cannot be read fails with its reason and the next one is taken: nothing stops the queue. A
 * version that has worked for its turn ({@link DocumentSettings#slice()}) while others wait goes behind them
 * and goes on later. Each page waits for a quiet moment in the {@link Foreground} (at most
 * {@link QueueThread#AT_MOST_DEFERRED}), so people using the server are answered first.
 */
final class ExtractionWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionWorker.class);
    /** Progress is kept and published at most this often (and after every OCR'd page). */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** Text kept in memory before it is written, whatever the time. */
    private static final long BUFFERED_CHARS = 2_000_000;

    private final Database database;
    private final LibraryStore store;
    private final PageStore pages;
    private final FileStore files;
    private final DirectoryCache directory;
    private final DocumentSettings settings;
    private final PageReader reader;
    private final Clock clock;
    private final QueueThread queue;

    ExtractionWorker(Database database, LibraryStore store, PageStore pages, FileStore files, DirectoryCache directory,
            DocumentSettings settings, Path scratch, Foreground foreground, Clock clock) {
        this.database = database;
        this.store = store;
        this.pages = pages;
        this.files = files;
        this.directory = directory;
        this.settings = settings;
        this.queue = new QueueThread("kairan-documents-extraction", foreground, this::extractNextGuarded);
        this.reader = new PageReader(settings, scratch, queue::closing);
        this.clock = clock;
    }

    /** Starts the thread; versions waiting from before (a restart) are taken first, in their order. */
    void start() {
        queue.start();
    }

    /** Something was added to the queue (call after its commit). */
    void wake() {
        queue.wake();
    }

    /** One step of the worker's thread: the next version in the queue; false when there was none. */
    private boolean extractNextGuarded() {
        Optional<LibraryStore.VersionRow> next;
        try {
            next = database.inTransaction(store::nextInQueue);
        } catch (RuntimeException e) {
            LOG.warn("the extraction queue cannot be read: {}", e.toString());
            return false;
        }
        next.ifPresent(this::extractGuarded);
        return next.isPresent();
    }

    /** Extracts one version; whatever goes wrong fails that version only. */
    private void extractGuarded(LibraryStore.VersionRow job) {
        try {
            extract(job);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.error("the text of {} version {} could not be extracted", job.documentId(), job.version(), e);
            try {
                finishWhole(job, job.pages(), new ExtractionProblem(ExtractionFailure.CORRUPT, "文字を取り出す途中で"
                        + "予期しないエラーが起きました (unexpected error: " + e + ")"));
            } catch (RuntimeException again) {
                LOG.error("and its failure could not be recorded ({}); trying again shortly", again.toString());
                QueueThread.pause(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * Extracts the next version now, on the calling thread, to its end or the end of its turn (benchmarks,
     * tests); returns whether there was one.
     */
    boolean extractNext() {
        Optional<LibraryStore.VersionRow> next = database.inTransaction(store::nextInQueue);
        next.ifPresent(this::extractGuarded);
        return next.isPresent();
    }

    private void extract(LibraryStore.VersionRow job) {
        String id = job.documentId();
        int version = job.version();
        Path file = files.path(job.sha256());
        long turnEnds = System.nanoTime() + settings.slice().toNanos();
        boolean finished = false;
        try (PageSource source = Pages.open(file, job.mediaType(), settings.maxPages())) {
            int total = source.pageCount();
            Set<Integer> kept = database.inTransaction(c -> pages.kept(c, id, version));
            Progress progress = new Progress(job, total);
            progress.begin(kept.size());
            for (int page = 1; page <= total; page++) {
                if (kept.contains(page)) {
                    continue;
                }
                if (queue.closing()) {
                    progress.keep(false, false);
                    return;
                }
                queue.awaitQuiet();
                PageStore.PageResult result = reader.read(source, page, progress::noted);
                if (result == null) {
                    progress.keep(false, false); // stopping: this page is read again at the next start
                    return;
                }
                progress.add(result);
                if ((result.ocr() || progress.due()) && page < total) {
                    progress.keep(true, false);
                }
                if (System.nanoTime() - turnEnds > 0 && page < total && othersWaiting(job)) {
                    progress.keep(true, true);
                    LOG.info("{} version {}: turn used at page {} of {}, others go first", id, version, page, total);
                    return;
                }
            }
            progress.finish();
            finished = true;
        } catch (ExtractionProblem problem) {
            finishWhole(job, job.pages(), problem);
        } catch (IOException e) {
            if (finished) {
                LOG.debug("{} version {}: closing the file failed: {}", id, version, e.toString());
                return;
            }
            finishWhole(job, job.pages(), new ExtractionProblem(ExtractionFailure.CORRUPT, "ファイルを読めません"
                    + " (the stored file cannot be read: " + e.getMessage() + ")"));
        }
    }

    private boolean othersWaiting(LibraryStore.VersionRow job) {
        return database.inTransaction(c -> store.othersWaiting(c, job.queueSeq()));
    }

    /** The pages read of one version not yet kept, and when progress was last kept. */
    private final class Progress {
        private final LibraryStore.VersionRow job;
        private final int total;
        private final List<PageStore.PageResult> buffered = new ArrayList<>();
        private final Map<ExtractionFailure, String> details = new EnumMap<>(ExtractionFailure.class);
        private long bufferedChars;
        private long lastKept = System.nanoTime();

        Progress(LibraryStore.VersionRow job, int total) {
            this.job = job;
            this.total = total;
        }

        /** Marks the version as being extracted (kept, published with the next progress). */
        void begin(int alreadyKept) {
            database.inTransaction(c -> {
                store.updateStatus(c, job.documentId(), job.version(), new ExtractionStatus(ExtractionState.EXTRACTING,
                        alreadyKept, total, job.status().ocrPages(), null, null, clock.instant()), false);
                return null;
            });
        }

        void add(PageStore.PageResult result) {
            buffered.add(result);
            bufferedChars += result.text().length();
        }

        void noted(ExtractionProblem problem) {
            details.putIfAbsent(problem.failure(), problem.reason());
        }

        boolean due() {
            return bufferedChars > BUFFERED_CHARS || System.nanoTime() - lastKept >= PROGRESS_EVERY.toNanos();
        }

        /** Keeps the pages read and the status; publishes the document when asked. */
        void keep(boolean publish, boolean turnUsed) {
            database.inTransaction(c -> {
                store.lock(c, job.documentId());
                pages.insert(c, job.documentId(), job.version(), buffered, clock.instant());
                PageStore.Summary summary = pages.summary(c, job.documentId(), job.version());
                store.updateStatus(c, job.documentId(), job.version(), new ExtractionStatus(ExtractionState.EXTRACTING,
                        processed(summary), total, summary.ocrPages(), null, null, clock.instant()), turnUsed);
                if (publish) {
                    store.publish(c, job.documentId(), directory.directory(c), pages);
                }
                return null;
            });
            buffered.clear();
            bufferedChars = 0;
            lastKept = System.nanoTime();
        }

        /** Keeps the last pages, decides EXTRACTED or FAILED, publishes the document and (if current) its text. */
        void finish() {
            ExtractionStatus status = database.inTransaction(c -> {
                Optional<LibraryStore.DocumentRow> row = store.lock(c, job.documentId());
                pages.insert(c, job.documentId(), job.version(), buffered, clock.instant());
                PageStore.Summary summary = pages.summary(c, job.documentId(), job.version());
                ExtractionStatus done = summary.problems().isEmpty()
                        ? new ExtractionStatus(ExtractionState.EXTRACTED, processed(summary), total, summary.ocrPages(),
                                null, null, clock.instant())
                        : FailureReasons.partial(summary, processed(summary), total, details, clock.instant(), settings);
                store.updateStatus(c, job.documentId(), job.version(), done, false);
                publishAll(c, row.orElseThrow(), job.version());
                return done;
            });
            buffered.clear();
            LOG.info("{} version {}: {} ({} pages, {} OCR'd){}", job.documentId(), job.version(), status.state(),
                    status.pagesTotal(), status.ocrPages(), status.reason() == null ? "" : ": " + status.reason());
        }

        private int processed(PageStore.Summary summary) {
            return summary.pagesDone() + summary.problems().values().stream().mapToInt(Set::size).sum();
        }
    }

    /** A version that could not be read at all: FAILED with the reason, no text. */
    private void finishWhole(LibraryStore.VersionRow job, int pagesTotal, ExtractionProblem problem) {
        database.inTransaction(c -> {
            Optional<LibraryStore.DocumentRow> row = store.lock(c, job.documentId());
            if (row.isEmpty()) {
                return null;
            }
            store.updateStatus(c, job.documentId(), job.version(), new ExtractionStatus(ExtractionState.FAILED, 0,
                    pagesTotal, 0, problem.failure(), problem.reason(), clock.instant()), false);
            publishAll(c, row.get(), job.version());
            return null;
        });
        LOG.info("{} version {}: FAILED ({}): {}", job.documentId(), job.version(), problem.failure(), problem.reason());
    }

    /** Publishes the document, and the version's text when it is the current (newest) version. */
    private void publishAll(Connection c, LibraryStore.DocumentRow row, int version) throws SQLException {
        store.publish(c, row.id(), directory.directory(c), pages);
        int newest = store.versions(c, row.id()).getLast().version();
        if (version == newest) {
            LibraryStore.DocumentRow now = store.find(c, row.id()).orElseThrow();
            pages.publish(c, now, version, now.audience());
        }
    }

    /**
     * Puts back in the queue the versions that failed only for want of OCR (switched off, or Tesseract not
     * installed then): their pages without text are tried again. Returns how many.
     */
    int retryWantingOcr() {
        if (!settings.ocr()) {
            return 0;
        }
        List<LibraryStore.VersionRow> failed = database.inTransaction(store::failedForWantOfOcr);
        for (LibraryStore.VersionRow v : failed) {
            database.inTransaction(c -> {
                store.lock(c, v.documentId());
                pages.forgetPagesWanting(c, v.documentId(), v.version());
                PageStore.Summary summary = pages.summary(c, v.documentId(), v.version());
                store.updateStatus(c, v.documentId(), v.version(), new ExtractionStatus(ExtractionState.PENDING,
                        summary.pagesDone(), v.status().pagesTotal(), summary.ocrPages(), null, null, clock.instant()),
                        false);
                store.publish(c, v.documentId(), directory.directory(c), pages);
                return null;
            });
        }
        return failed.size();
    }

    /** Stops after the page in progress (an OCR running is stopped); what was read is kept. */
    @Override
    public void close() {
        queue.close();
        if (queue.stillRunning()) {
            LOG.warn("the extraction worker did not stop within 30 s");
        }
    }
}
