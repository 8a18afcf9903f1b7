package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.core.kessai.DemoCity.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteBuilderTest {

    private final RouteBuilder builder = DemoCity.routeBuilder();

    private static List<String> people(ApprovalRoute route) {
        return route.steps().stream().map(s -> s.approver().position() + ":" + s.kind().label()).toList();
    }

    @Test
    void aSmallPurchaseByAShujiGoesToTheKakarichoAndEndsWithTheKachoBySenketsu() {
        ApprovalRoute route = builder.build(SHUJI, DRAFT_DAY, "物品購入", 150_000);

        assertEquals(List.of("係長:回議", "課長:専決"), people(route), "¥150,000 is within the 課長's 専決");
        assertEquals("田中　直樹", route.steps().get(0).approver().name(), "the 財政係長 approves first");
        assertEquals("野村　健一", route.decision().approver().name(), "the 財政課長 decides");
        assertTrue(route.isDelegated(), "a 課長 decision is 専決");
        assertEquals("企画財政部 財政課 財政係", route.drafter().unitName(), "the drafter's 所属 as of the draft date");
        assertEquals(DRAFT_DAY, route.asOf(), "the route remembers the day its posts were resolved");
    }

    @Test
    void theCeilingIsInclusive() {
        assertEquals("課長", builder.build(SHUJI, DRAFT_DAY, "物品購入", 200_000).decision().approver().position(),
                "exactly ¥200,000 is still the 課長's");
        assertEquals("部長", builder.build(SHUJI, DRAFT_DAY, "物品購入", 200_001).decision().approver().position(),
                "one yen more goes to the 部長");
    }

    @Test
    void aLargerPurchaseGoesUpToTheBucho() {
        ApprovalRoute route = builder.build(SHUJI, DRAFT_DAY, "物品購入", 800_000);

        assertEquals(List.of("係長:回議", "課長:回議", "部長:専決"), people(route), "¥800,000 is the 部長's 専決");
    }

    @Test
    void aPurchaseAboveTheDeputyMayorsCeilingIsDecidedByTheMayorNotBySenketsu() {
        ApprovalRoute route = builder.build(SHUJI, DRAFT_DAY, "物品購入", 10_000_000);

        assertEquals(List.of("係長:回議", "課長:回議", "部長:回議", "副市長:回議", "市長:決裁"), people(route),
                "¥10,000,000 goes through the whole chain to the 市長");
        assertFalse(route.isDelegated(), "the 市長's decision is 決裁, not 専決");
    }

    @Test
    void aVacantKakarichoIsSkipped() {
        ApprovalRoute route = builder.build(SHUJI, NO_KAKARICHO, "物品購入", 150_000);

        assertEquals(List.of("課長:専決"), people(route), "with the 係長 post vacant the draft goes straight to the 課長");
    }

    @Test
    void aKakarichoDraftingSkipsThemself() {
        ApprovalRoute route = builder.build(KAKARICHO, DRAFT_DAY, "物品購入", 150_000);

        assertEquals(List.of("課長:専決"), people(route), "the 係長 does not approve their own draft");
        assertEquals("係長", route.drafter().position(), "the drafter is the 係長");
    }

    @Test
    void aVacantDecidingPostMeansNobodyCanDecide() {
        RouteException e = assertThrows(RouteException.class,
                () -> builder.build(SHUJI, NO_BUCHO, "物品購入", 800_000), "a vacant 部長 cannot decide");

        assertEquals(RouteException.Reason.VACANT_POST, e.reason());
        assertTrue(e.getMessage().contains("企画財政部部長") && e.getMessage().contains("欠員"),
                "the message names the vacant post in Japanese: " + e.getMessage());
    }

    @Test
    void aDecidingPostAboveNobodyInTheChainIsAnError() {
        RouteException e = assertThrows(RouteException.class,
                () -> builder.build(BUCHO, DRAFT_DAY, "物品購入", 150_000), "a 部長 has no 課長 above them");

        assertEquals(RouteException.Reason.NOT_IN_CHAIN, e.reason());
        assertTrue(e.getMessage().contains("決裁系統"), "the message says the 課長 is not in the chain: " + e.getMessage());
    }

    @Test
    void theDrafterHoldingTheDecidingPostIsRefused() {
        RouteException e = assertThrows(RouteException.class,
                () -> builder.build(KACHO, DRAFT_DAY, "物品購入", 150_000), "a 課長 cannot 専決 their own draft");

        assertEquals(RouteException.Reason.DRAFTER_DECIDES, e.reason());
    }

    @Test
    void anUnknownKindIsAnExplicitError() {
        RouteException e = assertThrows(RouteException.class,
                () -> builder.build(SHUJI, DRAFT_DAY, "寄附受納", 0), "寄附受納 is not in the table");

        assertEquals(RouteException.Reason.UNKNOWN_KIND, e.reason());
        assertTrue(e.getMessage().contains("寄附受納"), "the message names the kind: " + e.getMessage());
    }

    @Test
    void aDrafterWithoutPostOnTheDayIsRefused() {
        RouteException e = assertThrows(RouteException.class,
                () -> builder.build(KAKARICHO, NO_KAKARICHO, "物品購入", 150_000), "the 係長 has left by October");

        assertEquals(RouteException.Reason.NO_PRIMARY_POST, e.reason());
    }

    @Test
    void aMatterWithoutAmountUsesItsKind() {
        assertEquals(List.of("係長:回議", "課長:回議", "部長:専決"),
                people(builder.build(SHUJI, DRAFT_DAY, "一般（重要）", 0)), "an important 一般 matter is the 部長's");
    }
}
