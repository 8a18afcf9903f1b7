package org.kairan.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.kairan.core.protocol.SessionUser;

/**
 * A logged-in session: the server it belongs to, the bearer token, when it expires (as last told by the
 * server), who is logged in and the office's time zone, in which the desktop reckons "today" whatever its own
 * clock's zone. {@link #toString()} never shows the token.
 */
public record Session(ServerAddress server, String token, Instant expiresAt, SessionUser user, ZoneId zone) {

    /** The zone of a server that did not say (one older than the zone in the login answer): Japan's. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    public Session {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        zone = zone == null ? DEFAULT_ZONE : zone;
    }

    /** The zone named by an IANA id as the server sent it; {@link #DEFAULT_ZONE} when missing or unknown here. */
    public static ZoneId zoneOf(String id) {
        if (id == null || id.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** The office's day at the given instant. */
    public LocalDate dayAt(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
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
