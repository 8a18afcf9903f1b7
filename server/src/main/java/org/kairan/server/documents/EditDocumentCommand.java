package org.kairan.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/**
 * {@code document.edit}: a document's 表題, 文書分類, 年度, tags and 保存年限 as a member of its 課 left them; the
 * same metadata again changes nothing.
 */
final class EditDocumentCommand implements CommandHandler {

    private final LibraryParts parts;

    EditDocumentCommand(LibraryParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.EDIT_DOCUMENT;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        EditDocument edit = parts.payloads().read(payload, EditDocument.class);
        String id = CommandPayload.uuid(edit.documentId(), "documentId");
        LibraryParts.Metadata metadata = parts.metadata(edit.title(), edit.classification(), edit.fiscalYear(),
                edit.tags(), edit.retentionYears());
        Optional<LibraryStore.DocumentRow> row = parts.store().lock(c, id);
        if (row.isEmpty() || !context.scope().sees(row.get().audience())) {
            return LibraryParts.notFound(id);
        }
        LibraryStore.DocumentRow document = row.get();
        if (!LibraryParts.isMember(context, document.unitCode())) {
            return LibraryParts.notMember(document.unitName());
        }
        if (document.title().equals(metadata.title()) && document.classification().equals(metadata.classification())
                && document.fiscalYear() == metadata.fiscalYear() && document.tags().equals(metadata.tags())
                && document.retentionYears() == metadata.retentionYears()) {
            return CommandVerdict.applied(0, "文書の情報の変更", "「" + document.title() + "」の情報に変更はありません");
        }
        SessionUser user = context.user();
        String unitName = context.directory().unit(document.unitCode()).map(u -> u.name()).orElse(document.unitName());
        parts.store().update(c, document.withMetadata(metadata.title(), metadata.classification(), metadata.fiscalYear(),
                metadata.tags(), metadata.retentionYears(), unitName, user.staffNo(), user.name(), context.now()));
        long seq = parts.store().publish(c, id, context.directory(), parts.pages());
        String retention = metadata.retentionYears() == LibraryDocument.PERMANENT ? "永年" : metadata.retentionYears() + "年";
        return CommandVerdict.applied(seq, "文書の情報の変更", "「" + document.title() + "」（" + unitName + "）の情報を変更"
                + "（表題「" + metadata.title() + "」、" + metadata.classification() + "、" + metadata.fiscalYear() + "年度、保存年限"
                + retention + "、タグ " + (metadata.tags().isEmpty() ? "なし" : String.join("・", metadata.tags())) + "）");
    }
}
