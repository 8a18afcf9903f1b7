package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.SyncScope;

/**
 * Reading the library outside the feed, with the feed's visibility: a document, its text, a 課's documents, and
 * where OCR found the words of a version, and whether a file may be downloaded. Who may not see a document learns nothing of it — not even that it exists.
 */
public final class LibraryRecords {

    private final Database database;
    private final LibraryStore store;
    private final PageStore pages;
    private final DirectoryCache directory;
    private final SessionUsers users;

    LibraryRecords(Database database, LibraryStore store, PageStore pages, DirectoryCache directory, SessionUsers users) {
        this.database = database;
        this.store = store;
        this.pages = pages;
        this.directory = directory;
        this.users = users;
    }

    private SyncScope scope(Connection c, SessionUser user) throws SQLException {
        return SyncScope.of(directory.directory(c), user.staffNo(), users.today());
    }

    /** The document as published, if the user may see it. */
    public Optional<LibraryDocument> visible(SessionUser user, String id) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return store.published(c, id).filter(p -> scope.sees(p.audience())).map(LibraryStore.Published::document);
        });
    }

    /** A version of a document the user may see. */
    public Optional<DocumentVersion> version(SessionUser user, String id, int number) {
        return visible(user, id).flatMap(d -> d.version(number));
    }

    /**
     * The published text of the document (the current version's once extracted) in one part, if the user may
     * see the document; {@code version} 0 and no pages while none is published.
     */
    public Optional<DocumentText> text(SessionUser user, String id) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            if (store.published(c, id).filter(p -> scope.sees(p.audience())).isEmpty()) {
                return Optional.empty();
            }
            LibraryStore.DocumentRow row = store.find(c, id).orElseThrow();
            return Optional.of(row.textVersion() == 0 ? new DocumentText(id, 0, 1, 1, List.of())
                    : new DocumentText(id, row.textVersion(), 1, 1, pages.text(c, id, row.textVersion())));
        });
    }

    /**
     * Where OCR found the words of a version's OCR'd pages (none for pages with a text layer), if the user may see
     * the document and it has that version.
     */
    public Optional<List<PageWords>> words(SessionUser user, String id, int version) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            Optional<LibraryDocument> document = store.published(c, id).filter(p -> scope.sees(p.audience()))
                    .map(LibraryStore.Published::document);
            if (document.flatMap(d -> d.version(version)).isEmpty()) {
                return Optional.<List<PageWords>>empty();
            }
            return Optional.of(pages.words(c, id, version));
        });
    }

    /** The documents of a 課's library the user may see (none of another 課's), newest 年度 first. */
    public List<LibraryDocument> inUnit(SessionUser user, String unitCode) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return store.inUnit(c, unitCode).stream().filter(p -> scope.sees(p.audience()))
                    .map(LibraryStore.Published::document).toList();
        });
    }

    /** Whether the user may download the file because they may see a library document that has it. */
    public boolean mayDownload(SessionUser user, String sha256) {
        return database.inTransaction(c -> {
            SyncScope scope = scope(c, user);
            return store.audiencesOfFile(c, sha256).stream().anyMatch(scope::sees);
        });
    }
}
