package org.kairan.server.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.kairan.core.organisation.Role;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.auth.SessionTokens;
import org.kairan.server.http.ApiException;
import org.kairan.server.storage.Database;

/**
 * Sessions: a bearer token is valid while it is stored (as its SHA-256) and has been used within the
 * idle timeout. Use renews it, at most once per {@link #TOUCH_INTERVAL} to keep reads cheap.
 */
public final class SessionService {

    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    /** The person behind a request, and their session's token hash. */
    public record Authenticated(SessionUser user, String tokenHash, Instant expiresAt) {
    }

    private final Database database;
    private final SessionStore sessions;
    private final SessionUsers users;
    private final SessionTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration idleTimeout;

    public SessionService(Database database, SessionStore sessions, SessionUsers users, SessionTokens tokens,
            AuditLog audit, Clock clock, Duration idleTimeout) {
        this.database = database;
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The session's person; 401 {@code SESSION_EXPIRED} when the token is missing, unknown, revoked or idle too long. */
    public Authenticated authenticate(String token) {
        if (token == null) {
            throw ApiException.sessionExpired("this route needs an Authorization: Bearer <sessionToken> header");
        }
        if (!tokens.isWellFormed(token)) {
            throw ApiException.sessionExpired("the session token is not valid");
        }
        String hash = tokens.hashOf(token);
        Instant now = clock.instant();
        Optional<Authenticated> found = database.inTransaction(c -> {
            Optional<SessionStore.StoredSession> session = sessions.find(c, hash);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            if (!now.isBefore(session.get().lastSeenAt().plus(idleTimeout))) {
                sessions.delete(c, hash);
                return Optional.empty();
            }
            Instant lastSeen = session.get().lastSeenAt();
            if (!now.isBefore(lastSeen.plus(TOUCH_INTERVAL))) {
                sessions.touch(c, hash, now);
                lastSeen = now;
            }
            Instant expiresAt = lastSeen.plus(idleTimeout);
            return users.load(c, session.get().staffNo()).map(user -> new Authenticated(user, hash, expiresAt));
        });
        return found.orElseThrow(() -> ApiException.sessionExpired("the session has expired or was ended; log in again"));
    }

    /**
     * Whether the session with this token hash is still valid (stored, not idle too long), without
     * renewing it: long-lived streams check this so an open stream does not keep a session alive.
     */
    public boolean isActive(String tokenHash) {
        Instant now = clock.instant();
        return database.inTransaction(c -> sessions.find(c, tokenHash)
                .map(s -> now.isBefore(s.lastSeenAt().plus(idleTimeout))).orElse(false));
    }

    /** Like {@link #authenticate}, and 403 unless the person has one of the roles. */
    public Authenticated authorise(String token, Role... anyOf) {
        Authenticated who = authenticate(token);
        for (Role role : anyOf) {
            if (who.user().has(role)) {
                return who;
            }
        }
        database.inTransaction(c -> audit.append(c, AuditActor.of(who.user()), "ACCESS", AuditLog.DENIED,
                "needs role " + java.util.Arrays.toString(anyOf)));
        throw ApiException.forbidden("this route needs the role "
                + String.join(" or ", java.util.Arrays.stream(anyOf).map(Role::name).toList()));
    }

    /** Creates a session on the caller's transaction and returns its token (shown once). */
    public String open(java.sql.Connection c, String staffNo, Instant now) throws java.sql.SQLException {
        String token = tokens.newToken();
        sessions.deleteIdleSince(c, now.minus(idleTimeout));
        sessions.create(c, tokens.hashOf(token), staffNo, now);
        return token;
    }

    /** Ends the session (logout). */
    public void close(Authenticated who) {
        database.inTransaction(c -> {
            sessions.delete(c, who.tokenHash());
            audit.append(c, AuditActor.of(who.user()), AuditLog.LOGOUT, AuditLog.SUCCESS, null);
            return null;
        });
    }
}
