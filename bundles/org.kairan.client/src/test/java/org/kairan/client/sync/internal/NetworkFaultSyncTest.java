package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.internal.RealServer;
import org.kairan.client.internal.ScriptedProxy;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.testing.DemoAccounts;

/**
 * The line drops after a command batch reached the server and before its answer came back (a
 * {@link ScriptedProxy} forwards the request to the real server and then resets the connection): the action
 * stays SENT, and the next sync gets the server's stored result, the action applied once.
 */
class NetworkFaultSyncTest {

    private RealServer server;
    private ScriptedProxy proxy;
    private Desktop clerk;

    @AfterEach
    void stop() throws Exception {
        if (clerk != null) {
            clerk.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLostAnswerLeavesTheActionSentAndTheNextSyncGetsTheStoredResult(@TempDir Path ws) throws Exception {
        server = RealServer.start("sync-network");
        proxy = new ScriptedProxy(server.address);
        proxy.answerWithHtml("/api/sync/events", 404, "<html>no push through this proxy</html>");
        clerk = Desktop.logIn(server, DemoAccounts.CITIZEN_CLERK, ws, proxy.address());
        clerk.syncNow();

        proxy.cutAfterForwarding("/api/sync/commands");
        String id = UUID.randomUUID().toString();
        QueuedAction post = clerk.post(id, "130100", "窓口の混雑状況");
        Desktop.await(Duration.ofSeconds(20), "the batch goes out and its answer is lost: the action stays SENT",
                () -> clerk.sync.action(post.key()).map(a -> a.state() == ActionState.SENT).orElse(false));
        assertThrows(ServerUnreachableException.class, clerk::syncNow,
                "a sync whose answer is cut off is a network failure");
        assertEquals(ActionState.SENT, clerk.sync.action(post.key()).orElseThrow().state(),
                "after another lost answer it is still SENT, not given up");

        proxy.passThrough("/api/sync/commands");
        clerk.syncNow();

        assertEquals(ActionState.APPLIED, clerk.sync.action(post.key()).orElseThrow().state(),
                "sent again, the server answers its stored result: applied (a second post would be ALREADY_EXISTS)");
        assertTrue(clerk.circular(id).isPresent(), "the 回覧 is in the replica");
        assertEquals(0, clerk.sync.status().queued(), "the queue is drained");
    }
}
