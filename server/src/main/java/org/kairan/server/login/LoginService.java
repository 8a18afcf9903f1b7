package org.kairan.server.login;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.core.auth.Base32;
import org.kairan.server.auth.LoginThrottle;
import org.kairan.server.auth.PasswordHasher;
import org.kairan.server.auth.SessionTokens;
import org.kairan.core.auth.Totp;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.http.ApiException;
import org.kairan.server.storage.Database;

/**
 * The login flow of docs/API.md: password, then the TOTP code (or, at first login, enrolment of a
 * second factor through an otpauth URI and a confirming code). Failures count per account; the
 * {@link LoginThrottle} turns them into a growing delay (429) and a lock (423). Every outcome is
 * written to the audit log in the same transaction as its effect.
 *
 * <p>The password hash is checked outside any transaction (Argon2id takes tens of milliseconds and
 * must not hold a connection or a lock). So that parallel guesses cannot all slip past the throttle
 * while hashing, each attempt first <em>reserves</em> a failure under the counter's row lock; a right
 * password gives it back.
 */
public final class LoginService {

    public static final Duration ENROLMENT_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_USER_ID = 128;
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Database database;
    private final OrganisationStore organisation;
    private final CredentialStore credentials;
    private final SessionService sessions;
    private final SessionUsers users;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Totp totp;
    private final SessionTokens tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String issuer;
    private final Base32 base32 = new Base32();
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);
    private final AccessEndedListener accessEnded;

    public LoginService(Database database, OrganisationStore organisation, CredentialStore credentials,
            SessionService sessions, SessionUsers users, AuditLog audit, PasswordHasher hasher, Totp totp,
            SessionTokens tokens, LoginThrottle throttle, Clock clock, String issuer, AccessEndedListener accessEnded) {
        this.database = database;
        this.organisation = organisation;
        this.credentials = credentials;
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.totp = totp;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.issuer = issuer;
        this.accessEnded = accessEnded;
    }

    /** What the first transaction of a login found and reserved. */
    private record Attempt(String staffNo, String key, String passwordHash, AuditActor actor,
            CredentialStore.Attempts before, CredentialStore.Attempts reserved, ApiException refusal) {
    }

    /** A transaction's answer: a response, or an error to throw once the transaction has committed. */
    private record Outcome(LoginResponse response, ApiException error) {
        LoginResponse get() {
            if (error != null) {
                throw error;
            }
            return response;
        }
    }

    public LoginResponse login(LoginRequest request) {
        String userId = request.userId() == null ? "" : request.userId().strip();
        if (userId.isEmpty()) {
            throw ApiException.badRequest("userId is required", "userId");
        }
        if (userId.length() > MAX_USER_ID) {
            throw ApiException.badRequest("userId is longer than " + MAX_USER_ID + " characters", "userId");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw ApiException.badRequest("password is required", "password");
        }
        Instant now = clock.instant();
        Attempt attempt = database.inTransaction(c -> {
            purgeUnknownNowAndThen(c, now);
            Optional<String> staffNo = organisation.staffNoForLogin(c, userId);
            String key = staffNo.orElse(CredentialStore.UNKNOWN_PREFIX + userId.toLowerCase(Locale.ROOT));
            String hash = staffNo.isPresent() ? credentials.passwordHash(c, staffNo.get()).orElse(null) : null;
            AuditActor actor = staffNo.isPresent() ? actorOf(c, staffNo.get()) : AuditActor.typed(userId);
            CredentialStore.Attempts before = credentials.lockAttempts(c, key);
            ApiException refusal = throttled(before);
            if (refusal != null) {
                audit.append(c, actor, AuditLog.LOGIN, AuditLog.DENIED, refusal.error().error().name() + ", retry after "
                        + refusal.error().retryAfterSeconds() + " s");
                return new Attempt(null, key, null, actor, before, before, refusal);
            }
            return new Attempt(staffNo.orElse(null), key, hash, actor, before, credentials.recordFailure(c, key, now),
                    null);
        });
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        char[] password = request.password().toCharArray();
        boolean passwordRight;
        try {
            passwordRight = attempt.passwordHash() != null ? verify(password, attempt.passwordHash())
                    : hasher.verifyForUnknownUser(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!passwordRight) {
            String reason = attempt.staffNo() == null ? "unknown user id"
                    : attempt.passwordHash() == null ? "no password set" : "wrong password";
            return endAccessIfLocked(attempt.staffNo(), database.inTransaction(c -> failed(c, attempt.actor(),
                    AuditLog.LOGIN, reason, attempt.reserved(), ErrorCode.INVALID_CREDENTIALS,
                    "user id or password is wrong"))).get();
        }
        String staffNo = attempt.staffNo();
        return endAccessIfLocked(staffNo, database.inTransaction(c -> {
            Optional<CredentialStore.TotpSecret> secret = credentials.totpForUpdate(c, staffNo);
            SessionUser user = users.load(c, staffNo).orElseThrow();
            if (secret.isEmpty()) {
                credentials.undoFailure(c, attempt.key(), attempt.before(), attempt.reserved());
                byte[] newSecret = totp.newSecret();
                String token = tokens.newToken();
                credentials.startEnrolment(c, tokens.hashOf(token), staffNo, base32.encodeWithoutPadding(newSecret),
                        now);
                audit.append(c, attempt.actor(), AuditLog.LOGIN, "TOTP_ENROLMENT_REQUIRED", null);
                return new Outcome(LoginResponse.enrolmentRequired(token,
                        totp.otpauthUri(issuer, staffNo + " " + user.name().replace(':', ' '), newSecret)), null);
            }
            if (request.totpCode() == null || request.totpCode().isBlank()) {
                credentials.undoFailure(c, attempt.key(), attempt.before(), attempt.reserved());
                return new Outcome(LoginResponse.totpRequired(), null);
            }
            OptionalLong step = totp.verify(base32.decode(secret.get().secret()), request.totpCode(),
                    secret.get().lastUsedStep());
            if (step.isEmpty()) {
                return failed(c, attempt.actor(), AuditLog.LOGIN, "wrong or reused TOTP code", attempt.reserved(),
                        ErrorCode.INVALID_TOTP, "the TOTP code is wrong or was already used");
            }
            credentials.useTotpStep(c, staffNo, step.getAsLong());
            return new Outcome(succeed(c, attempt.key(), user, attempt.actor(), now), null);
        })).get();
    }

    /** Confirms a first-login enrolment with a code from the app, and logs the person in. */
    public LoginResponse confirmEnrolment(TotpEnrolmentRequest request) {
        if (request.enrolmentToken() == null || request.enrolmentToken().isBlank()) {
            throw ApiException.badRequest("enrolmentToken is required", "enrolmentToken");
        }
        if (request.code() == null || request.code().isBlank()) {
            throw ApiException.badRequest("code is required", "code");
        }
        if (!tokens.isWellFormed(request.enrolmentToken())) {
            throw ApiException.sessionExpired("the enrolment token is unknown or has expired; log in again");
        }
        Instant now = clock.instant();
        String tokenHash = tokens.hashOf(request.enrolmentToken());
        Outcome outcome = database.inTransaction(c -> {
            Optional<CredentialStore.Enrolment> enrolment = credentials.enrolmentForUpdate(c, tokenHash);
            if (enrolment.isEmpty() || !now.isBefore(enrolment.get().createdAt().plus(ENROLMENT_LIFETIME))) {
                return new Outcome(null, ApiException.sessionExpired(
                        "the enrolment token is unknown or has expired; log in again"));
            }
            String staffNo = enrolment.get().staffNo();
            AuditActor actor = actorOf(c, staffNo);
            CredentialStore.Attempts before = credentials.lockAttempts(c, staffNo);
            ApiException refusal = throttled(before);
            if (refusal != null) {
                audit.append(c, actor, AuditLog.TOTP_ENROL, AuditLog.DENIED, refusal.error().error().name());
                return new Outcome(null, refusal);
            }
            OptionalLong step = totp.verify(base32.decode(enrolment.get().secret()), request.code(), Totp.NEVER_USED);
            if (step.isEmpty()) {
                CredentialStore.Attempts after = credentials.recordFailure(c, staffNo, now);
                return failed(c, actor, AuditLog.TOTP_ENROL, "wrong TOTP code", after, ErrorCode.INVALID_TOTP,
                        "the code does not match; check the time on the phone and try the next code");
            }
            credentials.enrolTotp(c, staffNo, enrolment.get().secret(), step.getAsLong(), now);
            audit.append(c, actor, AuditLog.TOTP_ENROL, AuditLog.SUCCESS, null);
            SessionUser user = users.load(c, staffNo).orElseThrow();
            return new Outcome(succeed(c, staffNo, user, actor, now), null);
        });
        if (outcome.error() != null && outcome.error().status() == 423) {
            database.inTransaction(c -> credentials.enrolmentForUpdate(c, tokenHash)).ifPresent(
                    e -> accessEnded.accessEnded(e.staffNo(), "locked after repeated failures"));
        }
        return outcome.get();
    }

    /** A login that has just locked the account ends the person's access elsewhere too (chat), once committed. */
    private Outcome endAccessIfLocked(String staffNo, Outcome outcome) {
        if (staffNo != null && outcome.error() != null && outcome.error().status() == 423) {
            accessEnded.accessEnded(staffNo, "locked after repeated failures");
        }
        return outcome;
    }

    private LoginResponse succeed(Connection c, String key, SessionUser user, AuditActor actor, Instant now)
            throws SQLException {
        credentials.resetFailures(c, key);
        String token = sessions.open(c, user.staffNo(), now);
        audit.append(c, actor, AuditLog.LOGIN, AuditLog.SUCCESS, null);
        return LoginResponse.authenticated(token, now.plus(sessions.idleTimeout()), user, users.zone());
    }

    /** Records a failure already counted, and says what to answer for this very attempt. */
    private Outcome failed(Connection c, AuditActor actor, String action, String reason,
            CredentialStore.Attempts counted, ErrorCode code, String message) throws SQLException {
        audit.append(c, actor, action, AuditLog.FAILURE, reason + " (failure " + counted.failures() + ")");
        LoginThrottle.Decision decision = throttle.check(counted.failures(), counted.lastFailureAt());
        if (decision instanceof LoginThrottle.Decision.Locked locked) {
            audit.append(c, actor, AuditLog.LOCKOUT, AuditLog.SUCCESS, "locked until " + locked.until()
                    + " after " + counted.failures() + " failures");
        }
        ApiException throttled = throttled(decision);
        return new Outcome(null, throttled != null ? throttled : ApiException.unauthorized(code, message));
    }

    private void purgeUnknownNowAndThen(Connection c, Instant now) throws SQLException {
        Instant last = lastPurge.get();
        if (now.isAfter(last.plus(PURGE_INTERVAL)) && lastPurge.compareAndSet(last, now)) {
            credentials.purgeUnknownSince(c, now.minus(throttle.policy().lockDuration()));
        }
    }

    ApiException throttled(CredentialStore.Attempts attempts) {
        if (attempts.failures() == 0) {
            return null;
        }
        return throttled(throttle.check(attempts.failures(), attempts.lastFailureAt()));
    }

    static ApiException throttled(LoginThrottle.Decision decision) {
        return switch (decision) {
            case LoginThrottle.Decision.Allowed allowed -> null;
            case LoginThrottle.Decision.Delayed delayed -> new ApiException(429, new ApiError(
                    ErrorCode.TOO_MANY_ATTEMPTS, "too many failed attempts; try again in "
                            + delayed.retryAfterSeconds() + " s", null, delayed.retryAfterSeconds()));
            case LoginThrottle.Decision.Locked locked -> new ApiException(423, new ApiError(ErrorCode.ACCOUNT_LOCKED,
                    "the account is locked after repeated failures; try again in " + locked.retryAfterSeconds()
                            + " s or ask an administrator to unlock it", null, locked.retryAfterSeconds()));
        };
    }

    private boolean verify(char[] password, String hash) {
        try {
            return hasher.verify(password, hash);
        } catch (PasswordHasher.MalformedHashException e) {
            return false;
        }
    }

    AuditActor actorOf(Connection c, String staffNo) throws SQLException {
        return users.load(c, staffNo).map(AuditActor::of).orElse(AuditActor.typed(staffNo));
    }
}
