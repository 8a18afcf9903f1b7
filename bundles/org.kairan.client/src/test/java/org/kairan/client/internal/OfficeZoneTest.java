package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.testing.DemoAccounts;

/**
 * A desktop whose own clock runs in UTC (as the CI machine's and many a teleworker's laptop) reckons "today" in
 * the office's zone, which the server tells it at login: after 0:00 in the office it is already the next day for
 * the directory, the 起案日 and the 年度, and a 人事異動 from that day shows. The server here runs in this JVM on
 * a zone 14 hours ahead of UTC, so the two days differ for most of every real day and always at the instant the
 * desktop's fixed clock shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeZoneTest {

    private static final ZoneId OFFICE = ZoneId.of("Pacific/Kiritimati");
    /** 12:00 in UTC on 26 November is 02:00 on 27 November in the office. */
    private static final Instant NOON_UTC = Instant.parse("2026-11-26T12:00:00Z");

    private InProcessServer server;
    private ServerAddress address;

    @TempDir
    Path workspace;

    @BeforeAll
    void startServer(@TempDir Path dataDir) throws Exception {
        server = new InProcessServer(dataDir, settings -> settings.zone(OFFICE));
        address = server.address;
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOfficeDayComesFromTheServerAndOutlivesARestartOffline() throws Exception {
        Clock utc = Clock.fixed(NOON_UTC, ZoneOffset.UTC);
        HttpKairanServerClient desktop = RealServer.client(workspace, utc);
        assertEquals(Session.DEFAULT_ZONE, desktop.officeZone(), "before any login: Japan's zone");

        RealServer.enrolAt(address, desktop, DemoAccounts.FINANCE_CLERK);

        assertEquals(OFFICE, desktop.officeZone(), "the zone the server was configured with");
        assertEquals(LocalDate.of(2026, 11, 27), desktop.officeToday(), "the office's day, not the clock's");
        assertNotEquals(LocalDate.ofInstant(NOON_UTC, utc.getZone()), desktop.officeToday());

        HttpKairanServerClient restarted = RealServer.client(workspace, utc);
        assertEquals(OFFICE, restarted.officeZone(),
                "a desktop started again without the server knows the zone from its stored session");
        assertEquals(OFFICE, restarted.storedSession().orElseThrow().zone());
    }

    @Test
    void aSessionStoredByAnOlderDesktopWithoutAZoneMeansJapan(@TempDir Path older) throws Exception {
        Path dir = Files.createDirectories(older.resolve(".kairan"));
        Files.writeString(dir.resolve("session.json"), """
                {"server":"%s","token":"t0k3n","expiresAt":"2099-01-01T00:00:00Z",
                 "user":{"staffNo":"120002","name":"佐藤　花子","kana":"さとう はなこ","unitCode":"100","unitName":"財政課",
                 "position":"主事","roles":[]}}""".formatted(address));
        HttpKairanServerClient desktop = RealServer.client(older);
        assertEquals("120002", desktop.storedSession().orElseThrow().user().staffNo(), "the old file is still read");
        assertEquals(Session.DEFAULT_ZONE, desktop.officeZone());
    }
}
