package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/** {@code kessai.attach}: an uploaded file added to a 案件 on its route or decided; never a replacement. */
public final class AttachToKessaiCommand implements CommandHandler {

    private final KessaiParts parts;

    AttachToKessaiCommand(KessaiParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.ATTACH_TO_KESSAI;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        AttachFile attach = parts.payloads().read(payload, AttachFile.class);
        String id = CommandPayload.uuid(attach.kessaiId(), "kessaiId");
        if (attach.file() == null) {
            throw new InvalidPayloadException("file", "file is required");
        }
        String attachmentId = CommandPayload.uuid(attach.file().attachmentId(), "file.attachmentId");
        String name = CommandPayload.required(attach.file().name(), "file.name");
        Optional<KessaiStore.Stored> stored = parts.store().lock(c, id);
        if (stored.isEmpty() || !context.scope().sees(stored.get().audience())) {
            return KessaiParts.notFound(id);
        }
        Optional<PostHolder> actor = KessaiParts.actor(context.user());
        if (actor.isEmpty()) {
            return KessaiParts.noPost(context.user());
        }
        Optional<StoredFile> file = parts.files().describe(c, attach.file().sha256());
        if (file.isEmpty() || !parts.files().uploadedBy(c, attach.file().sha256(), context.user().staffNo())) {
            return CommandVerdict.conflict(CommandCodes.FILE_MISSING, "添付「" + name
                    + "」がサーバーにありません。もう一度添付してください (the file was never uploaded)");
        }
        Optional<CommandVerdict> unusable = KessaiParts.unusable(parts.files().attachmentRefusal(c,
                attach.file().sha256()), name);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        Kessai kessai = stored.get().kessai();
        if (kessai.attachments().stream().anyMatch(a -> a.id().equals(attachmentId))) {
            return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "この添付は既にあります (the attachment exists)");
        }
        Kessai next;
        try {
            next = KessaiWorkflow.attach(kessai, new Attachment(attachmentId, name, file.get().mediaType(),
                    file.get().size(), file.get().sha256(), file.get().pages(), 1, actor.get().staffNo(), context.now(),
                    false), actor.get(), context.now());
        } catch (WorkflowRefusal e) {
            return KessaiParts.refused(e);
        }
        long seq = parts.store().save(c, next, stored.get(), context.directory(), context.now());
        return CommandVerdict.applied(seq, "決裁 添付", "「" + kessai.title() + "」に「" + name + "」を添付（"
                + next.history().getLast().outcome() + "、SHA-256 " + file.get().sha256() + "）");
    }
}
