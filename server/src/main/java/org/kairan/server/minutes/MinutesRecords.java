package org.kairan.server.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * 議事録 outside the feed, with the feed's visibility: one record, and its .docx or PDF. Who may not see minutes
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

    private final Database database;
    private final MinutesStore store;
    private final DirectoryCache directory;
    private final SessionUsers users;
    private final MinutesPrinter printer;

    MinutesRecords(Database database, MinutesStore store, DirectoryCache directory, SessionUsers users,
            MinutesPrinter printer) {
        this.database = database;
        this.store = store;
        this.directory = directory;
        this.users = users;
        this.printer = printer;
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

    private SyncScope scope(Connection c, SessionUser user) throws SQLException {
        return SyncScope.of(directory.directory(c), user.staffNo(), users.today());
    }
}
