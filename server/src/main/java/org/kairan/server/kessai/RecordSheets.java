package org.kairan.server.kessai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteStep;
import org.kairan.server.files.FileStore;
import org.kairan.server.record.PersonOnRecord;
import org.kairan.server.record.RecordAttachment;
import org.kairan.server.record.RecordSheet;
import org.kairan.server.record.SealEntry;

/**
 * What the 鑑 of a decided 案件 shows: the title block, a seal box per person of the route with the seal of
 * whoever acted there last (the 代決者's with the absent approver's name), and the current version of each
 * file.
 */
final class RecordSheets {

    private final KessaiSettings settings;
    private final FileStore files;

    RecordSheets(KessaiSettings settings, FileStore files) {
        this.settings = settings;
        this.files = files;
    }

    RecordSheet of(Kessai kessai) throws IOException {
        List<SealEntry> seals = new ArrayList<>();
        kessai.history().stream().filter(e -> e.action() == ActionKind.SUBMIT).findFirst().ifPresent(
                submitted -> seals.add(SealEntry.acted("起案", person(kessai.route().drafter()), submitted.at(), "起案")));
        for (int i = 0; i < kessai.route().steps().size(); i++) {
            RouteStep step = kessai.route().steps().get(i);
            for (PostHolder approver : step.approvers()) {
                Optional<KessaiEvent> acted = lastApproval(kessai, i, approver);
                SealEntry seal;
                if (acted.isEmpty()) {
                    seal = new SealEntry(step.kind().label(), person(approver), null, null, "—", "");
                } else if (acted.get().isActing()) {
                    seal = SealEntry.daiketsu(step.kind().label(), person(acted.get().actor()), approver.name(),
                            acted.get().at());
                } else {
                    seal = SealEntry.acted(step.kind().label(), person(acted.get().actor()), acted.get().at(),
                            acted.get().outcome());
                }
                seals.add(acted.map(e -> e.comment().isEmpty() ? null : e.comment()).map(seal::withComment).orElse(seal));
            }
        }
        List<RecordAttachment> attached = new ArrayList<>();
        for (Attachment file : asDecided(kessai)) {
            attached.add(RecordAttachment.ofFile(file.name(), file.mediaType(), files.path(file.sha256())));
        }
        return new RecordSheet(kessai.documentNumber(), kessai.title(), kessai.classification(),
                settings.documentClass(kessai.classification()).map(DocumentClass::retentionLabel).orElse(""),
                person(kessai.route().drafter()), kessai.draftDate(), kessai.decidedAt(), kessai.decisionKind(),
                kessai.amountYen(), kessai.body(), seals, attached);
    }

    /**
     * The files as they stood when it was decided: the newest version of each name added by then. A file added
     * after the decision (allowed: what was approved stays as it was) is not part of the record.
     */
    static List<Attachment> asDecided(Kessai kessai) {
        List<Attachment> then = kessai.attachments().stream()
                .filter(a -> kessai.decidedAt() == null || !a.addedAt().isAfter(kessai.decidedAt())).toList();
        return then.stream().filter(a -> then.stream().noneMatch(b -> b.name().equals(a.name()) && b.version() > a.version()))
                .toList();
    }

    /** The approval that stands for the approver at the step: the last one, by them or for them. */
    private static Optional<KessaiEvent> lastApproval(Kessai kessai, int step, PostHolder approver) {
        return kessai.history().reversed().stream()
                .filter(e -> e.action() == ActionKind.APPROVE && e.stepIndex() == step)
                .filter(e -> (e.isActing() ? e.onBehalfOf() : e.actor()).staffNo().equals(approver.staffNo()))
                .findFirst();
    }

    private static PersonOnRecord person(PostHolder holder) {
        return new PersonOnRecord(holder.unitName(), holder.position(), holder.name());
    }
}
