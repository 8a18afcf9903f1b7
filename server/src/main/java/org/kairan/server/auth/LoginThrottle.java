package org.kairan.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The policy against password guessing: from the number of consecutive failed logins of an account
 * and the time of the last one, whether the next attempt may be checked now.
 *
 * <p>With the {@link Policy#DEFAULT default policy}: failures 1 and 2 cost nothing; after the 3rd the
 * next attempt must wait 2 s after the last failure, after the 4th 4 s, then 8, 16, 32 and at most
 * 60 s ({@link Decision.Delayed}, HTTP 429); after the 10th the account is locked for 15 minutes
 * ({@link Decision.Locked}, HTTP 423). When the lock has run out one more attempt is allowed, and a
 * further failure locks the account again at once, so a guesser gets one try per 15 minutes. A
 * successful login (or an administrator's unlock) resets the count to 0.
 *
 * <p>How a server uses it: before checking the password, {@link #check} with the stored count and
 * time; if not {@link Decision.Allowed}, answer 429/423 with {@link Decision#retryAfterSeconds()}
 * without checking the password and without counting a failure. After a wrong password or TOTP
 * code, store count + 1 and now; {@code check(count + 1, now)} then tells what to answer for this
 * very attempt (e.g. 423 for the 10th failure). The policy keeps no state of its own and can equally
 * be applied per source address.
 *
 * <p>Thread-safe.
 */
public final class LoginThrottle {

    /**
     * @param freeFailures       failures that cost nothing
     * @param baseDelay          the delay doubles from this: delay after failure n is
     *                           {@code baseDelay × 2^(n − freeFailures)}
     * @param maxDelay           the delay never grows beyond this
     * @param lockAfterFailures  this many consecutive failures lock the account
     * @param lockDuration       how long a lock lasts, counted from the last failure
     */
    public record Policy(int freeFailures, Duration baseDelay, Duration maxDelay, int lockAfterFailures,
            Duration lockDuration) {

        /** 2 free failures, then 2 s, 4 s, … up to 60 s; locked 15 minutes after 10 failures. */
        public static final Policy DEFAULT = new Policy(2, Duration.ofSeconds(1), Duration.ofSeconds(60), 10,
                Duration.ofMinutes(15));

        public Policy {
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(lockDuration, "lockDuration");
            if (freeFailures < 0) {
                throw new IllegalArgumentException("freeFailures must not be negative: " + freeFailures);
            }
            if (lockAfterFailures <= freeFailures) {
                throw new IllegalArgumentException("lockAfterFailures must exceed freeFailures: " + lockAfterFailures);
            }
            if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
            }
            if (lockDuration.isNegative() || lockDuration.isZero()) {
                throw new IllegalArgumentException("lockDuration must be positive: " + lockDuration);
            }
        }
    }

    /** What may happen with the next login attempt. */
    public sealed interface Decision {

        /** Whole seconds to wait (rounded up), for the {@code Retry-After} header; 0 when allowed. */
        long retryAfterSeconds();

        /** Check the password now. */
        record Allowed() implements Decision {
            @Override
            public long retryAfterSeconds() {
                return 0;
            }
        }

        /** Too soon after the last failure: answer 429 {@code TOO_MANY_ATTEMPTS}. */
        record Delayed(Instant until, long retryAfterSeconds) implements Decision {
        }

        /** Too many failures: answer 423 {@code ACCOUNT_LOCKED}. */
        record Locked(Instant until, long retryAfterSeconds) implements Decision {
        }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    private final Policy policy;
    private final Clock clock;

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Policy policy() {
        return policy;
    }

    /**
     * @param consecutiveFailures failed attempts since the last success or unlock
     * @param lastFailureAt       when the last of them happened; may be {@code null} when there were none
     */
    public Decision check(int consecutiveFailures, Instant lastFailureAt) {
        if (consecutiveFailures <= policy.freeFailures()) {
            return ALLOWED;
        }
        Objects.requireNonNull(lastFailureAt, "lastFailureAt is required when there were failures");
        Instant now = clock.instant();
        if (consecutiveFailures >= policy.lockAfterFailures()) {
            Instant until = lastFailureAt.plus(policy.lockDuration());
            return now.isBefore(until) ? new Decision.Locked(until, secondsUntil(now, until)) : ALLOWED;
        }
        Instant until = lastFailureAt.plus(delayAfter(consecutiveFailures));
        return now.isBefore(until) ? new Decision.Delayed(until, secondsUntil(now, until)) : ALLOWED;
    }

    /** The wait imposed after this many failures below the lock threshold. */
    public Duration delayAfter(int consecutiveFailures) {
        int exponent = consecutiveFailures - policy.freeFailures();
        if (exponent <= 0) {
            return Duration.ZERO;
        }
        if (exponent >= 62) {
            return policy.maxDelay();
        }
        long factor = 1L << exponent;
        Duration delay = policy.baseDelay().getSeconds() > policy.maxDelay().getSeconds() / factor
                ? policy.maxDelay()
                : policy.baseDelay().multipliedBy(factor);
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    private static long secondsUntil(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        long seconds = left.getSeconds();
        return left.getNano() > 0 ? seconds + 1 : Math.max(1, seconds);
    }
}
