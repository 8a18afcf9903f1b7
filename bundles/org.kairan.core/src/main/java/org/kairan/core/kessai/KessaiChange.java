package org.kairan.core.kessai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The next state of a {@link Kessai} being put together by {@link KessaiWorkflow}: a copy to change field by field. */
final class KessaiChange {

    String title;
    String classification;
    String body;
    String decisionKind;
    long amountYen;
    boolean restricted;
    ApprovalRoute route;
    java.time.LocalDate draftDate;
    KessaiStatus status;
    int round;
    int currentStep;
    List<String> consented;
    int returnedFrom;
    String lastMover;
    List<StandIn> standIns;
    List<String> postReviewPending;
    List<Attachment> attachments;
    List<KessaiEvent> history;
    String documentNumber;
    Instant submittedAt;
    Instant decidedAt;
    RecordFile record;
    private final Kessai from;

    KessaiChange(Kessai from) {
        this.from = from;
        title = from.title();
        classification = from.classification();
        body = from.body();
        decisionKind = from.decisionKind();
        amountYen = from.amountYen();
        restricted = from.restricted();
        route = from.route();
        draftDate = from.draftDate();
        status = from.status();
        round = from.round();
        currentStep = from.currentStep();
        consented = new ArrayList<>(from.consented());
        returnedFrom = from.returnedFrom();
        lastMover = from.lastMover();
        standIns = from.standIns();
        postReviewPending = new ArrayList<>(from.postReviewPending());
        attachments = new ArrayList<>(from.attachments());
        history = new ArrayList<>(from.history());
        documentNumber = from.documentNumber();
        submittedAt = from.submittedAt();
        decidedAt = from.decidedAt();
        record = from.record();
    }

    /** Leaves the route: nobody is asked any more. */
    KessaiChange offRoute(KessaiStatus next) {
        status = next;
        currentStep = -1;
        consented.clear();
        lastMover = null;
        standIns = List.of();
        return this;
    }

    Kessai build() {
        boolean moved = status != from.status() || round != from.round() || currentStep != from.currentStep();
        return new Kessai(from.id(), title, classification, body, decisionKind, amountYen, restricted,
                from.divisionCode(), draftDate, route, status, round, currentStep,
                moved ? from.visit() + 1 : from.visit(), consented, returnedFrom, lastMover,
                standIns, postReviewPending, attachments, history, documentNumber, from.createdAt(), submittedAt,
                decidedAt, record);
    }
}
