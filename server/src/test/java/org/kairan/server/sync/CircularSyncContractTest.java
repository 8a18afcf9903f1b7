package org.kairan.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.SyncCommands.command;
import static org.kairan.server.testing.SyncCommands.count;
import static org.kairan.server.testing.SyncCommands.post;
import static org.kairan.server.testing.SyncCommands.ref;
import static org.kairan.server.testing.SyncCommands.send;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.circular.Circular;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.protocol.AuditVerification;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.SyncPages;
import org.kairan.server.testing.TestRoster;

/**
 * 回覧 through sync commands, on each supported database ({@link H2CircularSyncTest},
 * {@link PostgresCircularSyncTest}): who sees them, conflicts, and exactly-once application.
 */
abstract class CircularSyncContractTest {

    @TempDir
    Path dataDir;

    RunningServer running;
    String admin;
    String kacho;
    String shuji;

    abstract RunningServer startServer(Path dataDir);

    @BeforeEach
    void start() {
        running = startServer(dataDir).withTestRoster();
        admin = running.sessionFor(TestRoster.ADMIN);
        kacho = running.sessionFor(TestRoster.KACHO);
        shuji = running.sessionFor(TestRoster.SHUJI);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private long feedEntriesOf(String id) {
        return count(running, "SELECT COUNT(*) FROM change_feed WHERE entity_id = ?", id);
    }

    private long acknowledgements(String id) {
        return count(running, "SELECT COUNT(*) FROM circular_ack WHERE circular_id = ?", id);
    }

    private long auditEntries(String action) {
        return count(running, "SELECT COUNT(*) FROM audit_log WHERE action = ?", action);
    }

    private Circular circularIn(SyncPages.Pulled pulled, String id) {
        SyncChange change = pulled.latest().get(EntityTypes.CIRCULAR + "/" + id);
        if (change == null) {
            return null;
        }
        try {
            return running.json.readValue(change.data(), Circular.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String postToZaiseiKa(String token) {
        String id = UUID.randomUUID().toString();
        CommandResult posted = send(running, token, List.of(command(UUID.randomUUID().toString(),
                CommandTypes.POST_CIRCULAR, post(id, TestRoster.ZAISEI_KA, "予算編成方針について")))).getFirst();
        assertEquals(CommandOutcome.APPLIED, posted.outcome(), "posting a 回覧 to an existing unit applies: " + posted);
        assertTrue(posted.seq() > 0, "an applied post names its feed position");
        return id;
    }

    @Test
    void aCircularToZaiseiKaReachesItsMembersAndSectionsButNotOtherDivisions() {
        String id = postToZaiseiKa(admin);
        Circular seenByKacho = circularIn(SyncPages.pullAll(running, kacho, null, 500), id);
        assertTrue(seenByKacho != null, "the 課長 of 財政課 sees a 回覧 to 財政課");
        assertEquals("管理　太郎", seenByKacho.authorName(), "the feed carries the author's name");
        assertEquals("総務部 情報政策課", seenByKacho.authorUnitName(), "and the author's 所属 when posting");
        assertTrue(circularIn(SyncPages.pullAll(running, shuji, null, 500), id) != null,
                "a member of 財政係, below 財政課, sees it too");
        assertTrue(circularIn(SyncPages.pullAll(running, admin, null, 500), id) != null, "the author sees it");
        String auditor = running.sessionFor(TestRoster.AUDITOR);
        assertNull(circularIn(SyncPages.pullAll(running, auditor, null, 500), id),
                "a member of 情報政策課 who did not write it does not see it");
        CommandResult ack = send(running, auditor, List.of(command(UUID.randomUUID().toString(),
                CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)))).getFirst();
        assertEquals(CommandCodes.NOT_PERMITTED, ack.code(), "and cannot 確認 it: " + ack);
        assertFalse(ack.message().contains("「"), "nor learn its title from the answer: " + ack.message());
        send(running, admin, List.of(command(UUID.randomUUID().toString(), CommandTypes.WITHDRAW_CIRCULAR, ref(id))));
        CommandResult afterWithdrawal = send(running, auditor, List.of(command(UUID.randomUUID().toString(),
                CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)))).getFirst();
        assertEquals(CommandCodes.NOT_PERMITTED, afterWithdrawal.code(),
                "a withdrawn 回覧 the user may not see is still just not permitted (no title, no state): " + afterWithdrawal);
        assertFalse(afterWithdrawal.message().contains("「"), "no title: " + afterWithdrawal.message());
    }

    @Test
    void afterATransferOutOfZaiseiKaTheOldCursorStartsAResetPassWithoutTheCircular() {
        String id = postToZaiseiKa(kacho);
        SyncPages.Pulled before = SyncPages.pullAll(running, shuji, null, 500);
        assertTrue(circularIn(before, id) != null, "before the 人事異動 the 主事 of 財政係 sees the 回覧");
        HttpResponse<String> transfer = running.postJson("/api/admin/transfers", admin, List.of(new TransferRequest(
                TestRoster.SHUJI, TestRoster.JOHO_KA, "主事", LocalDate.of(2026, 4, 1), AssignmentKind.PRIMARY)));
        assertEquals(204, transfer.statusCode(), "the 人事異動 applies: " + transfer.body());
        SyncPages.Pulled after = SyncPages.pullAll(running, shuji, before.cursor(), 5);
        assertTrue(after.pages().stream().allMatch(p -> p.reset()), "every page after the move is part of a reset pass");
        assertEquals(1L, after.changes().stream().filter(c -> c.seq() == after.changes().getFirst().seq()).count(),
                "the pass has content");
        assertNull(circularIn(after, id), "the reset pass does not carry the 回覧 of the old 課, so the client drops it");
        assertTrue(after.latest().containsKey(EntityTypes.STAFF + "/" + TestRoster.KACHO),
                "the reset pass carries the directory again");
        CommandResult ack = send(running, shuji, List.of(command(UUID.randomUUID().toString(),
                CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)))).getFirst();
        assertEquals(CommandCodes.NOT_PERMITTED, ack.code(), "a 確認 after the move is not permitted: " + ack);
    }

    @Test
    void theConflictsOfTheContract() {
        String id = postToZaiseiKa(kacho);
        String missing = UUID.randomUUID().toString();
        List<CommandResult> results = send(running, shuji, List.of(
                command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(missing)),
                command(UUID.randomUUID().toString(), CommandTypes.WITHDRAW_CIRCULAR, ref(id)),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR, post(id, TestRoster.ZAISEI_KA, "同じID")),
                command(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                        post(UUID.randomUUID().toString(), "999999", "廃止された課へ"))));
        assertEquals(CommandCodes.NOT_FOUND, results.get(0).code(), "a 確認 of an unknown 回覧: NOT_FOUND");
        assertEquals(CommandCodes.NOT_AUTHOR, results.get(1).code(), "withdrawing someone else's 回覧: NOT_AUTHOR");
        assertEquals(CommandCodes.ALREADY_EXISTS, results.get(2).code(), "posting an existing id: ALREADY_EXISTS");
        assertEquals(CommandCodes.UNIT_GONE, results.get(3).code(), "posting to a unit that is gone: UNIT_GONE");
        assertTrue(results.stream().allMatch(r -> r.outcome() == CommandOutcome.CONFLICT && r.seq() == 0),
                "conflicts change nothing: " + results);
        assertEquals(1, feedEntriesOf(id), "only the post is in the feed");

        List<CommandResult> withdraw = send(running, kacho, List.of(
                command(UUID.randomUUID().toString(), CommandTypes.WITHDRAW_CIRCULAR, ref(id)),
                command(UUID.randomUUID().toString(), CommandTypes.WITHDRAW_CIRCULAR, ref(id))));
        assertEquals(CommandOutcome.APPLIED, withdraw.get(0).outcome(), "the author withdraws");
        assertEquals(CommandOutcome.APPLIED, withdraw.get(1).outcome(), "withdrawing twice is applied too");
        assertEquals(0, withdraw.get(1).seq(), "but changes nothing (seq 0)");
        CommandResult late = send(running, shuji, List.of(command(UUID.randomUUID().toString(),
                CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)))).getFirst();
        assertEquals(CommandCodes.WITHDRAWN, late.code(), "a 確認 after 取下げ: WITHDRAWN");
        assertTrue(circularIn(SyncPages.pullAll(running, shuji, null, 500), id).isWithdrawn(),
                "the feed carries the withdrawn state");
    }

    @Test
    void aPullCarriesOnlyTheNewestVersionOfEachRecord() {
        String id = postToZaiseiKa(kacho);
        SyncPages.Pulled before = SyncPages.pullAll(running, shuji, null, 500);
        send(running, shuji, List.of(command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id))));
        send(running, kacho, List.of(command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id))));
        send(running, kacho, List.of(command(UUID.randomUUID().toString(), CommandTypes.WITHDRAW_CIRCULAR, ref(id))));
        assertEquals(4, feedEntriesOf(id), "the feed keeps every change: the post, two 確認 and the 取下げ");

        for (SyncPages.Pulled pulled : List.of(SyncPages.pullAll(running, kacho, null, 500),
                SyncPages.pullAll(running, shuji, before.cursor(), 500))) {
            List<SyncChange> ofCircular = pulled.pages().stream().flatMap(p -> p.changes().stream())
                    .filter(c -> c.id().equals(id)).toList();
            assertEquals(1, ofCircular.size(), "a fresh pull and a pull from an older cursor carry only the newest"
                    + " version of the 回覧, not its history: " + ofCircular);
            Circular newest = circularIn(pulled, id);
            assertTrue(newest.isWithdrawn() && newest.acknowledgements().size() == 2, "and it is the newest: " + newest);
        }
    }

    @Test
    void theSameBatchSentTwiceAppliesOnceAndAnswersTheSame() {
        String id = postToZaiseiKa(kacho);
        long audited = auditEntries("回覧の確認");
        List<Map<String, Object>> batch = List.of(
                command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)),
                command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)));
        List<CommandResult> first = send(running, shuji, batch);
        List<CommandResult> second = send(running, shuji, batch);
        assertEquals(first, second, "the second sending returns the stored results");
        assertTrue(first.get(0).seq() > 0 && first.get(1).seq() == 0, "the second 確認 changes nothing: " + first);
        assertEquals(1, acknowledgements(id), "one 確認 is stored");
        assertEquals(2, feedEntriesOf(id), "the post and one 確認 are in the feed");
        assertEquals(audited + 2, auditEntries("回覧の確認"), "each applied command is audited once");
        Circular circular = circularIn(SyncPages.pullAll(running, kacho, null, 500), id);
        assertTrue(circular.acknowledgedBy(TestRoster.SHUJI), "the feed carries the 確認");

        Map<String, Object> reused = command((String) batch.get(0).get("key"), CommandTypes.WITHDRAW_CIRCULAR, ref(id));
        CommandResult keyReused = send(running, shuji, List.of(reused)).getFirst();
        assertEquals(CommandCodes.KEY_REUSED, keyReused.code(), "a key used for another command is refused");
        assertEquals(2, feedEntriesOf(id), "and changes nothing");
        CommandResult otherUser = send(running, kacho, List.of(batch.get(0))).getFirst();
        assertEquals(CommandOutcome.APPLIED, otherUser.outcome(), "keys are per user: the same key of another user applies");
        assertEquals(2, acknowledgements(id), "as that user's own 確認");
    }

    @Test
    void concurrentDuplicatesApplyOnce() throws Exception {
        String id = postToZaiseiKa(kacho);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Map<String, Object>> batch = List.of(command(UUID.randomUUID().toString(),
                        CommandTypes.POST_CIRCULAR, post(UUID.randomUUID().toString(), TestRoster.ZAISEI_KA, "並行" + round)),
                        command(UUID.randomUUID().toString(), CommandTypes.ACKNOWLEDGE_CIRCULAR, ref(id)));
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<List<CommandResult>>> sent = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    sent.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return send(running, shuji, batch);
                    }));
                }
                List<CommandResult> first = sent.getFirst().get(60, TimeUnit.SECONDS);
                for (Future<List<CommandResult>> other : sent) {
                    assertEquals(first, other.get(60, TimeUnit.SECONDS), "every duplicate gets the same results");
                }
                assertEquals(CommandOutcome.APPLIED, first.get(0).outcome(), "the post applied: " + first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, count(running, "SELECT COUNT(*) FROM circular"), "each post was applied once");
        assertEquals(1, acknowledgements(id), "the 確認 was applied once");
        assertEquals(2, feedEntriesOf(id), "the 回覧 is in the feed twice: its post and one 確認");
        AuditVerification verification = running.read(running.get("/api/admin/audit/verify", admin),
                AuditVerification.class);
        assertTrue(verification.intact(), "the audit chain is intact after concurrent commands: " + verification);
    }

    @Test
    void aCommandWhoseAnswerWasLostIsAppliedOnceAndTheResendGetsItsResult() throws Exception {
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("commands", List.of(command(key, CommandTypes.POST_CIRCULAR,
                post(id, TestRoster.ZAISEI_KA, "応答が失われた回覧"))));
        byte[] body = running.json.writeValueAsBytes(batch);
        try (Socket socket = new Socket(running.server.uri().getHost(), running.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sync/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + shuji
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // the connection drops before the client reads the answer
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(running, "SELECT COUNT(*) FROM circular WHERE id = ?", id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, count(running, "SELECT COUNT(*) FROM circular WHERE id = ?", id),
                "the command was applied although nobody read the answer");
        CommandResult resent = send(running, shuji, List.of(command(key, CommandTypes.POST_CIRCULAR,
                post(id, TestRoster.ZAISEI_KA, "応答が失われた回覧")))).getFirst();
        assertEquals(CommandOutcome.APPLIED, resent.outcome(), "the resend gets the stored result: " + resent);
        assertTrue(resent.seq() > 0, "with the seq of the change");
        assertEquals(1, feedEntriesOf(id), "the resend applied nothing again");
    }
}
