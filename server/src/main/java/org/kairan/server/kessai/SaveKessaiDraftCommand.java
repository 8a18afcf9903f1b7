package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Divisions;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.RouteBuilder;
import org.kairan.core.kessai.RouteEditor;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code kessai.save-draft}: a new 起案, or the drafter's edit of one 起案中 or 差戻し中. The route is
 * checked against the 事務決裁規程 and the organisation as of the 起案日; files must have been uploaded.
 */
public final class SaveKessaiDraftCommand implements CommandHandler {

    static final int MAX_FILES = 100;

    private final KessaiParts parts;

    SaveKessaiDraftCommand(KessaiParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.SAVE_KESSAI_DRAFT;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        KessaiDraft draft = parts.payloads().read(payload, KessaiDraft.class);
        String id = CommandPayload.uuid(draft.kessaiId(), "kessaiId");
        validate(draft);
        Optional<KessaiStore.Stored> existing = parts.store().lock(c, id);
        if (existing.isPresent() && !context.scope().sees(existing.get().audience())) {
            return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "案件 " + id + " は既にあります (the id is taken)");
        }
        OrganisationDirectory directory = context.directory();
        ApprovalRoute route;
        try {
            ApprovalRoute base = new RouteBuilder(parts.settings().rules(), parts.chain(), directory)
                    .build(context.user().staffNo(), draft.draftDate(), draft.decisionKind(), draft.amountYen());
            route = draft.route() == null ? base : new RouteEditor(directory).confirm(draft.route(), base);
        } catch (RouteException e) {
            return CommandVerdict.conflict(CommandCodes.ROUTE_INVALID, e.getMessage());
        }
        List<Attachment> files = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        existing.ifPresent(s -> s.kessai().attachments().forEach(a -> versions.merge(a.name(), a.version(), Math::max)));
        for (FileRef ref : draft.files()) {
            Optional<Attachment> known = existing.flatMap(s -> s.kessai().attachments().stream()
                    .filter(a -> a.id().equals(ref.attachmentId())).findFirst());
            if (known.isPresent()) {
                files.add(known.get());
                continue;
            }
            Optional<StoredFile> stored = parts.files().describe(c, ref.sha256());
            if (stored.isEmpty() || !parts.files().uploadedBy(c, ref.sha256(), context.user().staffNo())) {
                return CommandVerdict.conflict(CommandCodes.FILE_MISSING, "添付「" + ref.name()
                        + "」がサーバーにありません。もう一度添付してください (the file was never uploaded)");
            }
            Optional<CommandVerdict> unusable = KessaiParts.unusable(parts.files().attachmentRefusal(c, ref.sha256()),
                    ref.name());
            if (unusable.isPresent()) {
                return unusable.get();
            }
            int version = versions.merge(ref.name(), 1, Integer::sum);
            files.add(new Attachment(CommandPayload.uuid(ref.attachmentId(), "files.attachmentId"), ref.name(),
                    stored.get().mediaType(), stored.get().size(), stored.get().sha256(), stored.get().pages(), version,
                    context.user().staffNo(), context.now(), false));
        }
        return store(c, context, draft, existing, route, files);
    }

    /**
     * A new 起案 of the user with files the server made itself (kept in the file store already): the route the
     * rules give as of the 起案日. How 議事録 sent for 決裁 become a 起案.
     */
    CommandVerdict newDraftWith(Connection c, CommandContext context, KessaiDraft draft, List<Attachment> files)
            throws SQLException {
        validate(draft);
        if (parts.store().lock(c, CommandPayload.uuid(draft.kessaiId(), "kessaiId")).isPresent()) {
            return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "案件 " + draft.kessaiId() + " は既にあります (the id is taken)");
        }
        ApprovalRoute route;
        try {
            route = new RouteBuilder(parts.settings().rules(), parts.chain(), context.directory())
                    .build(context.user().staffNo(), draft.draftDate(), draft.decisionKind(), draft.amountYen());
        } catch (RouteException e) {
            return CommandVerdict.conflict(CommandCodes.ROUTE_INVALID, e.getMessage());
        }
        return store(c, context, draft, Optional.empty(), route, files);
    }

    private CommandVerdict store(Connection c, CommandContext context, KessaiDraft draft,
            Optional<KessaiStore.Stored> existing, ApprovalRoute route, List<Attachment> files) throws SQLException {
        OrganisationDirectory directory = context.directory();
        Kessai next;
        try {
            if (existing.isEmpty()) {
                String division = Divisions.divisionOf(directory, route.drafter().unitCode()).map(OrgUnit::code)
                        .orElse(route.drafter().unitCode());
                next = KessaiWorkflow.newDraft(draft, route, division, files, context.now());
            } else {
                next = KessaiWorkflow.revise(existing.get().kessai(), draft, route, files, context.user().staffNo());
            }
        } catch (WorkflowRefusal e) {
            return KessaiParts.refused(e);
        }
        long seq = parts.store().save(c, next, existing.orElse(null), directory, context.now());
        return CommandVerdict.applied(seq, "起案の保存", "起案「" + next.title() + "」を保存（" + next.status().label() + "、"
                + route.decision().kind().label() + " " + route.decision().approver().position() + "）");
    }

    private void validate(KessaiDraft draft) {
        String title = CommandPayload.required(draft.title(), "title");
        if (title.length() > Kessai.MAX_TITLE) {
            throw new InvalidPayloadException("title", "件名は" + Kessai.MAX_TITLE + "文字までです (title too long)");
        }
        if (draft.body() != null && draft.body().length() > Kessai.MAX_BODY) {
            throw new InvalidPayloadException("body", "本文は" + Kessai.MAX_BODY + "文字までです (body too long)");
        }
        if (draft.draftDate() == null) {
            throw new InvalidPayloadException("draftDate", "起案日がありません (draftDate is required)");
        }
        if (draft.amountYen() < 0) {
            throw new InvalidPayloadException("amountYen", "金額は0円以上です (the amount cannot be negative)");
        }
        CommandPayload.required(draft.decisionKind(), "decisionKind");
        String classification = CommandPayload.required(draft.classification(), "classification");
        if (parts.settings().documentClass(classification).isEmpty()) {
            throw new InvalidPayloadException("classification", "文書分類「" + classification + "」は設定にありません (unknown class)");
        }
        if (draft.files().size() > MAX_FILES) {
            throw new InvalidPayloadException("files", "添付は" + MAX_FILES + "件までです (too many files)");
        }
    }
}
