package org.kairan.core.kessai;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 決裁 案件 as the feed carries it: what was drafted, its route, where it stands and everything that
 * happened to it. Immutable; {@link KessaiWorkflow} makes the next state.
 *
 * @param id                UUID chosen by the drafter's client
 * @param title             件名
 * @param classification    文書分類 (decides the 保存年限)
 * @param body              本文 (起案理由・内容)
 * @param decisionKind      決裁区分, e.g. 物品購入
 * @param amountYen         金額 in yen, {@code 0} when the kind has none
 * @param restricted        専決の制限: important, unusual, precedent-setting or disputed — no 代決 of the decision
 * @param divisionCode      the drafter's 課 (numbering, rights, 決裁簿)
 * @param draftDate         起案日: the route was resolved as of this day
 * @param route             drafter, 回議・合議 steps ending in 決裁 or 専決, 供覧 readers
 * @param status            where it stands
 * @param round             submissions so far (0 for a draft never submitted)
 * @param currentStep       index of the step that must act while {@link KessaiStatus#IN_ROUTE}, else {@code -1}
 * @param visit             counts the moves of the 案件 (提出, a step passed, 差戻し, 引戻し …): an answer names the
 *                          visit it answers, so one made before a 差戻し never applies when the route comes back
 *                          to the same step
 * @param consented         at a 合議 step: whose consent is in (代決 counts for the absent member)
 * @param returnedFrom      after 差戻し to the drafter: the step that sent it back, else {@code -1}
 * @param lastMover         who moved it to the current step and may still 引戻し, {@code null} when no one may
 * @param standIns          代決者 for approvers of the current step who are absent today
 * @param postReviewPending 職員番号 of absent approvers who still have to 後閲 a 代決
 * @param attachments       every file and version, in the order added
 * @param history           everything done, oldest first
 * @param documentNumber    文書番号 once allocated, e.g. 伊財第12号
 * @param createdAt         first saved
 * @param submittedAt       last submitted, {@code null} for a draft
 * @param decidedAt         when decided, rejected or withdrawn
 * @param record            the signed PDF of record once made
 */
public record Kessai(String id, String title, String classification, String body, String decisionKind, long amountYen,
        boolean restricted, String divisionCode, LocalDate draftDate, ApprovalRoute route, KessaiStatus status,
        int round, int currentStep, int visit, List<String> consented, int returnedFrom, String lastMover,
        List<StandIn> standIns, List<String> postReviewPending, List<Attachment> attachments,
        List<KessaiEvent> history, String documentNumber, Instant createdAt, Instant submittedAt, Instant decidedAt,
        RecordFile record) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 50_000;

    public Kessai {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        classification = classification == null ? "" : classification;
        body = body == null ? "" : body;
        decisionKind = decisionKind == null ? "" : decisionKind;
        consented = consented == null ? List.of() : List.copyOf(consented);
        standIns = standIns == null ? List.of() : List.copyOf(standIns);
        postReviewPending = postReviewPending == null ? List.of() : List.copyOf(postReviewPending);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        history = history == null ? List.of() : List.copyOf(history);
        if (status == KessaiStatus.IN_ROUTE) {
            Objects.checkIndex(currentStep, route.steps().size());
        }
    }

    /** The drafter's 職員番号. */
    public String drafterNo() {
        return route.drafter().staffNo();
    }

    /** The step that must act now, while 回議中. */
    public Optional<RouteStep> step() {
        return status == KessaiStatus.IN_ROUTE ? Optional.of(route.steps().get(currentStep)) : Optional.empty();
    }

    /** Whether the person must act now: an approver of the current step who has not, or their 代決者. */
    public boolean awaits(String staffNo) {
        return step().map(s -> s.approvers().stream()
                .anyMatch(a -> !consented.contains(a.staffNo()) && (a.staffNo().equals(staffNo) || standsInFor(staffNo, a))))
                .orElse(false);
    }

    /** The approver of the current step that the person may act for: themself, or an absent one as 代決者. */
    public Optional<PostHolder> actingFor(String staffNo) {
        return step().flatMap(s -> s.approvers().stream().filter(a -> !consented.contains(a.staffNo()))
                .filter(a -> a.staffNo().equals(staffNo)).findFirst()
                .or(() -> s.approvers().stream().filter(a -> !consented.contains(a.staffNo()))
                        .filter(a -> standsInFor(staffNo, a)).findFirst()));
    }

    /**
     * Whether the person's turn here is one the 専決の制限 forbids: deciding (or 却下 of) a restricted matter
     * as 代決者 of the absent decider.
     */
    public boolean decisionRestrictedFor(String staffNo) {
        return restricted && step().map(s -> s.kind().isDecision()).orElse(false)
                && actingFor(staffNo).map(a -> !a.staffNo().equals(staffNo)).orElse(false);
    }

    private boolean standsInFor(String staffNo, PostHolder approver) {
        return standIns.stream().anyMatch(si -> si.absentNo().equals(approver.staffNo())
                && si.substitute().staffNo().equals(staffNo));
    }

    /** Whether the person still has to 後閲 a 代決 made for them. */
    public boolean awaitsPostReview(String staffNo) {
        return postReviewPending.contains(staffNo);
    }

    /**
     * Whether the person takes part: drafter, approver, 供覧 reader, 代決者 now, or anyone who ever acted on
     * it — those may see it.
     */
    public boolean involves(String staffNo) {
        return route.involves(staffNo) || standIns.stream().anyMatch(si -> si.substitute().staffNo().equals(staffNo))
                || history.stream().anyMatch(e -> e.actor().staffNo().equals(staffNo));
    }

    /** Files as they stand: the newest version of each name. */
    public List<Attachment> currentAttachments() {
        return attachments.stream()
                .filter(a -> attachments.stream().noneMatch(b -> b.name().equals(a.name()) && b.version() > a.version()))
                .toList();
    }

    /** The most recent event, if any. */
    public Optional<KessaiEvent> lastEvent() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    /** The same 案件 with its 文書番号. */
    public Kessai withDocumentNumber(String number) {
        KessaiChange next = new KessaiChange(this);
        next.documentNumber = number;
        return next.build();
    }

    /** The same 案件 with today's 代決者 for the current step. */
    public Kessai withStandIns(List<StandIn> today) {
        KessaiChange next = new KessaiChange(this);
        next.standIns = status == KessaiStatus.IN_ROUTE ? List.copyOf(today) : List.of();
        return next.build();
    }

    /** The same 案件 with its signed PDF of record. */
    public Kessai withRecord(RecordFile file) {
        KessaiChange next = new KessaiChange(this);
        next.record = file;
        return next.build();
    }
}
