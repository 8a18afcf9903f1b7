package org.kairan.client;

import java.time.Instant;
import java.util.Objects;

import org.kairan.core.protocol.SessionUser;

/**
 * A logged-in session: the server it belongs to, the bearer token, when it expires (as last told by the
 * server) and who is logged in. {@link #toString()} never shows the token.
 */
public record Session(ServerAddress server, String token, Instant expiresAt, SessionUser user) {

    public Session {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
    }

    /** Whether the session's expiry time has passed at the given instant. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Session[server=" + server + ", user=" + user.staffNo() + ", expiresAt=" + expiresAt + "]";
    }
}
