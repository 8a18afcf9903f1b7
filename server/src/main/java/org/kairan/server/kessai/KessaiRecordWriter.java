package org.kairan.server.kessai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.RecordFile;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.record.PdfOfRecord;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.record.RecordSigner;
import org.kairan.server.record.RecordSigningKey;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the signed PDF of record of each decided 案件, one at a time on a thread of its own (a record with
 * large attachments takes a while, and no approver waits for it): the 鑑 and attachments are written and
 * signed outside any transaction, then kept by hash and published with the 案件 in one. A record that
 * failed (an unreadable file, a full disk) is tried again at the next start and every hour, and the
 * failure is in the audit log; nothing is half-made. Each record waits for a quiet moment in the
 * {@link Foreground} (at most {@link #AT_MOST_DEFERRED}), so people approving are answered first.
 */
public final class KessaiRecordWriter implements DecisionListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KessaiRecordWriter.class);
    /** No command for this long is a quiet moment. */
    static final Duration QUIET = Duration.ofMillis(150);
    /** A record waits for a quiet moment no longer than this. */
    static final Duration AT_MOST_DEFERRED = Duration.ofSeconds(20);

    private final Database database;
    private final KessaiStore store;
    private final FileStore files;
    private final DirectoryCache directory;
    private final RecordSheets sheets;
    private final RecordSettings settings;
    private final Path dataDir;
    private final ZoneId zone;
    private final AuditLog audit;
    private final Clock clock;
    private final Foreground foreground;
    private PdfOfRecord pdf;
    private RecordSigner signer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kairan-kessai-records");
        thread.setDaemon(true);
        return thread;
    });

    KessaiRecordWriter(Database database, KessaiStore store, FileStore files, DirectoryCache directory,
            RecordSheets sheets, RecordSettings settings, Path dataDir, ZoneId zone, AuditLog audit, Clock clock,
            Foreground foreground) {
        this.database = database;
        this.store = store;
        this.files = files;
        this.directory = directory;
        this.sheets = sheets;
        this.settings = settings;
        this.dataDir = dataDir;
        this.zone = zone;
        this.audit = audit;
        this.clock = clock;
        this.foreground = foreground;
    }

    @Override
    public void decided(String kessaiId) {
        if (!worker.isShutdown()) {
            worker.execute(() -> {
                try {
                    foreground.awaitQuiet(QUIET, AT_MOST_DEFERRED);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing: the next start catches up
                }
                make(kessaiId);
            });
        }
    }

    /** Queues every decided 案件 without a record (after a crash or a failure). */
    void catchUp() {
        database.inTransaction(c -> store.inStatus(c, KessaiStatus.DECIDED)).stream()
                .filter(s -> s.kessai().record() == null).forEach(s -> decided(s.kessai().id()));
    }

    /** Makes the record now, on the calling thread; returns whether there is one afterwards. */
    boolean make(String kessaiId) {
        Optional<Kessai> decided = database.inTransaction(c -> store.find(c, kessaiId)).map(KessaiStore.Stored::kessai)
                .filter(k -> k.status() == KessaiStatus.DECIDED);
        if (decided.isEmpty()) {
            return false;
        }
        if (decided.get().record() != null) {
            return true;
        }
        Path unsigned = null;
        Path signed = null;
        try {
            prepare();
            unsigned = files.scratchFile("record-");
            signed = files.scratchFile("signed-");
            org.kairan.server.record.RecordFile written = pdf.write(sheets.of(decided.get()), unsigned);
            org.kairan.server.record.RecordFile sealed = signer.sign(written, signed);
            Path made = signed;
            database.inTransaction(c -> {
                Optional<KessaiStore.Stored> locked = store.lock(c, kessaiId);
                if (locked.isEmpty() || locked.get().kessai().record() != null) {
                    return null;
                }
                StoredFile kept;
                try {
                    kept = files.putOwn(c, made, sealed.sha256(), "application/pdf", sealed.pages(), "server");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Kessai withRecord = locked.get().kessai().withRecord(new RecordFile(kept.sha256(), kept.size(),
                        kept.pages(), clock.instant()));
                store.save(c, withRecord, locked.get(), directory.directory(c), clock.instant());
                audit.append(c, AuditActor.system("決裁記録"), "決裁記録の作成", AuditLog.SUCCESS, "「" + withRecord.title()
                        + "」（" + withRecord.documentNumber() + "）の記録PDF " + kept.pages() + "ページ、SHA-256 "
                        + kept.sha256() + "、" + sealed.conformance());
                return null;
            });
            LOG.info("PDF of record of {} made: {} pages, {}", kessaiId, sealed.pages(), sealed.sha256());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("the PDF of record of {} could not be made: {}", kessaiId, e.toString());
            try {
                database.inTransaction(c -> audit.append(c, AuditActor.system("決裁記録"), "決裁記録の作成", AuditLog.FAILURE,
                        "「" + decided.get().title() + "」の記録PDFを作成できませんでした: " + e.getMessage()));
            } catch (RuntimeException logged) {
                e.addSuppressed(logged);
            }
            return false;
        } finally {
            deleteQuietly(unsigned);
            deleteQuietly(signed);
        }
    }

    /**
     * The writer and the signer, made at first use: the fonts and the signing key are looked for (and the
     * key made) then, so a server without IPA fonts still starts and says, per record, what is missing.
     */
    private synchronized void prepare() throws IOException {
        if (pdf == null) {
            pdf = new PdfOfRecord(settings.fonts(), zone, clock);
            signer = new RecordSigner(RecordSigningKey.forServer(settings, dataDir, clock), clock);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("scratch file {} stays: {}", file, e.toString());
            }
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
