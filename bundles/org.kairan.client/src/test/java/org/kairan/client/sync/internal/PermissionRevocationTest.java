package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.internal.RealServer;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.protocol.TransferRequest;

/**
 * A 人事異動 takes away what a person may see: a clerk of 財政課 moved to 市民課 no longer has the 回覧 to
 * 財政課 in their replica after the next sync, and the directory there shows the new post.
 */
class PermissionRevocationTest extends FinanceDesktops {

    private static final String CITIZENS = "130100";

    @Test
    void aTransferredClerkLosesTheOldUnitsCircularAndSeesTheNewPost(@TempDir Path headWs, @TempDir Path clerkWs)
            throws Exception {
        server = RealServer.start("sync-transfer");
        head = Desktop.logIn(server, DemoAccounts.FINANCE_HEAD, headWs);
        clerk = Desktop.logIn(server, DemoAccounts.FINANCE_CLERK, clerkWs);
        String id = UUID.randomUUID().toString();
        head.post(id, FINANCE, "財政課内限りの回覧");
        head.syncNow();
        clerk.syncNow();
        assertTrue(clerk.circular(id).isPresent(), "before the transfer the clerk sees the 回覧 to 財政課");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String admin = server.api.enrol(DemoAccounts.ADMIN, DemoAccounts.PASSWORD).token();
        ServerApi.Answer moved = server.api.post("/api/admin/transfers", admin,
                List.of(new TransferRequest(DemoAccounts.FINANCE_CLERK, CITIZENS, "主事", today, AssignmentKind.PRIMARY)));
        assertEquals(204, moved.status(), "the administrator's transfer is accepted: " + ServerApi.text(moved));

        clerk.syncNow();

        assertTrue(clerk.circular(id).isEmpty(), "after the transfer the 回覧 to 財政課 is gone from the replica");
        assertTrue(clerk.sync.replica().directory(today).assignments().stream()
                .anyMatch(a -> a.staffNo().equals(DemoAccounts.FINANCE_CLERK) && a.unitCode().equals(CITIZENS)
                        && a.effectiveFrom().equals(today)),
                "the replica's directory shows the clerk's new post in 市民課 from today");
        assertTrue(clerk.sync.replica().directory(today).staff().size() > 300,
                "and the rest of the directory is still there");
    }
}
