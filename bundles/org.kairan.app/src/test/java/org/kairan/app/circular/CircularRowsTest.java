package org.kairan.app.circular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.core.circular.Acknowledgement;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.sync.CommandTypes;

class CircularRowsTest {

    private static final String ME = "120002";
    private static final Instant MORNING = Instant.parse("2026-11-26T00:30:00Z");

    private static Circular circular(String id, String author, Instant posted, Instant withdrawn, String... acknowledgedBy) {
        List<Acknowledgement> acks = java.util.Arrays.stream(acknowledgedBy)
                .map(no -> new Acknowledgement(no, "職員" + no, posted.plusSeconds(60))).toList();
        return new Circular(id, "120100", "件名" + id, "本文", author, "起票者", "財政課", posted, withdrawn, acks);
    }

    @Test
    void ownUnsentActionsShowAtOnceOverWhatTheReplicaHolds() {
        List<Circular> replica = List.of(
                circular("a", "120001", MORNING, null),
                circular("b", "120001", MORNING.plusSeconds(10), null, ME),
                circular("c", "120001", MORNING.plusSeconds(20), MORNING.plusSeconds(30)),
                circular("d", ME, MORNING.plusSeconds(40), null),
                circular("e", "120001", MORNING.plusSeconds(50), null));
        List<PendingCircularAction> pending = List.of(
                new PendingCircularAction(CommandTypes.ACKNOWLEDGE_CIRCULAR, "e", null, MORNING.plusSeconds(70)),
                new PendingCircularAction(CommandTypes.ACKNOWLEDGE_CIRCULAR, "c", null, MORNING.plusSeconds(75)),
                new PendingCircularAction(CommandTypes.POST_CIRCULAR, "f",
                        new PostCircular("f", "120100", "新しい回覧", "本文"), MORNING.plusSeconds(80)));

        List<CircularRow> rows = CircularRows.of(replica, pending, ME, "財政 花子", "企画財政部 財政課");

        assertEquals(List.of("f", "e", "d", "c", "b", "a"), rows.stream().map(r -> r.circular().id()).toList(),
                "newest first, the unsent post on top");
        assertEquals(List.of(CircularState.POST_PENDING, CircularState.ACKNOWLEDGE_PENDING, CircularState.OWN,
                CircularState.WITHDRAWN, CircularState.ACKNOWLEDGED, CircularState.UNREAD),
                rows.stream().map(CircularRow::state).toList(),
                "a withdrawn 回覧 stays withdrawn even with a pending 確認; own posts are OWN");
        assertEquals(1, CircularRows.unread(rows), "only 'a' is still to be acknowledged");
        assertEquals("財政 花子", rows.get(0).circular().authorName(), "an unsent post shows its writer");
        assertEquals(true, rows.get(2).canWithdraw(), "the author can withdraw their own 回覧");
    }

    @Test
    void aPendingWithdrawalHidesTheWithdrawButton() {
        List<CircularRow> rows = CircularRows.of(List.of(circular("d", ME, MORNING, null)),
                List.of(new PendingCircularAction(CommandTypes.WITHDRAW_CIRCULAR, "d", null, MORNING)), ME, "", "");
        assertEquals(CircularState.WITHDRAW_PENDING, rows.get(0).state(), "the withdrawal shows before it is sent");
        assertEquals(false, rows.get(0).canWithdraw(), "it cannot be withdrawn twice");
    }
}
