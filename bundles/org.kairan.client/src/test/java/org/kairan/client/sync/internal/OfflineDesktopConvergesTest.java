package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerAddress;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.NetworkCable;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.circular.Circular;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.sync.CommandCodes;

/**
 * Issue 3's "done when": two desktops and the server run; the clerk's network drops (the server keeps
 * running for everyone else); she keeps browsing and queues actions; meanwhile the author withdraws a 回覧
 * and a 人事異動 moves a colleague into her 係; her network comes back, her queue is sent, and both desktops
 * show the same state — the same 回覧 with the same 確認, the same organisation.
 */
class OfflineDesktopConvergesTest extends FinanceDesktops {

    private static final String FINANCE_SECTION = "120201";
    private static final Duration SETTLED = Duration.ofSeconds(60);

    private NetworkCable cable;

    @AfterEach
    void unplugCable() {
        if (cable != null) {
            cable.close();
        }
    }

    @Test
    void theDesktopThatWasOfflineSendsItsQueueAndBothShowTheSameState(@TempDir Path headWs, @TempDir Path clerkWs)
            throws Exception {
        server = RealServer.start("sync-converge");
        cable = new NetworkCable(server.process.url());
        clerk = Desktop.logIn(server, DemoAccounts.FINANCE_CLERK, clerkWs, ServerAddress.parse(cable.url()));
        head = Desktop.logIn(server, DemoAccounts.FINANCE_HEAD, headWs);
        String budget = UUID.randomUUID().toString();
        String holidays = UUID.randomUUID().toString();
        head.post(budget, FINANCE, "令和9年度予算要求の締切について");
        head.post(holidays, FINANCE, "年末年始の窓口体制について");
        head.syncNow();
        clerk.syncNow();
        assertTrue(clerk.circular(budget).isPresent() && clerk.circular(holidays).isPresent(),
                "the clerk's desktop has both 回覧 before the network drops");

        cable.unplug();
        clerk.sync.requestSync();
        Desktop.await(Duration.ofSeconds(30), "the clerk's desktop goes OFFLINE",
                () -> clerk.sync.status().phase() == SyncPhase.OFFLINE);
        assertTrue(clerk.circular(budget).isPresent(), "offline she still reads her 回覧");
        assertTrue(clerk.sync.replica().directory(LocalDate.now()).staff().size() > 300,
                "and the organisation");
        String own = UUID.randomUUID().toString();
        List<QueuedAction> queued = List.of(clerk.acknowledge(budget), clerk.acknowledge(holidays),
                clerk.post(own, FINANCE, "課内勉強会のお知らせ"));
        assertEquals(3, clerk.sync.status().queued(), "three actions wait for the network");

        // meanwhile, on the server: the author withdraws one 回覧, and a 人事異動 moves 130001 into 財政係
        head.withdraw(holidays);
        head.syncNow();
        ServerApi.Login admin = server.api.enrol(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        ServerApi.Answer transfer = server.api.post("/api/admin/transfers", admin.token(), List.of(Map.of(
                "staffNo", DemoAccounts.CITIZEN_CLERK, "unitCode", FINANCE_SECTION, "position", "主事",
                "effectiveFrom", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString())));
        assertEquals(204, transfer.status(), "the 人事異動 applies: " + ServerApi.text(transfer));

        cable.plugIn();
        Desktop.await(SETTLED, "back online, the clerk's queue is sent", () -> clerk.sync.status().queued() == 0);
        assertEquals(ActionState.APPLIED, clerk.sync.action(queued.get(0).key()).orElseThrow().state(),
                "the 確認 of the budget 回覧 applies");
        QueuedAction refused = clerk.sync.action(queued.get(1).key()).orElseThrow();
        assertEquals(ActionState.CONFLICT, refused.state(), "the 確認 of the withdrawn 回覧 is a conflict");
        assertEquals(CommandCodes.WITHDRAWN, refused.code(), "because it was withdrawn");
        assertEquals(ActionState.APPLIED, clerk.sync.action(queued.get(2).key()).orElseThrow().state(),
                "her own 回覧 is posted");

        Desktop.await(SETTLED, "both desktops hold the same 回覧, with the same 確認",
                () -> sameCirculars(List.of(budget, holidays, own)));
        assertTrue(head.circular(budget).orElseThrow().acknowledgedBy(DemoAccounts.FINANCE_CLERK),
                "the head sees the clerk's 確認 made offline");
        assertTrue(head.circular(holidays).orElseThrow().isWithdrawn()
                && clerk.circular(holidays).orElseThrow().isWithdrawn(), "both show the withdrawal");
        Desktop.await(SETTLED, "both desktops show the same organisation, with the 人事異動",
                () -> sameDirectory() && postedInFinance(clerk.sync.replica().directory(LocalDate.now())));
    }

    private boolean sameCirculars(List<String> ids) {
        for (String id : ids) {
            java.util.Optional<Circular> a = head.circular(id);
            if (a.isEmpty() || !a.equals(clerk.circular(id))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameDirectory() {
        DirectorySnapshot a = head.sync.replica().directory(LocalDate.now());
        DirectorySnapshot b = clerk.sync.replica().directory(LocalDate.now());
        return new HashSet<>(a.units()).equals(new HashSet<>(b.units()))
                && new HashSet<>(a.staff()).equals(new HashSet<>(b.staff()))
                && new HashSet<>(a.assignments()).equals(new HashSet<>(b.assignments()));
    }

    private static boolean postedInFinance(DirectorySnapshot directory) {
        return directory.assignments().stream().anyMatch((Assignment a) -> a.staffNo().equals(DemoAccounts.CITIZEN_CLERK)
                && a.unitCode().equals(FINANCE_SECTION) && a.effectiveUntil() == null);
    }
}
