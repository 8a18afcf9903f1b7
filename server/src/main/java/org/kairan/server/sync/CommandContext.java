package org.kairan.server.sync;

import java.time.Instant;

import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;

/**
 * Who sends a command, what they may see today, and when.
 *
 * @param user      the logged-in user
 * @param scope     their feed scope today
 * @param directory the organisation as committed
 * @param now       the server's time of applying
 * @param queuedAt  when the user acted (the client's clock), {@code null} when not sent
 */
public record CommandContext(SessionUser user, SyncScope scope, OrganisationDirectory directory, Instant now,
        Instant queuedAt) {
}
