package org.kairan.core.sync;

import java.util.Objects;

/**
 * The result of one command.
 *
 * @param key     the command's idempotency key
 * @param outcome applied, conflict or rejected
 * @param code    why, for conflicts and rejections (one of {@link CommandCodes}); {@code null} when applied
 * @param message the reason in Japanese, for logs and curl users (clients show their own text per code)
 * @param seq     the feed position of the change an applied command made ({@code 0} when nothing changed)
 */
public record CommandResult(String key, CommandOutcome outcome, String code, String message, long seq) {

    public CommandResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
    }
}
