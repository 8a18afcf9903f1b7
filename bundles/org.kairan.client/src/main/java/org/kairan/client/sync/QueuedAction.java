package org.kairan.client.sync;

import java.time.Instant;

/**
 * One action of the user and what became of it.
 *
 * @param key       idempotency key (UUID)
 * @param type      the command type
 * @param payload   the command's payload as JSON text
 * @param queuedAt  when the user acted
 * @param state     queued, sent, applied, conflict or rejected
 * @param code      for a conflict or rejection, the server's {@link org.kairan.core.sync.CommandCodes code}
 * @param message   the server's reason (Japanese), if any
 * @param settledAt when the server's answer arrived; {@code null} while unsettled
 */
public record QueuedAction(String key, String type, String payload, Instant queuedAt, ActionState state,
        String code, String message, Instant settledAt) {
}
