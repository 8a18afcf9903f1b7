package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.core.kessai.DemoCity.*;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kairan.core.organisation.OrganisationDirectory;

class SubstituteRulesTest {

    private final OrganisationDirectory directory = DemoCity.directory();
    private final PostHolder kacho = new PostHolder(ZAISEI_KA, "企画財政部 財政課", "課長", KACHO, "野村　健一");

    @Test
    void anAbsentKachoIsStoodInForByTheFirstKakarichoBelowWhenThereIsNoKachoHosa() {
        Optional<PostHolder> standIn = SubstituteRules.standard().standIn(directory, kacho, DRAFT_DAY, no -> false,
                no -> no.equals(SHUJI));
        assertEquals(KAKARICHO, standIn.orElseThrow().staffNo(), "the 財政係長 (first 係 of the 課) stands in");
        assertEquals("係長", standIn.get().position());
    }

    @Test
    void aStandInWhoIsAwayHimselfIsPassedOver() {
        Optional<PostHolder> standIn = SubstituteRules.standard().standIn(directory, kacho, DRAFT_DAY,
                no -> no.equals(KAKARICHO), no -> false);
        assertEquals(KEIYAKU_KAKARICHO, standIn.orElseThrow().staffNo(), "the next 係長 in order stands in");
    }

    @Test
    void aRuleForOneUnitOverridesTheGeneralOrder() {
        SubstituteRules rules = SubstituteRules.parse("課長 = 課長補佐, 係長\n" + ZAISEI_KA + " 課長 = 部長\n");
        assertTrue(rules.standIn(directory, kacho, DRAFT_DAY, no -> false, no -> false).isEmpty(),
                "財政課 names only a 部長, and there is none inside 財政課");
    }

    @Test
    void aMalformedLineIsNamed() {
        DecisionRulesException e = assertThrows(DecisionRulesException.class,
                () -> SubstituteRules.parse("課長 = 係長\n部長 次長\n"));
        assertEquals(2, e.line(), "the error names line 2");
        assertTrue(e.getMessage().startsWith("2行目"), "the message names line 2: " + e.getMessage());
    }
}
