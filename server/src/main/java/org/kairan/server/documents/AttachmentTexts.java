package org.kairan.server.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.TextPage;
import org.kairan.server.files.FileStore;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of the PDFs attached to 決裁, read on a thread of its own as the library reads its files
 * ({@link Pages}, {@link PageReader}): each file once (files are kept by content), page by page, each page
 * after a quiet moment in the {@link Foreground}; a scanned page without a text layer is OCR'd, so a scanned
 * 見積書 is found by what it says.
 * A file that cannot be read (damaged, password-protected, too many pages) fails once with its reason and is never
 * taken again; the next file is taken. Whoever publishes the text is told of each file read.
 */
public final class AttachmentTexts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentTexts.class);

    private final Database database;
    private final FileStore files;
    private final DocumentSettings settings;
    private final Path scratch;
    private final PageReader reader;
    private final Clock clock;
    private final Consumer<String> read;
    private final AttachmentTextStore store = new AttachmentTextStore();
    private final QueueThread queue;

    /**
     * @param settings how files are read: most pages, OCR on or off, Tesseract's languages and timeout
     *                 [kairan.documents.*]
     * @param scratch  a directory of its own for page images on their way to OCR
     * @param read     told (outside any transaction) the hash of each file whose text was just kept
     */
    public AttachmentTexts(Database database, FileStore files, DocumentSettings settings, Path scratch,
            Foreground foreground, Clock clock, Consumer<String> read) {
        this.database = database;
        this.files = files;
        this.settings = settings;
        this.scratch = scratch;
        this.clock = clock;
        this.read = read;
        this.queue = new QueueThread("kairan-kessai-attachment-text", foreground, this::readNext);
        this.reader = new PageReader(settings, scratch, queue::closing);
    }

    /** Puts the file in the queue (once per file); the reader is woken after the commit. */
    public void queue(Connection c, String sha256, String mediaType) throws SQLException {
        if (store.queue(c, sha256, mediaType, clock.instant())) {
            database.afterCommit(queue::wake);
        }
    }

    /** The file's text as parts of consecutive pages for the feed; none until it was read, or when it failed. */
    public List<List<TextPage>> parts(Connection c, String sha256) throws SQLException {
        return PageStore.split(store.pages(c, sha256));
    }

    /** The state of the file's text ({@code PENDING}, {@code EXTRACTED}, {@code FAILED}), empty when not queued. */
    public Optional<String> state(Connection c, String sha256) throws SQLException {
        return store.state(c, sha256);
    }

    /** Starts the reader; files waiting from before a restart are read first. */
    public void start() {
        PageReader.removeLeftovers(scratch);
        queue.start();
    }

    /**
     * One step on the calling thread (tests): publishes the text of a file kept but not yet published (the server
     * stopped in between), else reads the next file in the queue and publishes its text; returns whether there was
     * anything to do.
     */
    public boolean readNext() {
        Optional<String> owed;
        Optional<AttachmentTextStore.Waiting> next;
        try {
            owed = database.inTransaction(store::nextUnpublished);
            next = owed.isPresent() ? Optional.empty() : database.inTransaction(store::next);
        } catch (RuntimeException e) {
            LOG.warn("the attachment text queue cannot be read: {}", e.toString());
            return false;
        }
        if (owed.isPresent()) {
            publish(owed.get());
            return true;
        }
        if (next.isEmpty()) {
            return false;
        }
        if (readGuarded(next.get())) {
            publish(next.get().sha256());
        }
        return true;
    }

    /** Puts the kept text into the feed, then notes it; a failure leaves it owed, tried again after a pause. */
    private void publish(String sha256) {
        try {
            read.accept(sha256);
            database.inTransaction(c -> {
                store.published(c, sha256);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("the text of {} could not be published: {}; tried again shortly", sha256, e.toString());
            QueueThread.pause(Duration.ofSeconds(5));
        }
    }

    /** Reads one file; whatever goes wrong fails that file only. Returns whether text was kept. */
    private boolean readGuarded(AttachmentTextStore.Waiting file) {
        try {
            return readFile(file);
        } catch (ExtractionProblem problem) {
            fail(file, problem.failure(), problem.reason());
        } catch (IOException e) {
            fail(file, ExtractionFailure.CORRUPT, "ファイルを読めません (the stored file cannot be read: " + e.getMessage() + ")");
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.error("the text of attachment {} could not be read", file.sha256(), e);
            fail(file, ExtractionFailure.CORRUPT, "文字を取り出す途中で予期しないエラーが起きました (unexpected error: " + e + ")");
        }
        return false;
    }

    private boolean readFile(AttachmentTextStore.Waiting file) throws ExtractionProblem, IOException {
        List<PageStore.PageResult> pages = new ArrayList<>();
        try (PageSource source = Pages.open(files.path(file.sha256()), file.mediaType(), settings.maxPages())) {
            for (int page = 1; page <= source.pageCount(); page++) {
                PageStore.PageResult result = queue.closing() || !queue.awaitQuiet() ? null
                        : reader.read(source, page, problem -> { }); // each page keeps its own reason
                if (result == null) {
                    return false; // read again at the next start
                }
                pages.add(result);
            }
        }
        database.inTransaction(c -> {
            store.extracted(c, file.sha256(), pages, clock.instant());
            return null;
        });
        LOG.info("attachment {}: text of {} pages kept ({} OCR'd)", file.sha256(), pages.size(),
                pages.stream().filter(PageStore.PageResult::ocr).count());
        return true;
    }

    private void fail(AttachmentTextStore.Waiting file, ExtractionFailure failure, String reason) {
        try {
            database.inTransaction(c -> {
                store.failed(c, file.sha256(), failure, reason, clock.instant());
                return null;
            });
            LOG.info("attachment {}: no text ({}): {}", file.sha256(), failure, reason);
        } catch (RuntimeException e) {
            LOG.error("the failure of attachment {} could not be recorded ({}); it is tried again later", file.sha256(),
                    e.toString());
            QueueThread.pause(Duration.ofSeconds(5));
        }
    }

    /** Stops after the page in progress; a file half read is read again at the next start. */
    @Override
    public void close() {
        queue.close();
    }
}
