package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiSettings.Numbering;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code kessai.act}: 提出, 承認, 差戻し, 引戻し, 取下げ, 却下, コメント, 後閲, 供覧確認 — by the rules of
 * {@link KessaiWorkflow}, on the 案件 locked for the transaction, with today's 代決者. A 文書番号 is given at
 * the configured moment; a decision is handed on (after commit) to make the PDF of record.
 */
public final class ActOnKessaiCommand implements CommandHandler {

    private final KessaiParts parts;
    private final Database database;

    ActOnKessaiCommand(KessaiParts parts, Database database) {
        this.parts = parts;
        this.database = database;
    }

    @Override
    public String type() {
        return CommandTypes.ACT_ON_KESSAI;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        KessaiAction action = parts.payloads().read(payload, KessaiAction.class);
        String id = CommandPayload.uuid(action.kessaiId(), "kessaiId");
        if (action.action() == null || action.action() == ActionKind.ATTACH) {
            throw new InvalidPayloadException("action", "action must be one of SUBMIT, APPROVE, SEND_BACK, PULL_BACK,"
                    + " WITHDRAW, REJECT, COMMENT, POST_REVIEW, READ (files are added with kessai.attach)");
        }
        Optional<KessaiStore.Stored> stored = parts.store().lock(c, id);
        if (stored.isEmpty() || !context.scope().sees(stored.get().audience())) {
            return KessaiParts.notFound(id);
        }
        Optional<PostHolder> actor = KessaiParts.actor(context.user());
        if (actor.isEmpty()) {
            return KessaiParts.noPost(context.user());
        }
        LocalDate today = parts.today(context);
        Kessai before = parts.standIns().upToDate(c, stored.get().kessai(), context.directory(), today);
        Kessai next;
        try {
            next = KessaiWorkflow.act(before, action, actor.get(), context.now());
        } catch (WorkflowRefusal e) {
            return KessaiParts.refused(e);
        }
        boolean numberNow = next.documentNumber() == null
                && (action.action() == ActionKind.SUBMIT && parts.settings().numberAt() == Numbering.SUBMISSION
                        || next.status() == KessaiStatus.DECIDED && parts.settings().numberAt() == Numbering.DECISION);
        if (numberNow) {
            try {
                next = next.withDocumentNumber(parts.numbers().next(c, context.directory(), next.divisionCode(), today));
            } catch (IllegalArgumentException e) {
                return CommandVerdict.conflict(CommandCodes.NUMBERING_FAILED, e.getMessage());
            }
        }
        next = parts.standIns().upToDate(c, next, context.directory(), today);
        long seq = parts.store().save(c, next, stored.get(), context.directory(), context.now());
        if (next.status() == KessaiStatus.DECIDED && before.status() != KessaiStatus.DECIDED) {
            database.afterCommit(() -> parts.decided().decided(id));
        }
        String outcome = next.history().getLast().outcome();
        return CommandVerdict.applied(seq, "決裁 " + outcome, "「" + next.title() + "」"
                + (next.documentNumber() == null ? "" : "（" + next.documentNumber() + "）") + " " + outcome
                + (action.comment().isEmpty() ? "" : "：" + action.comment()) + " → " + KessaiWorkflow.where(next));
    }
}
