package org.kairan.client.kessai.internal;

import java.net.URLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;

/**
 * The 案件 as they will be once the user's unsent actions are applied: the same {@link KessaiWorkflow} the
 * server runs, applied on this desktop to the replica's copy in the order the user acted. An action the
 * workflow refuses here (the replica already shows it done, or someone acted first) leaves the 案件 as the
 * replica has it; the server's answer decides.
 */
final class PendingOverlay {

    private static final Logger LOG = Logger.getLogger(PendingOverlay.class.getName());

    /** What the overlay needs from the desktop besides the 案件. */
    interface Context {
        /** The decoded payload of a queued action. */
        <T> T payload(QueuedAction action, Class<T> type);

        /** A file the user attached that is still in the outbox. */
        Optional<OutboxFile> staged(String sha256);

        /** The route the rules give, for a draft saved without one. */
        ApprovalRoute proposeRoute(String decisionKind, long amountYen, java.time.LocalDate draftDate);

        /** The 課 of a unit (numbering of the drafter's new 案件). */
        Optional<String> divisionOf(String unitCode);
    }

    /**
     * @param changed the 案件 the actions changed or made, by id
     * @param sending ids of the 案件 the actions concern, in the order of the first action on each
     */
    record Result(Map<String, Kessai> changed, SequencedSet<String> sending) {
    }

    private final SessionUser me;
    private final Context context;

    PendingOverlay(SessionUser me, Context context) {
        this.me = me;
        this.context = context;
    }

    /** The id of the 案件 a 決裁 command is about, or empty for other commands. */
    static Optional<String> kessaiIdOf(QueuedAction action, Context context) {
        return switch (action.type()) {
            case CommandTypes.SAVE_KESSAI_DRAFT -> Optional.of(context.payload(action, KessaiDraft.class).kessaiId());
            case CommandTypes.ACT_ON_KESSAI -> Optional.of(context.payload(action, KessaiAction.class).kessaiId());
            case CommandTypes.ATTACH_TO_KESSAI -> Optional.of(context.payload(action, AttachFile.class).kessaiId());
            default -> Optional.empty();
        };
    }

    /** @param unsettled the user's actions not yet answered, oldest first */
    Result apply(Map<String, Kessai> replicated, List<QueuedAction> unsettled) {
        Map<String, Kessai> changed = new HashMap<>();
        SequencedSet<String> sending = new LinkedHashSet<>();
        for (QueuedAction action : unsettled) {
            Optional<String> id = kessaiIdOf(action, context);
            if (id.isEmpty()) {
                continue;
            }
            sending.add(id.get());
            Kessai current = changed.getOrDefault(id.get(), replicated.get(id.get()));
            try {
                Kessai next = applyOne(current, action);
                if (next != null) {
                    changed.put(id.get(), next);
                }
            } catch (WorkflowRefusal | RouteException | IllegalArgumentException | IllegalStateException e) {
                LOG.log(Level.FINE, "the unsent " + action.type() + " on " + id.get() + " does not apply here", e);
            }
        }
        return new Result(changed, sending);
    }

    private Kessai applyOne(Kessai current, QueuedAction action) {
        Instant at = action.queuedAt();
        switch (action.type()) {
            case CommandTypes.SAVE_KESSAI_DRAFT -> {
                KessaiDraft draft = context.payload(action, KessaiDraft.class);
                List<Attachment> files = new ArrayList<>();
                for (FileRef ref : draft.files()) {
                    files.add(attachment(ref, current, at));
                }
                if (current == null) {
                    ApprovalRoute route = draft.route() != null ? draft.route()
                            : context.proposeRoute(draft.decisionKind(), draft.amountYen(), draft.draftDate());
                    String division = context.divisionOf(route.drafter().unitCode()).orElse(me.unitCode());
                    return KessaiWorkflow.newDraft(draft, route, division, files, at);
                }
                return KessaiWorkflow.revise(current, draft, draft.route() != null ? draft.route() : current.route(),
                        files, me.staffNo());
            }
            case CommandTypes.ACT_ON_KESSAI -> {
                return current == null ? null : KessaiWorkflow.act(current, context.payload(action, KessaiAction.class),
                        actorIn(current), at);
            }
            case CommandTypes.ATTACH_TO_KESSAI -> {
                FileRef file = context.payload(action, AttachFile.class).file();
                if (current == null || current.attachments().stream().anyMatch(a -> a.id().equals(file.attachmentId()))) {
                    return null; // unknown here, or the replica has it already
                }
                return KessaiWorkflow.attach(current, attachment(file, null, at), actorIn(current), at);
            }
            default -> {
                return null;
            }
        }
    }

    /** The file as the 案件 lists it: as it is there already, else as the outbox knows it. */
    private Attachment attachment(FileRef ref, Kessai current, Instant at) {
        if (current != null) {
            Optional<Attachment> known = current.attachments().stream()
                    .filter(a -> a.id().equals(ref.attachmentId())).findFirst();
            if (known.isPresent()) {
                return known.get();
            }
        }
        Optional<OutboxFile> staged = context.staged(ref.sha256());
        String type = staged.map(OutboxFile::mediaType).orElseGet(() -> {
            String guessed = URLConnection.guessContentTypeFromName(ref.name());
            return guessed == null ? "application/octet-stream" : guessed;
        });
        return new Attachment(ref.attachmentId(), ref.name(), type, staged.map(OutboxFile::size).orElse(0L),
                ref.sha256(), 0, 1, me.staffNo(), at, false);
    }

    /** Who the user is on this 案件: drafter, approver, reader or 代決者 as the route has them; else as now. */
    PostHolder actorIn(Kessai k) {
        String no = me.staffNo();
        if (k.drafterNo().equals(no)) {
            return k.route().drafter();
        }
        return k.route().steps().stream().flatMap(s -> s.approvers().stream()).filter(a -> a.staffNo().equals(no))
                .findFirst()
                .or(() -> k.standIns().stream().map(si -> si.substitute()).filter(s -> s.staffNo().equals(no)).findFirst())
                .or(() -> k.route().readers().stream().filter(r -> r.staffNo().equals(no)).findFirst())
                .orElseGet(() -> new PostHolder(me.unitCode() == null ? "" : me.unitCode(), me.unitName(),
                        me.position() == null ? "" : me.position(), no, me.name()));
    }
}
