package org.kairan.core.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrganisationDirectoryTest {

    private static final LocalDate APRIL_2025 = LocalDate.of(2025, 4, 1);
    private static final LocalDate APRIL_2026 = LocalDate.of(2026, 4, 1);

    private final OrganisationDirectory directory = new OrganisationDirectory(new DirectorySnapshot(
            LocalDate.of(2026, 11, 26),
            List.of(new Position("部長", 80), new Position("課長", 60), new Position("主事", 20)),
            List.of(new OrgUnit("100000", null, UnitKind.BUREAU, "市長部局", "しちょうぶきょく", "", 1),
                    new OrgUnit("120000", "100000", UnitKind.DEPARTMENT, "企画財政部", "きかくざいせいぶ", "", 2),
                    new OrgUnit("120100", "120000", UnitKind.DIVISION, "財政課", "ざいせいか", "財", 1)),
            List.of(new StaffMember("120001", "山田　太郎", "やまだ　たろう", "", Set.of()),
                    new StaffMember("120009", "佐藤　花子", "さとう　はなこ", "", Set.of()),
                    new StaffMember("120002", "鈴木　一郎", "すずき　いちろう", "", Set.of())),
            List.of(new Assignment("120009", "120100", "課長", APRIL_2025, APRIL_2026.minusDays(1), AssignmentKind.PRIMARY),
                    new Assignment("120001", "120100", "課長", APRIL_2026, null, AssignmentKind.PRIMARY),
                    new Assignment("120002", "120100", "主事", APRIL_2025, null, AssignmentKind.PRIMARY))));

    @Test
    void answersWhoHeldAPostOnAGivenDay() {
        assertEquals("佐藤　花子", directory.holders("120100", "課長", LocalDate.of(2026, 3, 31)).getFirst().name(),
                "the 課長 until the April 人事異動 is the previous one");
        assertEquals("山田　太郎", directory.holders("120100", "課長", APRIL_2026).getFirst().name(),
                "the new 課長 holds the post from the 発令日");
    }

    @Test
    void listsMembersMostSeniorFirst() {
        assertEquals(List.of("120001", "120002"),
                directory.postsIn("120100", APRIL_2026).stream().map(Assignment::staffNo).toList());
    }

    @Test
    void searchFindsKatakanaAndHalfWidthInput() {
        assertEquals("120009", directory.search("サトウ").getFirst().staffNo(), "katakana finds the hiragana reading");
        assertEquals("120009", directory.search("ｻﾄｳ ﾊﾅｺ").getFirst().staffNo(), "half-width kana with a space");
        assertEquals("120001", directory.search("山田太郎").getFirst().staffNo(), "氏名 without the full-width space");
        assertTrue(directory.search("田中").isEmpty(), "nobody called 田中");
    }

    @Test
    void displayNameLeavesOutTheBureauAboveADepartment() {
        assertEquals("企画財政部 財政課", directory.unitDisplayName("120100"), "所属 starts at the 部");
        assertEquals("市長部局", directory.unitDisplayName("100000"), "a 部局 on its own keeps its name");
    }

    @Test
    void pathGoesFromBureauToUnit() {
        assertEquals(List.of("市長部局", "企画財政部", "財政課"),
                directory.pathTo("120100").stream().map(OrgUnit::name).toList());
    }
}
