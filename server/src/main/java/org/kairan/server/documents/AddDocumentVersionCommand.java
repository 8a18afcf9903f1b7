package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.files.StoredFile;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code document.add-version}: an uploaded file becomes a document's next version (the earlier ones stay),
 * by a member of its 課; the same content as the current version changes nothing.
 */
final class AddDocumentVersionCommand implements CommandHandler {

    private final LibraryParts parts;

    AddDocumentVersionCommand(LibraryParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.ADD_DOCUMENT_VERSION;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        AddDocumentVersion add = parts.payloads().read(payload, AddDocumentVersion.class);
        String id = CommandPayload.uuid(add.documentId(), "documentId");
        if (add.file() == null) {
            throw new InvalidPayloadException("file", "ファイルがありません (file is required)");
        }
        String name = LibraryParts.fileName(add.file().name());
        Optional<LibraryStore.DocumentRow> row = parts.store().lock(c, id);
        if (row.isEmpty() || !context.scope().sees(row.get().audience())) {
            return LibraryParts.notFound(id);
        }
        LibraryStore.DocumentRow document = row.get();
        if (!LibraryParts.isMember(context, document.unitCode())) {
            return LibraryParts.notMember(document.unitName());
        }
        SessionUser user = context.user();
        StoredFile file;
        try {
            file = parts.file(c, add.file().sha256(), name, user.staffNo());
        } catch (LibraryParts.Refused refused) {
            return refused.verdict();
        }
        List<LibraryStore.VersionRow> versions = parts.store().versions(c, id);
        LibraryStore.VersionRow current = versions.getLast();
        if (current.sha256().equals(file.sha256())) {
            return CommandVerdict.applied(0, "文書の版の追加", "「" + document.title() + "」の第" + current.version()
                    + "版と同じ内容のため、新しい版にしません");
        }
        int number = current.version() + 1;
        Instant now = context.now();
        parts.store().insertVersion(c, new LibraryStore.VersionRow(0, id, number, name, file.sha256(), file.mediaType(),
                file.size(), file.pages(), user.staffNo(), user.name(), now, ExtractionStatus.pending(file.pages(), now), 0));
        String unitName = context.directory().unit(document.unitCode()).map(u -> u.name()).orElse(document.unitName());
        parts.store().update(c, document.withMetadata(document.title(), document.classification(), document.fiscalYear(),
                document.tags(), document.retentionYears(), unitName, user.staffNo(), user.name(), now));
        long seq = parts.store().publish(c, id, context.directory(), parts.pages());
        parts.queued();
        return CommandVerdict.applied(seq, "文書の版の追加", "「" + document.title() + "」（" + unitName + "）に第" + number
                + "版「" + name + "」を追加（" + file.pages() + "ページ、SHA-256 " + file.sha256() + "）");
    }
}
