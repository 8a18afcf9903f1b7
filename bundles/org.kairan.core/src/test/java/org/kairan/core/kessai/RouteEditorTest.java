package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.core.kessai.DemoCity.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteEditorTest {

    private final RouteEditor editor = new RouteEditor(DemoCity.directory());
    private final ApprovalRoute route = DemoCity.routeBuilder().build(SHUJI, DRAFT_DAY, "物品購入", 150_000);

    private static List<String> shape(ApprovalRoute r) {
        return r.steps().stream().map(s -> s.kind().label() + ":" + s.approvers().stream()
                .map(PostHolder::name).reduce((a, b) -> a + "+" + b).orElse("")).toList();
    }

    @Test
    void aConsultationOfAnotherKaGoesJustBeforeTheDecision() {
        ApprovalRoute edited = editor.addConsultation(route, List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);

        assertEquals(List.of("回議:田中　直樹", "合議:木村　茂", "専決:野村　健一"), shape(edited),
                "the 情報政策課長 is asked for 合議 before the 課長 decides");
        assertEquals(2, route.steps().size(), "the original route is unchanged");
    }

    @Test
    void aConsultationGroupCanNeedAnyOneConsent() {
        ApprovalRoute edited = editor.addConsultation(route, 0,
                List.of(new ApproverPost(JOHO_KA, "課長"), new ApproverPost(SOMU_KA, "課長")), Consent.ANY_ONE);

        RouteStep gogi = edited.steps().getFirst();
        assertEquals(StepKind.CONSULTATION, gogi.kind(), "the 合議 is first when asked at index 0");
        assertEquals(Consent.ANY_ONE, gogi.consent(), "either 課長 may consent");
        assertEquals(List.of("木村　茂", "林　由美"), gogi.approvers().stream().map(PostHolder::name).toList());
    }

    @Test
    void aConsultationOfTheDraftersOwnKaIsRefused() {
        RouteException section = assertThrows(RouteException.class, () -> editor.addConsultation(route,
                List.of(new ApproverPost(KEIYAKU_KAKARI, "係長")), Consent.ALL), "契約管財係 is in the drafter's 財政課");
        assertEquals(RouteException.Reason.OWN_DIVISION, section.reason());
        assertTrue(section.getMessage().contains("財政課"), "the message names the 課: " + section.getMessage());

        RouteException division = assertThrows(RouteException.class, () -> editor.addConsultation(route,
                List.of(new ApproverPost(ZAISEI_KA, "課長")), Consent.ALL), "the drafter's own 課長 is no 合議");
        assertEquals(RouteException.Reason.OWN_DIVISION, division.reason());
    }

    @Test
    void aVacantConsultationPostIsRefused() {
        RouteException e = assertThrows(RouteException.class, () -> editor.addConsultation(route,
                List.of(new ApproverPost(JOHO_SYSTEM_KAKARI, "係長")), Consent.ALL), "情報システム係 has no 係長");

        assertEquals(RouteException.Reason.VACANT_POST, e.reason());
    }

    @Test
    void readersAreInformedAndDecideNothing() {
        ApprovalRoute edited = editor.addReaders(route, List.of(JOHO_SHUJI, KEIYAKU_KAKARICHO));

        assertEquals(List.of("井上　大輔", "酒井　洋平"), edited.readers().stream().map(PostHolder::name).toList(),
                "供覧 readers in the order added");
        assertEquals(route.steps(), edited.steps(), "供覧 adds no step");
        assertTrue(edited.involves(JOHO_SHUJI), "a reader may see the 決裁");
        assertEquals(List.of(), edited.withoutReader(JOHO_SHUJI).withoutReader(KEIYAKU_KAKARICHO).readers());
    }

    @Test
    void nobodyAppearsTwiceOnTheRoute() {
        assertEquals(RouteException.Reason.DUPLICATE_PERSON, assertThrows(RouteException.class,
                () -> editor.addReaders(route, List.of(KACHO)), "the deciding 課長 is not also a reader").reason());
        assertEquals(RouteException.Reason.DUPLICATE_PERSON, assertThrows(RouteException.class,
                () -> editor.addReaders(route, List.of(SHUJI)), "the drafter is not a reader of their own draft").reason());
        ApprovalRoute withGogi = editor.addConsultation(route, List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);
        assertEquals(RouteException.Reason.DUPLICATE_PERSON, assertThrows(RouteException.class,
                () -> editor.addConsultation(withGogi, List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL),
                "the same 課長 cannot be asked twice").reason());
    }

    @Test
    void aSerialStepCanBeInsertedButNeverAfterTheDecision() {
        ApprovalRoute edited = editor.insertReview(route, 1, new ApproverPost(KEIYAKU_KAKARI, "係長"));

        assertEquals(List.of("回議:田中　直樹", "回議:酒井　洋平", "専決:野村　健一"), shape(edited),
                "the 契約管財係長 is inserted between the 財政係長 and the decision");
        RouteException e = assertThrows(RouteException.class,
                () -> editor.insertReview(route, 2, new ApproverPost(JOHO_KA, "課長")), "nothing goes after the 専決");
        assertEquals(RouteException.Reason.DECISION_NOT_LAST, e.reason());
    }

    @Test
    void theDecisionCannotBeRemovedButAnAddedStepCan() {
        ApprovalRoute edited = editor.addConsultation(route, List.of(new ApproverPost(JOHO_KA, "課長")), Consent.ALL);

        assertEquals(route.steps(), edited.withoutStep(1).steps(), "removing the 合議 gives the first route back");
        assertEquals(RouteException.Reason.DECISION_NOT_LAST, assertThrows(RouteException.class,
                () -> route.withoutStep(1), "the 専決 stays").reason());
    }

    @Test
    void aRouteMustEndInExactlyOneDecision() {
        PostHolder kacho = route.decision().approver();
        assertEquals(RouteException.Reason.DECISION_NOT_LAST, assertThrows(RouteException.class,
                () -> new ApprovalRoute(route.drafter(), DRAFT_DAY, List.of(RouteStep.review(kacho)), List.of()),
                "a route without 決裁 is refused").reason());
    }
}
