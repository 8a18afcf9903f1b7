package org.kairan.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.testing.RosterUploads;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * What the server stores, checked through its HTTP API on each supported database: the H2 default
 * and PostgreSQL ({@link H2StorageTest}, {@link PostgresStorageTest}).
 */
abstract class StorageContractTest {

    @TempDir
    Path dataDir;

    RunningServer running;
    String admin;

    /** Starts a server on a fresh database of the kind under test. */
    abstract RunningServer startServer(Path dataDir);

    @BeforeEach
    void start() {
        running = startServer(dataDir).withTestRoster();
        admin = running.sessionFor(TestRoster.ADMIN);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private DirectorySnapshot directory() {
        HttpResponse<String> response = running.get("/api/directory", admin);
        assertEquals(200, response.statusCode(), "the directory is readable: " + response.body());
        return running.read(response, DirectorySnapshot.class);
    }

    private List<AuditEntry> audit() {
        HttpResponse<String> response = running.get("/api/admin/audit", admin);
        assertEquals(200, response.statusCode(), "the audit log is readable by an administrator: " + response.body());
        return running.read(response, new TypeReference<List<AuditEntry>>() {
        });
    }

    @Test
    void theFirstMigrationSeedsTheUsualPositionsWithTheirRanks() {
        List<Position> positions = directory().positions();
        assertEquals(15, positions.size(), "the default 役職 table has 15 posts: " + positions);
        assertTrue(positions.contains(new Position("市長", 100)), "市長 ranks 100");
        assertTrue(positions.contains(new Position("課長", 60)), "課長 ranks 60");
        assertTrue(positions.contains(new Position("会計年度任用職員", 10)), "会計年度任用職員 ranks 10");
        assertEquals("市長", positions.getFirst().name(), "the most senior post comes first");
    }

    @Test
    void aUtf8RosterWithBomImportsUnitsAndStaffThroughTheApi() {
        String units = "組織コード,上位組織コード,区分,名称,かな,略称,表示順\n130000,100000,部,市民生活部,しみんせいかつぶ,,3\n"
                + "130100,130000,課,市民課,しみんか,市,1\n";
        String staff = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n"
                + "910001,\"鈴木　翔太\",スズキ　ショウタ,shota@city.example.jp,130100,主任,2026-04-01,本務,\n";
        HttpResponse<String> response = running.send(RosterUploads.multipart(running.uri("/api/admin/roster"), admin,
                RosterUploads.withBom(units.getBytes(StandardCharsets.UTF_8)), staff.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode(), "a valid roster is applied: " + response.body());
        ImportReport report = running.read(response, ImportReport.class);
        assertTrue(report.applied(), "the report says the roster was applied");
        assertEquals("UTF-8", report.encoding(), "the roster was read as UTF-8");
        assertEquals(2, report.unitsAccepted(), "both unit rows were accepted");
        assertEquals(1, report.staffAccepted(), "the staff row was accepted");
        StaffMember suzuki = running.read(running.get("/api/directory/staff/910001", admin), StaffMember.class);
        assertEquals("鈴木　翔太", suzuki.name(), "the name is stored as written");
        assertEquals("すずき　しょうた", suzuki.kana(), "a katakana reading is stored in hiragana");
        assertTrue(directory().units().stream().anyMatch(u -> u.code().equals("130100") && u.name().equals("市民課")),
                "the new 課 is in the directory");
    }

    @Test
    void aShiftJisRosterFromExcelKeepsEveryCharacter() {
        Charset cp932 = Charset.forName("windows-31j");
        String units = "組織コード,上位組織コード,区分,名称,かな,略称,表示順\r\n"
                + "120202,120200,係,第①契約係～管財,だいいちけいやくかかり,,2\r\n";
        String staff = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\r\n"
                + "910002,髙橋　①子,たかはし　まるこ,,120202,主事,2026/4/1,本務,\r\n";
        byte[] unitBytes = units.getBytes(cp932);
        assertEquals("第①契約係～管財", new String(unitBytes, cp932).split("\r\n")[1].split(",")[3],
                "the test bytes really are CP932 with ① and ～");
        HttpResponse<String> response = running.send(RosterUploads.multipart(running.uri("/api/admin/roster"), admin,
                unitBytes, staff.getBytes(cp932)));
        assertEquals(200, response.statusCode(), "a Shift_JIS roster is applied: " + response.body());
        assertEquals("windows-31j", running.read(response, ImportReport.class).encoding(),
                "the roster was recognised as Shift_JIS (windows-31j)");
        StaffMember takahashi = running.read(running.get("/api/directory/staff/910002", admin), StaffMember.class);
        assertEquals("髙橋　①子", takahashi.name(), "髙 and ① survive the import");
        OrgUnit unit = directory().units().stream().filter(u -> u.code().equals("120202")).findFirst().orElseThrow();
        assertEquals("第①契約係～管財", unit.name(), "～ (U+FF5E) survives the import");
    }

    @Test
    void aRosterWithRejectedRowsWritesNothingAndSaysWhyForEachRow() {
        int staffBefore = directory().staff().size();
        int auditBefore = audit().size();
        String staff = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n"
                + "920001,正しい　人,ただしい　ひと,,120201,主事,2026-04-01,本務,\n"
                + "920002,所属　不明,しょぞく　ふめい,,999999,主事,2026-04-01,本務,\n"
                + "920003,役職　不明,やくしょく　ふめい,,120201,係長補佐,2026-04-01,本務,\n"
                + "920004,日付　誤り,ひづけ　あやまり,,120201,主事,2026/2/30,本務,\n"
                + "920005,,なまえ　なし,,120201,主事,2026-04-01,本務,\n"
                + "920006,かな　誤り,Kana,,120201,主事,2026-04-01,本務,\n"
                + "920007,列　不足,れつ　ふそく,,120201,主事\n"
                + "900004,別　人,べつ　じん,,120201,主事,2026-04-01,兼務,\n"
                + "920001,違う　人,ちがう　ひと,,120201,主事,2026-05-01,兼務,\n";
        HttpResponse<String> response = running.post("/api/admin/roster", admin, "text/csv; charset=utf-8",
                staff.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.statusCode(), "a roster with bad rows is refused: " + response.body());
        ImportReport report = running.read(response, ImportReport.class);
        assertFalse(report.applied(), "the report says nothing was applied");
        List<String> reasons = report.rejected().stream().map(r -> r.line() + ":" + r.reason()).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("3:") && r.contains("所属コード 999999")),
                "line 3 names the unknown 所属コード: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("4:") && r.contains("役職「係長補佐」")),
                "line 4 names the unknown 役職: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("5:") && r.contains("発令日")), "line 5 has a bad date");
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("6:") && r.contains("氏名がありません")),
                "line 6 has no 氏名: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("7:") && r.contains("かな")), "line 7 has a bad かな");
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("8:") && r.contains("列の数")),
                "line 8 has the wrong column count: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("10:") && r.contains("別の氏名")),
                "line 10 repeats a 職員番号 with another 氏名: " + reasons);
        assertEquals(7, report.rejected().size(), "exactly the seven bad rows are rejected: " + reasons);
        assertEquals(staffBefore, directory().staff().size(), "not even the good row was imported");
        assertEquals(auditBefore + 1, audit().size(), "only the first audit read was logged, no import");
    }

    @Test
    void aRosterThatWouldLeaveNoAdministratorIsRefused() {
        String staff = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n"
                + "900001,管理　太郎,かんり　たろう,kanri@city.example.jp,110400,課長,2025-04-01,本務,\n";
        HttpResponse<String> response = running.post("/api/admin/roster", admin, "text/csv; charset=utf-8",
                staff.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.statusCode(), "removing the last 管理者 is refused: " + response.body());
        ImportReport report = running.read(response, ImportReport.class);
        assertFalse(report.applied(), "nothing was applied");
        assertTrue(report.rejected().getFirst().reason().contains("管理者"), "the report says why: " + report);
        assertEquals(200, running.get("/api/admin/audit", admin).statusCode(),
                "the administrator keeps the role and can still read the audit log");
    }

    @Test
    void importingTheSameRosterAgainChangesNothing() {
        DirectorySnapshot before = directory();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = running.send(RosterUploads.multipart(running.uri("/api/admin/roster"),
                    admin, TestRoster.UNITS.getBytes(StandardCharsets.UTF_8),
                    TestRoster.STAFF.getBytes(StandardCharsets.UTF_8)));
            assertEquals(200, response.statusCode(), "re-importing the roster is accepted: " + response.body());
        }
        DirectorySnapshot after = directory();
        assertEquals(before.units(), after.units(), "the units are unchanged");
        assertEquals(before.staff(), after.staff(), "the staff are unchanged");
        assertEquals(before.assignments(), after.assignments(), "no assignment was duplicated or ended");
    }

    @Test
    void aTransferEndsThePreviousPostSoTheDirectoryAnswersAsOfAnyDate() {
        LocalDate aprilFirst = LocalDate.of(2026, 4, 1);
        HttpResponse<String> response = running.postJson("/api/admin/transfers", admin, List.of(
                new TransferRequest(TestRoster.ADMIN, TestRoster.ZAISEI_KA, "課長", aprilFirst, AssignmentKind.PRIMARY),
                new TransferRequest(TestRoster.KACHO, TestRoster.JOHO_KA, "課長", aprilFirst, AssignmentKind.PRIMARY)));
        assertEquals(204, response.statusCode(), "the 人事異動 is applied: " + response.body());

        assertEquals(List.of(TestRoster.KACHO), holders(TestRoster.ZAISEI_KA, "2026-03-31"),
                "on 2026-03-31 the 課長 of 財政課 is still the old one");
        assertEquals(List.of(TestRoster.ADMIN), holders(TestRoster.ZAISEI_KA, "2026-04-01"),
                "on 2026-04-01 the 課長 of 財政課 is the one transferred in");
        assertEquals(List.of(TestRoster.KACHO), holders(TestRoster.JOHO_KA, "2026-04-01"),
                "the old 課長 of 財政課 heads 情報政策課 from 2026-04-01");

        List<Assignment> kacho = directory().assignments().stream()
                .filter(a -> a.staffNo().equals(TestRoster.KACHO)).toList();
        assertEquals(2, kacho.size(), "the person has the old and the new post: " + kacho);
        assertEquals(LocalDate.of(2026, 3, 31), kacho.getFirst().effectiveUntil(),
                "the previous 本務 ends the day before the 発令日");
        assertNull(kacho.get(1).effectiveUntil(), "the new 本務 lasts");

        SessionUser moved = running.read(running.get("/api/session", running.sessionFor(TestRoster.KACHO)),
                SessionUser.class);
        assertEquals("総務部 情報政策課", moved.unitName(), "today (2026-04-01) their 所属 is the new 課");
    }

    private List<String> holders(String unit, String date) {
        HttpResponse<String> response = running.get("/api/directory/holders?unit=" + unit
                + "&position=%E8%AA%B2%E9%95%B7&date=" + date, admin);
        assertEquals(200, response.statusCode(), "the holders query answers: " + response.body());
        return running.read(response, new TypeReference<List<StaffMember>>() {
        }).stream().map(StaffMember::staffNo).toList();
    }

    @Test
    void aTransferToAnUnknownUnitWritesNothing() {
        DirectorySnapshot before = directory();
        HttpResponse<String> response = running.postJson("/api/admin/transfers", admin, List.of(
                new TransferRequest(TestRoster.SHUJI, TestRoster.ZAISEI_KA, "主任", LocalDate.of(2026, 4, 1), null),
                new TransferRequest(TestRoster.KACHO, "999999", "課長", LocalDate.of(2026, 4, 1), null)));
        assertEquals(422, response.statusCode(), "a transfer to an unknown unit is refused: " + response.body());
        ApiError error = running.read(response, ApiError.class);
        assertEquals(ErrorCode.UNPROCESSABLE, error.error(), "the error says the request cannot be applied");
        assertEquals("[1].unitCode", error.field(), "the error names the offending field");
        assertEquals(before.assignments(), directory().assignments(), "the valid first transfer was not applied either");
    }

    @Test
    void theAuditChainVerifiesAndATamperedRowIsFound() {
        running.sessionFor(TestRoster.SHUJI);
        AuditVerification intact = running.read(running.get("/api/admin/audit/verify", admin), AuditVerification.class);
        assertTrue(intact.intact(), "an untouched audit log verifies: " + intact.message());
        List<AuditEntry> entries = audit();
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("LOGIN") && e.result().equals("SUCCESS")
                && TestRoster.SHUJI.equals(e.staffNo()) && "主事".equals(e.position())
                && "企画財政部 財政課 財政係".equals(e.unit()) && "佐藤　美咲".equals(e.name())),
                "a login is recorded with 所属・役職・氏名: " + entries);

        long target = entries.get(2).seq();
        running.server.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET result = 'FAILURE' WHERE seq = ?")) {
                ps.setLong(1, target);
                return ps.executeUpdate();
            }
        });
        AuditVerification broken = running.read(running.get("/api/admin/audit/verify", admin), AuditVerification.class);
        assertFalse(broken.intact(), "a changed entry breaks the chain");
        assertEquals(target, broken.firstBrokenSeq(), "verification names the changed entry");
    }

    @Test
    void deletingTheLastAuditEntriesIsNoticed() {
        running.read(running.get("/api/admin/audit/verify", admin), AuditVerification.class);
        running.server.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")) {
                return ps.executeUpdate();
            }
        });
        AuditVerification result = running.read(running.get("/api/admin/audit/verify", admin), AuditVerification.class);
        assertFalse(result.intact(), "a log cut short at the end no longer matches its recorded head: "
                + result.message());
    }

    @Test
    void concurrentAuditedActionsKeepTheChainLinear() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String target = i % 2 == 0 ? TestRoster.SHUJI : TestRoster.KACHO;
                results.add(pool.submit(() -> running.post("/api/admin/users/" + target + "/unlock", admin,
                        null, new byte[0]).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(204, result.get(60, TimeUnit.SECONDS), "every concurrent admin action succeeds");
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> entries = audit();
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq(), "audit entries are numbered without gaps or duplicates");
        }
        assertEquals(40, entries.stream().filter(e -> e.action().equals("UNLOCK")).count(),
                "each of the 40 actions was recorded once");
        AuditVerification result = running.read(running.get("/api/admin/audit/verify", admin), AuditVerification.class);
        assertTrue(result.intact(), "the chain written by concurrent requests verifies: " + result.message());
    }

    @Test
    void aSessionLivesInTheDatabaseUntilLogout() {
        String token = running.sessionFor(TestRoster.SHUJI);
        HttpResponse<String> me = running.get("/api/session", token);
        assertEquals(200, me.statusCode(), "the session is valid: " + me.body());
        assertEquals("佐藤　美咲", running.read(me, SessionUser.class).name(), "the session belongs to the person");
        assertEquals(204, running.post("/api/auth/logout", token, null, new byte[0]).statusCode(), "logout answers 204");
        assertEquals(401, running.get("/api/session", token).statusCode(), "the token no longer works after logout");
    }
}
