package org.kairan.server.minutes;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;

import org.kairan.core.minutes.MinutesRecord;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiModule;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 議事録 on the server: kept per 課 and published through the change feed to those who may see them, saved by
 * {@code minutes.save} on a base version, sent for 決裁 by {@code minutes.send} (a 起案 with the printed PDF), and
 * read outside the feed as .docx or PDF, and played from the recording they were transcribed from
 * ({@link MinutesRecords}).
 */
public final class MinutesModule {

    private final MinutesStore store;
    private final CommandPayload payloads;
    private final KessaiModule kessai;
    private final FileStore files;
    private final MinutesPrinter printer;
    private final ZoneId zone;
    private final MinutesRecords records;

    private final TranscriptionStore transcriptions;

    /**
     * @param recordings the directory of the speech-to-text jobs' recordings ({@code DATA/minutes}), which minutes
     *                   made from a job are played from
     */
    public MinutesModule(Database database, ChangeFeed feed, ObjectMapper mapper, DirectoryCache directory,
            SessionUsers users, KessaiModule kessai, FileStore files, RecordSettings recordSettings, ZoneId zone,
            Path recordings) {
        this.store = new MinutesStore(feed, mapper);
        this.transcriptions = new TranscriptionStore(mapper);
        this.payloads = new CommandPayload(mapper);
        this.kessai = kessai;
        this.files = files;
        this.printer = new MinutesPrinter(recordSettings);
        this.zone = zone;
        this.records = new MinutesRecords(database, store, directory, users, printer, recordings);
    }

    public List<CommandHandler> commands() {
        return List.of(new SaveMinutesCommand(store, transcriptions, payloads),
                new SendMinutesCommand(store, payloads, kessai, files, printer, zone));
    }

    public MinutesRecords records() {
        return records;
    }

    /** Which minutes play a speech-to-text job's recording: such a job is not deleted. */
    public RecordingUse recordingUse() {
        return store::playing;
    }

    /** Stores and publishes the record to its audience and says what was done. */
    static CommandVerdict publish(Connection c, MinutesStore store, MinutesRecord record, MinutesStore.Stored previous,
            CommandContext context, String auditAction, String message) throws SQLException {
        String audience = MinutesAudience.of(record.minutes(), record.createdBy(), context.directory());
        try {
            return CommandVerdict.applied(store.save(c, record, previous, audience), auditAction, message);
        } catch (MinutesStore.TooLargeException e) {
            throw new InvalidPayloadException("minutes", "議事録が大きすぎます（" + String.format("%,d", e.characters)
                    + "文字、" + String.format("%,d", MinutesStore.MAX_JSON) + "文字まで）。会議を分けて作成してください");
        }
    }
}
