package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.files.StoredFile;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code document.add}: a new document in a 課's library with its first file, by a member of the 課; its text
 * extraction is queued.
 */
final class AddDocumentCommand implements CommandHandler {

    private final LibraryParts parts;

    AddDocumentCommand(LibraryParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.ADD_DOCUMENT;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        AddDocument add = parts.payloads().read(payload, AddDocument.class);
        String id = CommandPayload.uuid(add.documentId(), "documentId");
        String unitCode = CommandPayload.required(add.unitCode(), "unitCode");
        LibraryParts.Metadata metadata = parts.metadata(add.title(), add.classification(), add.fiscalYear(), add.tags(),
                add.retentionYears());
        if (add.file() == null) {
            throw new InvalidPayloadException("file", "ファイルがありません (file is required)");
        }
        String name = LibraryParts.fileName(add.file().name());
        if (parts.store().lock(c, id).isPresent()) {
            return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "文書 " + id + " は既にあります (the id is taken)");
        }
        try {
            OrgUnit division = parts.library(context, unitCode);
            SessionUser user = context.user();
            StoredFile file = parts.file(c, add.file().sha256(), name, user.staffNo());
            Instant now = context.now();
            parts.store().insert(c, new LibraryStore.DocumentRow(id, division.code(), division.name(), metadata.title(),
                    metadata.classification(), metadata.fiscalYear(), metadata.tags(), metadata.retentionYears(),
                    user.staffNo(), user.name(), now, user.staffNo(), user.name(), now, "", 0, 0));
            parts.store().insertVersion(c, new LibraryStore.VersionRow(0, id, 1, name, file.sha256(), file.mediaType(),
                    file.size(), file.pages(), user.staffNo(), user.name(), now, ExtractionStatus.pending(file.pages(), now),
                    0));
            long seq = parts.store().publish(c, id, context.directory(), parts.pages());
            parts.queued();
            return CommandVerdict.applied(seq, "文書の登録", "「" + metadata.title() + "」を" + division.name()
                    + "の文書庫に登録（" + metadata.classification() + "、" + metadata.fiscalYear() + "年度、第1版「" + name
                    + "」" + file.pages() + "ページ、SHA-256 " + file.sha256() + "）");
        } catch (LibraryParts.Refused refused) {
            return refused.verdict();
        }
    }
}
