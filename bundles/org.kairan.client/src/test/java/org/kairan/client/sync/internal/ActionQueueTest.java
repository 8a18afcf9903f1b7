package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;

/** The durable outbox on its own: order, states, survival of a reopen, dismissal. */
class ActionQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @TempDir
    Path dir;

    @Test
    void actionsSurviveAReopenInTheOrderTheyWereQueued() throws Exception {
        List<String> keys;
        try (ActionQueue queue = ActionQueue.open(dir)) {
            keys = List.of(queue.enqueue("t", "{\"n\":1}", NOW).key(), queue.enqueue("t", "{\"n\":2}", NOW).key(),
                    queue.enqueue("t", "{\"n\":3}", NOW).key());
        }
        try (ActionQueue queue = ActionQueue.open(dir)) {
            assertEquals(keys, queue.unsettled(100).stream().map(QueuedAction::key).toList(),
                    "queued actions are on disk, in order");
            assertEquals(3, queue.counts().waiting(), "all three wait for the server");
        }
    }

    @Test
    void theQueuesDirectoryIsTheUsersOnly() throws Exception {
        Path own = dir.resolve("replica").resolve("127.0.0.1-8080").resolve("120002");
        try (ActionQueue queue = ActionQueue.open(own)) {
            queue.enqueue("t", "{}", NOW);
        }
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(own)), "other users cannot read the queue's directory");
        }
    }

    @Test
    void sentAppliedAndConflictFollowTheServersAnswer() throws Exception {
        try (ActionQueue queue = ActionQueue.open(dir)) {
            QueuedAction a = queue.enqueue("t", "{}", NOW);
            QueuedAction b = queue.enqueue("t", "{}", NOW);
            assertEquals(2, queue.markSent(List.of(a, b)).size(), "both are marked sent before they leave");
            assertEquals(ActionState.SENT, queue.find(a.key()).orElseThrow().state(), "a sent action is SENT");
            assertEquals(2, queue.unsettled(100).size(), "a sent action without an answer is sent again");

            queue.settle(new CommandResult(a.key(), CommandOutcome.APPLIED, null, null, 7), NOW);
            queue.settle(new CommandResult(b.key(), CommandOutcome.CONFLICT, CommandCodes.WITHDRAWN, "取下げ済み", 0), NOW);

            assertEquals(List.of(b.key()), queue.visible().stream().map(QueuedAction::key).toList(),
                    "an applied action leaves the list, a conflict stays until dismissed");
            assertEquals(CommandCodes.WITHDRAWN, queue.find(b.key()).orElseThrow().code(), "with the server's code");
            assertEquals(new ActionQueue.Counts(0, 1), queue.counts(), "nothing waits, one refusal to show");
            assertTrue(queue.settle(new CommandResult(b.key(), CommandOutcome.APPLIED, null, null, 9), NOW).isEmpty(),
                    "a settled action is not settled again");

            assertTrue(queue.dismiss(b.key()), "a conflict can be dismissed");
            assertTrue(queue.visible().isEmpty(), "and then leaves the list");
        }
    }

    @Test
    void actionsTheUserHasSeenAreDeletedAMonthAfterTheySettled() throws Exception {
        Instant now = Instant.now();
        QueuedAction old;
        QueuedAction recent;
        QueuedAction waiting;
        try (ActionQueue queue = ActionQueue.open(dir)) {
            old = queue.enqueue("t", "{}", now.minus(java.time.Duration.ofDays(40)));
            recent = queue.enqueue("t", "{}", now);
            waiting = queue.enqueue("t", "{}", now.minus(java.time.Duration.ofDays(60)));
            queue.settle(new CommandResult(old.key(), CommandOutcome.APPLIED, null, null, 1),
                    now.minus(java.time.Duration.ofDays(ActionQueue.KEEP_SETTLED_DAYS + 1)));
            queue.settle(new CommandResult(recent.key(), CommandOutcome.APPLIED, null, null, 2), now);
        }
        try (ActionQueue queue = ActionQueue.open(dir)) {
            assertTrue(queue.find(old.key()).isEmpty(), "an action applied over a month ago is gone from the file");
            assertTrue(queue.find(recent.key()).isPresent(), "one applied today is still there");
            assertEquals(List.of(waiting.key()), queue.unsettled(100).stream().map(QueuedAction::key).toList(),
                    "an action still waiting is never deleted, however old");
        }
    }
}
