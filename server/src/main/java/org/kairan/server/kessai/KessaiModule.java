package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.documents.AttachmentTexts;
import org.kairan.server.documents.DocumentSettings;
import org.kairan.server.files.FileStore;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.FeedEntry;
import org.kairan.server.sync.Foreground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 電子決裁 part of the server, put together: its commands, the settings every desktop receives
 * through the feed, the PDF of record of each decision, and the hourly refresh of 代決者 (a 不在 that
 * starts today).
 */
public final class KessaiModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KessaiModule.class);

    private final Database database;
    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final DirectoryCache directory;
    private final Clock clock;
    private final KessaiParts parts;
    private final SaveKessaiDraftCommand drafts;
    private final KessaiRecordWriter recordWriter;
    private final AttachmentTexts attachmentTexts;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kairan-kessai-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param records the PDF of record's settings (fonts, signing key)
     * @param dataDir where the generated signing key is kept
     * @param documents how attached files are read (most pages, OCR) [kairan.documents.*]
     * @param ocrScratch a directory of its own for page images on their way to OCR
     */
    public KessaiModule(Database database, ChangeFeed feed, ObjectMapper mapper, DirectoryCache directory,
            FileStore files, KessaiSettings settings, RecordSettings records, Path dataDir, AuditLog audit, ZoneId zone,
            Clock clock, Foreground foreground, DocumentSettings documents, Path ocrScratch) {
        this.database = database;
        this.feed = feed;
        this.mapper = mapper;
        this.directory = directory;
        this.clock = clock;
        this.attachmentTexts = new AttachmentTexts(database, files, documents, ocrScratch, foreground, clock,
                this::attachmentRead);
        KessaiStore store = new KessaiStore(feed, mapper, new KessaiTexts(attachmentTexts, mapper));
        this.recordWriter = new KessaiRecordWriter(database, store, files, directory, new RecordSheets(settings, files),
                records, dataDir, zone, audit, clock, foreground);
        AbsenceStore absences = new AbsenceStore(feed, mapper);
        this.parts = new KessaiParts(store, settings, CommandChain.standard(), new DocumentNumbers(settings.numberFormat()),
                absences, new StandIns(absences, settings.substitutes()), files, new CommandPayload(mapper), recordWriter,
                zone);
        this.drafts = new SaveKessaiDraftCommand(parts);
    }

    /**
     * Starts the background work: records of decided 案件 that have none (after a crash or a failure), and
     * every hour the 代決者 of the day and another try at failed records.
     */
    public void start() {
        attachmentTexts.start();
        recordWriter.catchUp();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int changed = refreshStandIns();
                if (changed > 0) {
                    LOG.info("代決者 of {} 案件 brought up to date", changed);
                }
                recordWriter.catchUp();
            } catch (RuntimeException e) {
                LOG.warn("the hourly 決裁 upkeep failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    /** Makes the PDF of record of a decided 案件 now, on the calling thread (tests, benchmarks). */
    public boolean makeRecord(String kessaiId) {
        return recordWriter.make(kessaiId);
    }

    /**
     * Reads the text of the next attached PDF in the queue now, on the calling thread, and publishes it (tests,
     * a server that was not started); returns whether there was one.
     */
    public boolean readNextAttachment() {
        return attachmentTexts.readNext();
    }

    /** The text of an attached PDF was read: it goes to those who see the 案件 that have it. */
    private void attachmentRead(String sha256) {
        parts.store().publishText(database, sha256);
    }

    @Override
    public void close() {
        attachmentTexts.close();
        scheduler.shutdownNow();
        recordWriter.close();
    }

    public KessaiStore store() {
        return parts.store();
    }

    public KessaiSettings settings() {
        return parts.settings();
    }

    /** The sync commands of 電子決裁 and 不在. */
    public List<CommandHandler> commands() {
        return List.of(drafts, new ActOnKessaiCommand(parts, database),
                new AttachToKessaiCommand(parts), new SetAbsenceCommand(parts));
    }

    /**
     * Makes a new 起案 (起案中) of the command's user, on the command's transaction, with files the server made
     * itself and kept in the file store (the 議事録 PDF): the route the rules give. The 起案 is then the drafter's
     * like any other, to check and submit.
     */
    public CommandVerdict draftWith(Connection c, CommandContext context, KessaiDraft draft,
            List<org.kairan.core.kessai.Attachment> files) throws SQLException {
        return drafts.newDraftWith(c, context, draft, files);
    }

    /** Puts the settings into the feed when they differ from the last ones published (at every start). */
    public boolean publishSettings(Connection c) throws SQLException {
        String data;
        try {
            data = mapper.writeValueAsString(parts.settings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the 決裁 settings could not be written as JSON", e);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM change_feed WHERE entity_type = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, EntityTypes.KESSAI_SETTINGS);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && data.equals(rs.getString(1))) {
                    return false;
                }
            }
        }
        feed.append(c, FeedEntry.upsert(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, Audience.ALL, data));
        return true;
    }

    /**
     * Brings the 代決者 of every 案件 on its route up to date for today (a 不在 set in advance starts, one
     * ends); returns how many changed.
     */
    public int refreshStandIns() {
        List<String> inRoute = database.inTransaction(c -> parts.store().inStatus(c, KessaiStatus.IN_ROUTE)).stream()
                .map(s -> s.kessai().id()).toList();
        int changed = 0;
        for (String id : inRoute) {
            // one short transaction per 案件: its row, then the feed — never a second row while holding the feed
            boolean updated = database.inTransaction(c -> parts.refreshStandIns(c, id, directory.directory(c),
                    LocalDate.ofInstant(clock.instant(), parts.zone()), clock.instant()));
            if (updated) {
                changed++;
            }
        }
        return changed;
    }
}
