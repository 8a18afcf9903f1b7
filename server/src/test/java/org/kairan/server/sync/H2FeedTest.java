package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.ServerConfig;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/** The feed contract on the embedded H2 database, and the upgrade of a database made before the feed. */
class H2FeedTest extends FeedContractTest {

    @Override
    RunningServer startServer(Path dataDir) {
        return RunningServer.h2(dataDir);
    }

    @Test
    void aDatabaseMadeBeforeTheFeedGetsItsWholeDirectoryIntoTheFeedOnce(@TempDir Path oldDataDir) throws Exception {
        String url = ServerConfig.defaults(oldDataDir).effectiveDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org_unit (code, kind, name) VALUES ('500000', 'BUREAU', '旧部局')");
            s.execute("INSERT INTO staff (staff_no, name, kana) VALUES ('500001', '古い　職員', 'ふるい　しょくいん')");
            s.execute("INSERT INTO assignment (staff_no, unit_code, position_name, kind, effective_from)"
                    + " VALUES ('500001', '500000', '主事', 'PRIMARY', DATE '2020-04-01')");
        }
        try (RunningServer upgraded = RunningServer.h2(oldDataDir).withTestRoster()) {
            String token = upgraded.sessionFor(TestRoster.KACHO);
            SyncPages.Pulled pulled = SyncPages.pullAll(upgraded, token, null, 1000);
            assertTrue(pulled.latest().containsKey(EntityTypes.UNIT + "/500000"), "a unit stored before the feed is in it");
            assertTrue(pulled.latest().containsKey(EntityTypes.STAFF + "/500001"), "a person stored before the feed is in it");
            assertTrue(pulled.latest().keySet().stream().anyMatch(k -> k.startsWith(EntityTypes.ASSIGNMENT + "/500001/")),
                    "an assignment stored before the feed is in it");
            assertTrue(pulled.latest().containsKey(EntityTypes.POSITION + "/課長"), "the seeded 役職 are in it");
            long units = pulled.changes().stream().filter(c -> c.id().equals("500000")).count();
            upgraded.server.stop();
            try (RunningServer again = RunningServer.h2(oldDataDir)) {
                long after = again.server.database().inTransaction(c -> {
                    try (var ps = c.prepareStatement("SELECT COUNT(*) FROM change_feed WHERE entity_id = '500000'");
                            var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertTrue(units == 1 && after == 1, "a restart does not put the directory into the feed again");
            }
        }
    }
}
