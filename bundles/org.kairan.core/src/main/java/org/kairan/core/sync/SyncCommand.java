package org.kairan.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * An action of the user, applied by the server exactly once.
 *
 * @param key      the idempotency key, chosen by the client (a UUID) when the user acted; sending the same
 *                 command again returns the first result
 * @param type     what to do, one of {@link CommandTypes}
 * @param payload  the command's arguments as JSON text (on the wire a JSON object)
 * @param queuedAt when the user acted (the client's clock), kept for the audit log
 */
public record SyncCommand(String key, String type, String payload, Instant queuedAt) {

    public SyncCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
