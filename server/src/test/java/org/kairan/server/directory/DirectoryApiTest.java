package org.kairan.server.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.core.type.TypeReference;

/** Reading the organisation as staff do: search by 氏名 or かな, look people up, and the audit log by date. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiTest {

    RunningServer running;
    String shuji;
    String admin;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = RunningServer.h2(dataDir).withTestRoster();
        shuji = running.sessionFor(TestRoster.SHUJI);
        admin = running.sessionFor(TestRoster.ADMIN);
    }

    /** A test that moves the clock by days ends the sessions: log in again where needed. */
    @BeforeEach
    void freshSessions() {
        if (running.get("/api/session", shuji).statusCode() != 200) {
            shuji = running.sessionFor(TestRoster.SHUJI);
        }
        if (running.get("/api/session", admin).statusCode() != 200) {
            admin = running.sessionFor(TestRoster.ADMIN);
        }
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private List<String> search(String query) {
        HttpResponse<String> response = running.get("/api/directory/staff?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), shuji);
        assertEquals(200, response.statusCode(), "the search answers: " + response.body());
        return running.read(response, new TypeReference<List<StaffMember>>() {
        }).stream().map(StaffMember::staffNo).toList();
    }

    @Test
    void searchFindsPeopleByNameReadingOrNumberHoweverTheyAreTyped() {
        assertEquals(List.of(TestRoster.SHUJI), search("さとう"), "by reading in hiragana");
        assertEquals(List.of(TestRoster.SHUJI), search("サトウ"), "by reading in katakana");
        assertEquals(List.of(TestRoster.SHUJI), search("ｻﾄｳ"), "by reading in half-width katakana");
        assertEquals(List.of(TestRoster.SHUJI), search("佐藤 美咲"), "by 氏名 with a half-width space");
        assertEquals(List.of(TestRoster.KACHO), search("900003"), "by 職員番号");
        assertEquals(List.of(), search("鈴木"), "nobody of that name");
        assertEquals(4, search("").size(), "an empty search lists everybody");
    }

    @Test
    void theSessionShowsThePersonsPostToday() {
        SessionUser me = running.read(running.get("/api/session", shuji), SessionUser.class);
        assertEquals("120201", me.unitCode(), "their 本務 unit");
        assertEquals("企画財政部 財政課 財政係", me.unitName(), "their 所属 as people write it");
        assertEquals("主事", me.position(), "their 役職");
        assertTrue(me.roles().isEmpty(), "an ordinary member of staff has no roles");
    }

    @Test
    void theSnapshotHasTheWholeOrganisation() {
        DirectorySnapshot snapshot = running.read(running.get("/api/directory", shuji), DirectorySnapshot.class);
        assertEquals(6, snapshot.units().size(), "all six units");
        assertEquals(4, snapshot.staff().size(), "all four people");
        assertEquals(4, snapshot.assignments().size(), "all four assignments");
        assertEquals(java.time.LocalDate.ofInstant(running.clock.instant(), java.time.ZoneId.of("Asia/Tokyo")),
                snapshot.asOf(), "as of today in Japan");
        assertTrue(snapshot.staff().stream().anyMatch(s -> s.staffNo().equals(TestRoster.ADMIN)
                && s.has(org.kairan.core.organisation.Role.ADMIN)), "roles come with the staff");
    }

    @Test
    void theAuditLogIsReadByDateRange() {
        running.clock.advance(Duration.ofDays(2));
        running.sessionFor(TestRoster.KACHO);
        admin = running.sessionFor(TestRoster.ADMIN);
        List<AuditEntry> laterOnly = running.read(running.get("/api/admin/audit?from=2026-04-03", admin),
                new TypeReference<List<AuditEntry>>() {
                });
        assertTrue(!laterOnly.isEmpty() && laterOnly.stream().allMatch(
                e -> !e.at().isBefore(java.time.Instant.parse("2026-04-02T15:00:00Z"))),
                "from= a date starts at midnight in Japan: " + laterOnly);
        List<AuditEntry> firstDay = running.read(running.get("/api/admin/audit?to=2026-04-01", admin),
                new TypeReference<List<AuditEntry>>() {
                });
        assertTrue(firstDay.stream().noneMatch(e -> TestRoster.KACHO.equals(e.staffNo())),
                "to= a date ends that day: the later login is not in it");
        assertTrue(firstDay.stream().anyMatch(e -> TestRoster.SHUJI.equals(e.staffNo())),
                "the first day's logins are");
    }
}
