package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.internal.RealServer;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.circular.Circular;
import org.kairan.core.sync.CommandCodes;

/**
 * Two people at their desktops (財政課長 and a clerk of 財政課): what one does reaches the other's replica
 * through push without anyone asking, and an action the other person made impossible meanwhile is kept
 * as a conflict until the user dismisses it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoDesktopsTest {

    private static final String FINANCE = "120200";
    private static final Duration PUSHED = Duration.ofSeconds(20);

    private RealServer server;
    private Desktop head;
    private Desktop clerk;

    @BeforeAll
    void start(@TempDir Path headWs, @TempDir Path clerkWs) throws Exception {
        server = RealServer.start("sync-two");
        head = Desktop.logIn(server, DemoAccounts.FINANCE_HEAD, headWs);
        clerk = Desktop.logIn(server, DemoAccounts.FINANCE_CLERK, clerkWs);
        head.syncNow();
        clerk.syncNow();
    }

    @AfterAll
    void stop() {
        if (head != null) {
            head.close();
        }
        if (clerk != null) {
            clerk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bothReplicasConvergeAfterEachActs() throws Exception {
        String id = UUID.randomUUID().toString();
        head.post(id, FINANCE, "決算資料の提出期限");
        Desktop.await(PUSHED, "the clerk's desktop receives the head's 回覧 without asking (push)",
                () -> clerk.circular(id).isPresent());

        clerk.acknowledge(id);
        Desktop.await(PUSHED, "the head's desktop receives the clerk's 確認 without asking (push)",
                () -> head.circular(id).map(c -> c.acknowledgedBy(DemoAccounts.FINANCE_CLERK)).orElse(false));
        Desktop.await(PUSHED, "and both replicas hold the same 回覧",
                () -> head.circular(id).equals(clerk.circular(id)));
    }

    @Test
    void acknowledgingAWithdrawnCircularIsAConflictKeptUntilDismissed() throws Exception {
        String id = UUID.randomUUID().toString();
        head.post(id, FINANCE, "取り下げる予定の回覧");
        head.syncNow();
        clerk.syncNow();
        assertTrue(clerk.circular(id).isPresent(), "the clerk sees the 回覧");

        head.withdraw(id);
        head.syncNow();
        QueuedAction ack = clerk.acknowledge(id);
        clerk.syncNow();

        QueuedAction settled = clerk.sync.action(ack.key()).orElseThrow();
        assertEquals(ActionState.CONFLICT, settled.state(), "acknowledging a withdrawn 回覧 is a conflict");
        assertEquals(CommandCodes.WITHDRAWN, settled.code(), "because it was withdrawn");
        assertTrue(clerk.sync.actions().stream().anyMatch(a -> a.key().equals(ack.key())),
                "the conflict stays in the list for the user");
        assertEquals(1, clerk.sync.status().conflicts(), "and is counted in the status");
        assertTrue(clerk.circular(id).map(Circular::isWithdrawn).orElse(false), "the replica shows it withdrawn");

        clerk.sync.dismiss(ack.key());

        assertTrue(clerk.sync.actions().stream().noneMatch(a -> a.key().equals(ack.key())),
                "a dismissed conflict leaves the list");
        assertEquals(0, clerk.sync.status().conflicts(), "and the count");
    }
}
