package org.kairan.client.kessai.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kairan.client.internal.JsonCodec;
import org.kairan.client.sync.internal.InMemoryServer;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.DecisionRules;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteBuilder;
import org.kairan.core.kessai.StandIn;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.EntityTypes;

/**
 * A small 伊織市 for the 決裁 tests of the desktop: 市長, 副市長, 企画財政部 with 財政課 財政係, and 総務部 with
 * 情報政策課 (for 合議). Publishes its directory and 決裁 settings to an {@link InMemoryServer}'s feed as the
 * server would, and makes 案件 with the workflow the server runs.
 */
final class IoriCity {

    static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    static final LocalDate DRAFT_DAY = LocalDate.of(2026, 11, 20);
    static final Instant T0 = Instant.parse("2026-11-20T00:30:00Z");

    static final String MAYOR = "100001";
    static final String DEPUTY_MAYOR = "345909";
    static final String BUCHO = "707657";
    static final String KACHO = "120001";
    static final String KAKARICHO = "466475";
    static final String SHUJI = "120002";
    static final String JOHO_KACHO = "611001";

    static final String ZAISEI_KA = "120200";
    static final String ZAISEI_KAKARI = "120201";
    static final String JOHO_KA = "110400";

    private static final JsonCodec JSON = new JsonCodec();

    private static final List<OrgUnit> UNITS = List.of(
            new OrgUnit("100000", null, UnitKind.BUREAU, "市長部局", "しちょうぶきょく", "", 1),
            new OrgUnit("110000", "100000", UnitKind.DEPARTMENT, "総務部", "そうむぶ", "", 1),
            new OrgUnit(JOHO_KA, "110000", UnitKind.DIVISION, "情報政策課", "じょうほうせいさくか", "情", 4),
            new OrgUnit("120000", "100000", UnitKind.DEPARTMENT, "企画財政部", "きかくざいせいぶ", "", 2),
            new OrgUnit(ZAISEI_KA, "120000", UnitKind.DIVISION, "財政課", "ざいせいか", "財", 2),
            new OrgUnit(ZAISEI_KAKARI, ZAISEI_KA, UnitKind.SECTION, "財政係", "ざいせいかかり", "", 1));
    private static final List<Position> POSITIONS = List.of(new Position("市長", 100), new Position("副市長", 90),
            new Position("部長", 80), new Position("課長", 60), new Position("係長", 40), new Position("主事", 20));
    private static final List<StaffMember> STAFF = List.of(staff(MAYOR, "北川　誠一"), staff(DEPUTY_MAYOR, "小川　英明"),
            staff(BUCHO, "福島　俊明"), staff(KACHO, "野村　健一"), staff(KAKARICHO, "田中　直樹"), staff(SHUJI, "佐藤　美咲"),
            staff(JOHO_KACHO, "木村　茂"));
    private static final List<Assignment> POSTS = List.of(post(MAYOR, "100000", "市長"),
            post(DEPUTY_MAYOR, "100000", "副市長"), post(BUCHO, "120000", "部長"), post(KACHO, ZAISEI_KA, "課長"),
            post(KAKARICHO, ZAISEI_KAKARI, "係長"), post(SHUJI, ZAISEI_KAKARI, "主事"), post(JOHO_KACHO, JOHO_KA, "課長"));

    private IoriCity() {
    }

    private static StaffMember staff(String no, String name) {
        return new StaffMember(no, name, "", "", Set.of());
    }

    private static Assignment post(String no, String unit, String position) {
        return new Assignment(no, unit, position, APRIL, null, AssignmentKind.PRIMARY);
    }

    static OrganisationDirectory directory() {
        return new OrganisationDirectory(new DirectorySnapshot(DRAFT_DAY, POSITIONS, UNITS, STAFF, POSTS));
    }

    /** The person as their session says. */
    static SessionUser user(String staffNo) {
        OrganisationDirectory d = directory();
        Assignment post = d.primaryPost(staffNo, DRAFT_DAY).orElseThrow();
        return new SessionUser(staffNo, d.member(staffNo).orElseThrow().name(), "", post.unitCode(),
                d.unitDisplayName(post.unitCode()), post.position(), Set.of());
    }

    /** Puts the directory and the 決裁 settings into the feed. */
    static void publishCity(InMemoryServer server, KessaiSettings settings) {
        POSITIONS.forEach(p -> server.publish(EntityTypes.POSITION, p.name(), JSON.writeText(p)));
        UNITS.forEach(u -> server.publish(EntityTypes.UNIT, u.code(), JSON.writeText(u)));
        STAFF.forEach(s -> server.publish(EntityTypes.STAFF, s.staffNo(), JSON.writeText(s)));
        POSTS.forEach(a -> server.publish(EntityTypes.ASSIGNMENT, EntityTypes.assignmentId(a), JSON.writeText(a)));
        server.publish(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, JSON.writeText(settings));
    }

    static void publish(InMemoryServer server, Kessai kessai) {
        server.publish(EntityTypes.KESSAI, kessai.id(), JSON.writeText(kessai));
    }

    static RouteBuilder routes() {
        return new RouteBuilder(DecisionRules.standard(), CommandChain.standard(), directory());
    }

    /** A draft of the 主事, saved at {@code at}. */
    static Kessai draft(String title, String kind, long amountYen, Instant at, Attachment... files) {
        ApprovalRoute route = routes().build(SHUJI, DRAFT_DAY, kind, amountYen);
        KessaiDraft draft = new KessaiDraft(UUID.randomUUID().toString(), title, "契約・財務", title + "の起案理由",
                kind, amountYen, false, DRAFT_DAY, route, List.of());
        return KessaiWorkflow.newDraft(draft, route, ZAISEI_KA, List.of(files), at);
    }

    /** The ¥150,000 物品購入 of the issue: 係長 回議, 課長 専決. */
    static Kessai purchase(String title, Instant at) {
        return draft(title, "物品購入", 150_000, at);
    }

    /** The 案件 after {@code staffNo} did {@code kind} (no comment) at {@code at}. */
    static Kessai act(Kessai k, String staffNo, ActionKind kind, Instant at) {
        return act(k, staffNo, KessaiAction.on(k, kind, ""), at);
    }

    static Kessai act(Kessai k, String staffNo, KessaiAction action, Instant at) {
        return KessaiWorkflow.act(k, action, person(k, staffNo), at);
    }

    static PostHolder person(Kessai k, String staffNo) {
        if (k.drafterNo().equals(staffNo)) {
            return k.route().drafter();
        }
        return k.route().steps().stream().flatMap(s -> s.approvers().stream())
                .filter(p -> p.staffNo().equals(staffNo)).findFirst()
                .or(() -> k.standIns().stream().map(StandIn::substitute).filter(p -> p.staffNo().equals(staffNo))
                        .findFirst())
                .or(() -> k.route().readers().stream().filter(p -> p.staffNo().equals(staffNo)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException(staffNo + " is not on " + k.title()));
    }

    /** A PDF attachment as the server lists it. */
    static Attachment pdf(String name, byte[] content, Instant at) {
        return new Attachment(UUID.randomUUID().toString(), name, Attachment.PDF, content.length,
                InMemoryServer.sha256(content), 1, 1, SHUJI, at, false);
    }
}
