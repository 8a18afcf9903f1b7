package org.kairan.server.login;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.auth.LoginThrottle;
import org.kairan.server.auth.PasswordHasher;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.http.ApiException;
import org.kairan.server.storage.Database;

/**
 * Changes to an account: a person's own password change, and what administrators do (set an
 * initial password, reset the second factor, end sessions, unlock). Each is audited in the same
 * transaction.
 */
public final class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final Database database;
    private final OrganisationStore organisation;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final AccessEndedListener accessEnded;

    public AccountService(Database database, OrganisationStore organisation, CredentialStore credentials,
            SessionStore sessions, AuditLog audit, PasswordHasher hasher, LoginThrottle throttle, Clock clock,
            AccessEndedListener accessEnded) {
        this.database = database;
        this.organisation = organisation;
        this.credentials = credentials;
        this.sessions = sessions;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.accessEnded = accessEnded;
    }

    /** The person changes their own password; their other sessions end. */
    public void changePassword(SessionService.Authenticated who, PasswordChangeRequest request) {
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            throw ApiException.badRequest("currentPassword is required", "currentPassword");
        }
        if (request.newPassword() == null || request.newPassword().isEmpty()) {
            throw ApiException.badRequest("newPassword is required", "newPassword");
        }
        String staffNo = who.user().staffNo();
        AuditActor actor = AuditActor.of(who.user());
        Instant now = clock.instant();
        record Current(String hash, CredentialStore.Attempts reserved, ApiException refusal) {
        }
        Current current = database.inTransaction(c -> {
            String email = organisation.member(c, staffNo).map(StaffMember::email).orElse("");
            String weakness = weakness(request.newPassword(), staffNo, email);
            if (weakness != null) {
                throw ApiException.unprocessable(weakness, "newPassword");
            }
            CredentialStore.Attempts before = credentials.lockAttempts(c, staffNo);
            ApiException refusal = before.failures() == 0 ? null
                    : LoginService.throttled(throttle.check(before.failures(), before.lastFailureAt()));
            if (refusal != null) {
                audit.append(c, actor, AuditLog.PASSWORD_CHANGE, AuditLog.DENIED, refusal.error().error().name());
                return new Current(null, before, refusal);
            }
            return new Current(credentials.passwordHash(c, staffNo).orElse(null),
                    credentials.recordFailure(c, staffNo, now), null);
        });
        if (current.refusal() != null) {
            throw current.refusal();
        }
        char[] typed = request.currentPassword().toCharArray();
        boolean right;
        try {
            right = current.hash() != null && hasher.verify(typed, current.hash());
        } catch (PasswordHasher.MalformedHashException e) {
            right = false;
        } finally {
            Arrays.fill(typed, '\0');
        }
        if (!right) {
            ApiException answer = database.inTransaction(c -> {
                audit.append(c, actor, AuditLog.PASSWORD_CHANGE, AuditLog.FAILURE, "wrong current password (failure "
                        + current.reserved().failures() + ")");
                LoginThrottle.Decision decision = throttle.check(current.reserved().failures(),
                        current.reserved().lastFailureAt());
                if (decision instanceof LoginThrottle.Decision.Locked locked) {
                    audit.append(c, actor, AuditLog.LOCKOUT, AuditLog.SUCCESS, "locked until " + locked.until());
                }
                ApiException throttled = LoginService.throttled(decision);
                return throttled != null ? throttled
                        : ApiException.unauthorized(ErrorCode.INVALID_CREDENTIALS, "the current password is wrong");
            });
            if (answer.status() == 423) {
                accessEnded.accessEnded(staffNo, "locked after repeated failures");
            }
            throw answer;
        }
        String hash = hash(request.newPassword());
        database.inTransaction(c -> {
            credentials.setPasswordHash(c, staffNo, hash, now);
            credentials.resetFailures(c, staffNo);
            int ended = sessions.deleteAllOf(c, staffNo, who.tokenHash());
            return audit.append(c, actor, AuditLog.PASSWORD_CHANGE, AuditLog.SUCCESS,
                    ended + " other sessions ended");
        });
    }

    /** Why a new password is refused, or {@code null}: under 10 characters, or the user id itself. */
    public static String weakness(String password, String staffNo, String email) {
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        if (normalised.codePointCount(0, normalised.length()) < MIN_PASSWORD_LENGTH) {
            return "the new password must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        String lower = normalised.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(staffNo.toLowerCase(Locale.ROOT))
                || (!email.isEmpty() && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            return "the new password must not be the user id";
        }
        return null;
    }

    /**
     * Sets a password (administrator's command line, demo accounts): the person's sessions end and
     * their failure count is cleared.
     *
     * @throws IllegalArgumentException when there is no such person or the password is too weak
     */
    public void setPassword(String staffNo, char[] password, AuditActor actor) {
        String email = database.inTransaction(c -> organisation.member(c, staffNo).map(StaffMember::email))
                .orElseThrow(() -> new IllegalArgumentException("no staff member with 職員番号 " + staffNo));
        String weakness = weakness(new String(password), staffNo, email);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        database.inTransaction(c -> {
            credentials.setPasswordHash(c, staffNo, hash, now);
            credentials.resetFailures(c, staffNo);
            sessions.deleteAllOf(c, staffNo, null);
            return audit.append(c, actor, AuditLog.PASSWORD_SET, AuditLog.SUCCESS, "password set for " + staffNo);
        });
    }

    /** The person must enrol a second factor again at next login; their sessions end. */
    public void resetTotp(String staffNo, AuditActor admin) {
        adminAction(staffNo, admin, AuditLog.TOTP_RESET, c -> {
            boolean had = credentials.deleteTotp(c, staffNo);
            int ended = sessions.deleteAllOf(c, staffNo, null);
            return (had ? "second factor removed" : "no second factor was enrolled") + ", " + ended + " sessions ended";
        });
    }

    /** Ends all the person's sessions, and their chat access (a new chat password at their next login). */
    public void revokeSessions(String staffNo, AuditActor admin) {
        adminAction(staffNo, admin, AuditLog.SESSIONS_REVOKE,
                c -> sessions.deleteAllOf(c, staffNo, null) + " sessions ended");
        accessEnded.accessEnded(staffNo, "sessions revoked by an administrator");
    }

    /** Whether the account is locked now after repeated failures (its sessions may still be open). */
    public boolean isLocked(String staffNo) {
        CredentialStore.Attempts attempts = database.inTransaction(c -> credentials.attempts(c, staffNo));
        return attempts.failures() > 0 && throttle.check(attempts.failures(), attempts.lastFailureAt())
                instanceof LoginThrottle.Decision.Locked;
    }

    public void unlock(String staffNo, AuditActor admin) {
        adminAction(staffNo, admin, AuditLog.UNLOCK,
                c -> credentials.resetFailures(c, staffNo) ? "failure count cleared" : "was not locked");
    }

    /** Work on a person's account that returns the audit detail. */
    @FunctionalInterface
    private interface AccountWork {
        String run(java.sql.Connection c) throws java.sql.SQLException;
    }

    private void adminAction(String staffNo, AuditActor admin, String action, AccountWork work) {
        database.inTransaction(c -> {
            if (organisation.member(c, staffNo).isEmpty()) {
                throw ApiException.notFound("no staff member with 職員番号 " + staffNo);
            }
            String detail = work.run(c);
            return audit.append(c, admin, action, AuditLog.SUCCESS, "target " + staffNo + ": " + detail);
        });
    }

    private String hash(String password) {
        char[] chars = password.toCharArray();
        try {
            return hasher.hash(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
