package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;

/**
 * A small 伊織市 for the 決裁 tests: 市長 and 副市長; 企画財政部 with 財政課 (財政係, 契約管財係); 総務部
 * with 総務課 and 情報政策課 for 合議. The 財政係長 leaves after 2026-09-30 and the 企画財政部長 after
 * 2026-12-31, leaving their posts vacant.
 */
final class DemoCity {

    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    static final LocalDate DRAFT_DAY = LocalDate.of(2026, 6, 1);
    static final LocalDate NO_KAKARICHO = LocalDate.of(2026, 10, 1);
    static final LocalDate NO_BUCHO = LocalDate.of(2027, 1, 5);

    static final String MAYOR = "100001";
    static final String DEPUTY_MAYOR = "345909";
    static final String BUCHO = "707657";
    static final String KACHO = "120001";
    static final String KAKARICHO = "466475";
    static final String SHUJI = "120002";
    static final String KEIYAKU_KAKARICHO = "438784";
    static final String JOHO_KACHO = "611001";
    static final String SOMU_KACHO = "611002";
    static final String JOHO_SHUJI = "611003";

    static final String BUREAU = "100000";
    static final String KIKAKU_ZAISEI_BU = "120000";
    static final String ZAISEI_KA = "120200";
    static final String ZAISEI_KAKARI = "120201";
    static final String KEIYAKU_KAKARI = "120202";
    static final String SOMU_KA = "110200";
    static final String JOHO_KA = "110400";
    static final String JOHO_SYSTEM_KAKARI = "110401";

    static final List<OrgUnit> UNITS = List.of(
            new OrgUnit(BUREAU, null, UnitKind.BUREAU, "市長部局", "しちょうぶきょく", "", 1),
            new OrgUnit("110000", BUREAU, UnitKind.DEPARTMENT, "総務部", "そうむぶ", "", 1),
            new OrgUnit(SOMU_KA, "110000", UnitKind.DIVISION, "総務課", "そうむか", "総", 2),
            new OrgUnit(JOHO_KA, "110000", UnitKind.DIVISION, "情報政策課", "じょうほうせいさくか", "情", 4),
            new OrgUnit(JOHO_SYSTEM_KAKARI, JOHO_KA, UnitKind.SECTION, "情報システム係", "じょうほうしすてむかかり", "", 1),
            new OrgUnit(KIKAKU_ZAISEI_BU, BUREAU, UnitKind.DEPARTMENT, "企画財政部", "きかくざいせいぶ", "", 2),
            new OrgUnit(ZAISEI_KA, KIKAKU_ZAISEI_BU, UnitKind.DIVISION, "財政課", "ざいせいか", "財", 2),
            new OrgUnit(ZAISEI_KAKARI, ZAISEI_KA, UnitKind.SECTION, "財政係", "ざいせいかかり", "", 1),
            new OrgUnit(KEIYAKU_KAKARI, ZAISEI_KA, UnitKind.SECTION, "契約管財係", "けいやくかんざいかかり", "", 2));

    private DemoCity() {
    }

    static OrganisationDirectory directory() {
        return new OrganisationDirectory(new DirectorySnapshot(DRAFT_DAY,
                List.of(new Position("市長", 100), new Position("副市長", 90), new Position("部長", 80),
                        new Position("課長", 60), new Position("係長", 40), new Position("主事", 20)),
                UNITS,
                List.of(staff(MAYOR, "北川　誠一"), staff(DEPUTY_MAYOR, "小川　英明"), staff(BUCHO, "福島　俊明"),
                        staff(KACHO, "野村　健一"), staff(KAKARICHO, "田中　直樹"), staff(SHUJI, "佐藤　美咲"),
                        staff(KEIYAKU_KAKARICHO, "酒井　洋平"), staff(JOHO_KACHO, "木村　茂"),
                        staff(SOMU_KACHO, "林　由美"), staff(JOHO_SHUJI, "井上　大輔")),
                List.of(post(MAYOR, BUREAU, "市長", null), post(DEPUTY_MAYOR, BUREAU, "副市長", null),
                        post(BUCHO, KIKAKU_ZAISEI_BU, "部長", LocalDate.of(2026, 12, 31)),
                        post(KACHO, ZAISEI_KA, "課長", null),
                        post(KAKARICHO, ZAISEI_KAKARI, "係長", LocalDate.of(2026, 9, 30)),
                        post(SHUJI, ZAISEI_KAKARI, "主事", null),
                        post(KEIYAKU_KAKARICHO, KEIYAKU_KAKARI, "係長", null),
                        post(JOHO_KACHO, JOHO_KA, "課長", null), post(SOMU_KACHO, SOMU_KA, "課長", null),
                        post(JOHO_SHUJI, JOHO_SYSTEM_KAKARI, "主事", null))));
    }

    static RouteBuilder routeBuilder() {
        return new RouteBuilder(DecisionRules.standard(), CommandChain.standard(), directory());
    }

    private static StaffMember staff(String no, String name) {
        return new StaffMember(no, name, "", "", Set.of());
    }

    private static Assignment post(String no, String unit, String position, LocalDate until) {
        return new Assignment(no, unit, position, APRIL, until, AssignmentKind.PRIMARY);
    }
}
