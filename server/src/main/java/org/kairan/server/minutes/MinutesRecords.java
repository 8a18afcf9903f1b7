package org.kairan.server.minutes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.minutes.export.MinutesDocx;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.SyncScope;

/**
 * 議事録 outside the feed, with the feed's visibility: one record, its .docx or PDF, and the recording it is played
 * from. Who may not see minutes
 * learns nothing of them — not even that they exist.
 */
public final class MinutesRecords {

    /** The formats minutes are exported in by the server. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        PDF("application/pdf", ".pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** An exported file: its name (「<会議名> 会議録.docx」) and content. */
    public record Export(String fileName, String mediaType, byte[] content) {
    }

    /**
     * The meeting's recording as a WAV file (16 kHz mono 16-bit PCM, what the speech-to-text engine heard, so that
     * an utterance's time is a place in it).
     *
     * @param fileName 「<会議名> 録音.wav」
     * @param length   bytes, with the WAV header
     */
    public record Playable(String fileName, long length, Path pcm) {

        public static final String MEDIA_TYPE = "audio/wav";

        /** The WAV file's bytes: its header, then the recording read from disk as it is sent. */
        public InputStream open() throws IOException {
            return new SequenceInputStream(new ByteArrayInputStream(Recordings.waveHeader(length - Recordings.WAVE_HEADER)),
                    Files.newInputStream(pcm));
        }
    }

    private final Database database;
    private final MinutesStore store;
    private final DirectoryCache directory;
    private final SessionUsers users;
    private final MinutesPrinter printer;

    private final Path recordings;

    /**
     * @param recordings the directory of the speech-to-text jobs' recordings ({@code DATA/minutes})
     */
    MinutesRecords(Database database, MinutesStore store, DirectoryCache directory, SessionUsers users,
            MinutesPrinter printer, Path recordings) {
        this.database = database;
        this.store = store;
        this.directory = directory;
        this.users = users;
        this.printer = printer;
        this.recordings = recordings;
    }

    /** The minutes as last saved, if the user may see them. */
    public Optional<MinutesRecord> visible(SessionUser user, String id) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return store.find(c, id).filter(s -> scope.sees(s.audience())).map(MinutesStore.Stored::record);
        });
    }

    /** The minutes as a .docx or PDF file, if the user may see them. */
    public Optional<Export> export(SessionUser user, String id, Format format) throws IOException {
        Optional<MinutesRecord> record = visible(user, id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case DOCX -> MinutesDocx.write(record.get().minutes(), out);
            case PDF -> printer.print(record.get().minutes(), out);
        }
        String name = record.get().minutes().header().title() + " 会議録" + format.extension();
        return Optional.of(new Export(name, format.mediaType(), out.toByteArray()));
    }

    /**
     * The recording the minutes are played from, if the user may see the minutes and they have one whose sound is
     * kept (minutes made from a speech-to-text job; a transcript imported from a file has none).
     */
    public Optional<Playable> recording(SessionUser user, String id) throws IOException {
        Optional<MinutesRecord> record = visible(user, id).filter(r -> r.minutes().hasRecording());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Path pcm = TranscriptionJobs.playable(recordings, record.get().minutes().recording());
        if (!Files.isRegularFile(pcm)) {
            return Optional.empty();
        }
        return Optional.of(new Playable(record.get().minutes().header().title() + " 録音.wav",
                Recordings.WAVE_HEADER + Files.size(pcm), pcm));
    }

    private SyncScope scope(Connection c, SessionUser user) throws SQLException {
        return SyncScope.of(directory.directory(c), user.staffNo(), users.today());
    }
}
