package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.circular.Circular;

/**
 * The server goes away (as for maintenance): the replica stays readable, the user's actions wait in the
 * queue, and when the server is back they are applied once each, in the order the user acted.
 */
class OfflineQueueTest extends FinanceDesktops {

    @Test
    void actionsQueuedOfflineAreAppliedOnceInOrderWhenTheServerIsBack(@TempDir Path headWs, @TempDir Path clerkWs)
            throws Exception {
        server = RealServer.start("sync-offline");
        head = Desktop.logIn(server, DemoAccounts.FINANCE_HEAD, headWs);
        clerk = Desktop.logIn(server, DemoAccounts.FINANCE_CLERK, clerkWs);
        String notice = UUID.randomUUID().toString();
        head.post(notice, FINANCE, "年末の予算ヒアリング日程");
        head.syncNow();
        clerk.syncNow();
        assertTrue(clerk.circular(notice).isPresent(), "the clerk of 財政課 sees the 回覧 to 財政課");

        server.process.stop();

        assertTrue(clerk.circular(notice).isPresent(), "offline, the replica stays readable");
        assertTrue(clerk.sync.replica().directory(LocalDate.now()).staff().size() > 300,
                "including the directory");
        String own = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<QueuedAction> queued = List.of(
                clerk.acknowledge(notice),
                clerk.post(own, FINANCE, "コピー用紙の発注について"),
                clerk.acknowledge(own),
                clerk.post(second, FINANCE, "誤って作成した回覧"),
                clerk.withdraw(second));
        Desktop.await(Duration.ofSeconds(20), "without the server the phase becomes OFFLINE",
                () -> clerk.sync.status().phase() == SyncPhase.OFFLINE);
        assertEquals(5, clerk.sync.status().queued(), "the five actions wait in the queue");

        server.process.startAgain();

        Desktop.await(Duration.ofSeconds(60), "once the server is back the queue drains",
                () -> clerk.sync.status().queued() == 0);
        for (QueuedAction a : queued) {
            assertEquals(ActionState.APPLIED, clerk.sync.action(a.key()).orElseThrow().state(),
                    "each action is applied (an acknowledgement or withdrawal before its post would be a conflict): "
                            + a.type());
        }
        assertTrue(clerk.sync.actions().isEmpty(), "nothing is left to show the user");
        Desktop.await(Duration.ofSeconds(30), "the replica shows the results after the pull",
                () -> clerk.circular(second).map(Circular::isWithdrawn).orElse(false));
        head.syncNow();
        Circular seen = head.circular(notice).orElseThrow();
        assertEquals(1, seen.acknowledgements().stream()
                .filter(a -> a.staffNo().equals(DemoAccounts.FINANCE_CLERK)).count(),
                "the head sees the clerk's acknowledgement exactly once");
        assertTrue(head.circular(own).orElseThrow().acknowledgedBy(DemoAccounts.FINANCE_CLERK),
                "and the clerk's own 回覧, acknowledged after it was posted");
    }

    /**
     * Forty long 回覧 written offline (about 2.4 MB of requests, more than twice the server's body limit) are
     * sent in several batches when the server is back, none refused as too large.
     */
    @Test
    void aLongQueueOfLongCircularsIsSentInBatchesTheServerAccepts(@TempDir Path clerkWs) throws Exception {
        server = RealServer.start("sync-offline-long");
        clerk = Desktop.logIn(server, DemoAccounts.FINANCE_CLERK, clerkWs);
        clerk.syncNow();
        server.process.stop();
        String body = "予算編成方針に関する説明資料の本文です。".repeat(1_000); // 20,000 characters, the most allowed
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            clerk.sync.enqueue(org.kairan.core.sync.CommandTypes.POST_CIRCULAR,
                    new org.kairan.core.circular.PostCircular(id, FINANCE, "説明資料 " + (i + 1), body));
        }
        server.process.startAgain();
        Desktop.await(Duration.ofSeconds(90), "once the server is back the long queue drains",
                () -> clerk.sync.status().queued() == 0);
        assertEquals(0, clerk.sync.status().conflicts(), "no action is refused as too large");
        Desktop.await(Duration.ofSeconds(30), "every long 回覧 reaches the replica",
                () -> ids.stream().allMatch(id -> clerk.circular(id).isPresent()));
        assertEquals(body, clerk.circular(ids.get(39)).orElseThrow().body(), "the text arrives whole");
    }
}
