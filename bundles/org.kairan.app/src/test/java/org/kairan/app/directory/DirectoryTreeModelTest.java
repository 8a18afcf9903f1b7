package org.kairan.app.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kairan.app.directory.DirectoryNode.PostNode;
import org.kairan.app.directory.DirectoryNode.UnitNode;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;

class DirectoryTreeModelTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private static OrganisationDirectory city() {
        List<OrgUnit> units = List.of(
                new OrgUnit("100000", null, UnitKind.BUREAU, "市長部局", "しちょうぶきょく", "", 1),
                new OrgUnit("120000", "100000", UnitKind.DEPARTMENT, "企画財政部", "きかくざいせいぶ", "", 2),
                new OrgUnit("120100", "120000", UnitKind.DIVISION, "財政課", "ざいせいか", "", 1),
                new OrgUnit("120110", "120100", UnitKind.SECTION, "財政係", "ざいせいかかり", "", 1),
                new OrgUnit("130000", "100000", UnitKind.DEPARTMENT, "市民生活部", "しみんせいかつぶ", "", 3),
                new OrgUnit("200000", null, UnitKind.BUREAU, "教育委員会", "きょういくいいんかい", "", 2));
        List<StaffMember> staff = List.of(
                new StaffMember("100001", "北川 誠一", "きたがわ せいいち", "", Set.of()),
                new StaffMember("120001", "佐藤 一郎", "さとう いちろう", "", Set.of()),
                new StaffMember("120002", "佐藤 美咲", "さとう みさき", "", Set.of()),
                new StaffMember("120003", "鈴木 健", "すずき けん", "", Set.of()),
                new StaffMember("130001", "高橋 花", "たかはし はな", "", Set.of()),
                new StaffMember("999999", "退職 済", "たいしょく すみ", "", Set.of()));
        List<Assignment> posts = List.of(
                new Assignment("100001", "100000", "市長", LocalDate.of(2024, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("120001", "120100", "課長", LocalDate.of(2025, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("120002", "120110", "主事", LocalDate.of(2026, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("120003", "120110", "係長", LocalDate.of(2026, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("120003", "130000", "主査", LocalDate.of(2026, 4, 1), null, AssignmentKind.CONCURRENT),
                new Assignment("130001", "130000", "主任", LocalDate.of(2026, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("999999", "130000", "主事", LocalDate.of(2020, 4, 1), LocalDate.of(2026, 3, 31),
                        AssignmentKind.PRIMARY));
        List<Position> positions = List.of(new Position("市長", 100), new Position("課長", 50),
                new Position("係長", 30), new Position("主査", 25), new Position("主任", 20), new Position("主事", 10));
        return new OrganisationDirectory(new DirectorySnapshot(DAY, positions, units, staff, posts));
    }

    private static List<String> names(List<DirectoryNode> nodes) {
        List<String> out = new ArrayList<>();
        for (DirectoryNode node : nodes) {
            out.add(switch (node) {
                case UnitNode u -> u.unit().name();
                case PostNode p -> p.member().name() + "/" + p.assignment().position();
            });
        }
        return out;
    }

    private static DirectoryNode unit(DirectoryTreeModel model, String code) {
        return new UnitNode(model.directory().unit(code).orElseThrow());
    }

    @Test
    void withoutSearchEveryUnitListsItsPeopleFirstThenItsSubUnits() {
        DirectoryTreeModel model = new DirectoryTreeModel(city(), DAY, "");
        assertEquals(List.of("市長部局", "教育委員会"), names(model.roots()), "部局 in their display order");
        assertEquals(List.of("北川 誠一/市長", "企画財政部", "市民生活部"), names(model.children(model.roots().get(0))),
                "people posted in the 部局 itself come before its 部");
        assertEquals(List.of("鈴木 健/係長", "佐藤 美咲/主事"), names(model.children(unit(model, "120110"))),
                "most senior first");
        assertEquals(5, model.staffCount(), "a person with two posts counts once; one who left on 3/31 does not count");
        assertFalse(model.isFiltered(), "an empty search shows everybody");
    }

    @Test
    void searchingByKanaKeepsOnlyMatchingPeopleAndTheUnitsLeadingToThem() {
        DirectoryTreeModel model = new DirectoryTreeModel(city(), DAY, "サトウ");
        assertTrue(model.isFiltered(), "a query filters");
        assertEquals(2, model.matchingCount(), "katakana finds both 佐藤 written in hiragana");
        assertEquals(List.of("市長部局"), names(model.roots()), "教育委員会 has nobody matching and is hidden");
        assertEquals(List.of("企画財政部"), names(model.children(model.roots().get(0))),
                "only the branch with matches stays");
        assertEquals(List.of("佐藤 一郎/課長", "財政係"), names(model.children(unit(model, "120100"))),
                "the 課長 and the 係 leading to the other match");
    }

    @Test
    void searchingByNameAndByStaffNumberWork() {
        assertEquals(1, new DirectoryTreeModel(city(), DAY, "鈴木").matchingCount(), "by 氏名");
        assertEquals(1, new DirectoryTreeModel(city(), DAY, "130001").matchingCount(), "by 職員番号");
        DirectoryTreeModel none = new DirectoryTreeModel(city(), DAY, "山田");
        assertEquals(0, none.matchingCount(), "nobody is called 山田");
        assertTrue(none.roots().isEmpty(), "and the tree is empty");
    }

    @Test
    void aPersonsPostsAndAUnitsHeadcountAreComplete() {
        DirectoryTreeModel model = new DirectoryTreeModel(city(), DAY, "");
        List<Assignment> posts = model.postsOf("120003");
        assertEquals(2, posts.size(), "本務 and 兼務");
        assertEquals(AssignmentKind.PRIMARY, posts.get(0).kind(), "本務 first");
        assertEquals(3, model.headcount("120000"), "企画財政部 counts the people of its 課 and 係");
        assertEquals("企画財政部", names(List.of(model.parent(unit(model, "120100")))).get(0), "parent of 財政課");
    }
}
