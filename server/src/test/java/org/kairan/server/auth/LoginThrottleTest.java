package org.kairan.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    private static final Instant LAST_FAILURE = Instant.parse("2026-11-26T01:00:00Z");

    private static LoginThrottle at(Instant now) {
        return new LoginThrottle(LoginThrottle.Policy.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void noFailuresAndTheFirstTwoCostNothing() {
        LoginThrottle throttle = at(LAST_FAILURE);
        assertInstanceOf(LoginThrottle.Decision.Allowed.class, throttle.check(0, null), "no failures: allowed");
        assertInstanceOf(LoginThrottle.Decision.Allowed.class, throttle.check(1, LAST_FAILURE),
                "after 1 failure the next attempt is allowed at once");
        assertInstanceOf(LoginThrottle.Decision.Allowed.class, throttle.check(2, LAST_FAILURE),
                "after 2 failures the next attempt is allowed at once");
    }

    @ParameterizedTest(name = "after {0} failures wait {1} s")
    @CsvSource({"3, 2", "4, 4", "5, 8", "6, 16", "7, 32", "8, 60", "9, 60"})
    void fromTheThirdFailureTheDelayDoublesUpToSixtySeconds(int failures, long seconds) {
        LoginThrottle.Decision immediately = at(LAST_FAILURE).check(failures, LAST_FAILURE);
        LoginThrottle.Decision.Delayed delayed = assertInstanceOf(LoginThrottle.Decision.Delayed.class, immediately,
                "right after failure " + failures + " the next attempt must be delayed (429)");
        assertEquals(seconds, delayed.retryAfterSeconds(), "Retry-After after " + failures + " failures");
        assertEquals(LAST_FAILURE.plusSeconds(seconds), delayed.until(), "the delay counts from the last failure");
        assertInstanceOf(LoginThrottle.Decision.Delayed.class,
                at(LAST_FAILURE.plusSeconds(seconds).minusMillis(1)).check(failures, LAST_FAILURE),
                "1 ms before the delay ends the attempt is still refused");
        assertInstanceOf(LoginThrottle.Decision.Allowed.class,
                at(LAST_FAILURE.plusSeconds(seconds)).check(failures, LAST_FAILURE),
                "once the delay has passed the attempt is allowed");
    }

    @Test
    void retryAfterRoundsUp() {
        LoginThrottle.Decision decision = at(LAST_FAILURE.plusMillis(2500)).check(4, LAST_FAILURE);
        assertEquals(2, decision.retryAfterSeconds(), "1.5 s left is announced as 2 s, never 1 s or 0");
        assertEquals(1, at(LAST_FAILURE.plusMillis(3999)).check(4, LAST_FAILURE).retryAfterSeconds(),
                "1 ms left is announced as 1 s");
    }

    @Test
    void tenFailuresLockTheAccountForFifteenMinutes() {
        LoginThrottle.Decision.Locked locked = assertInstanceOf(LoginThrottle.Decision.Locked.class,
                at(LAST_FAILURE).check(10, LAST_FAILURE), "the 10th failure locks the account (423)");
        assertEquals(LAST_FAILURE.plus(Duration.ofMinutes(15)), locked.until(), "locked for 15 minutes");
        assertEquals(900, locked.retryAfterSeconds(), "Retry-After is the rest of the lock");
        assertInstanceOf(LoginThrottle.Decision.Locked.class,
                at(LAST_FAILURE.plus(Duration.ofMinutes(14))).check(10, LAST_FAILURE),
                "still locked 14 minutes later");
        assertEquals(60, at(LAST_FAILURE.plus(Duration.ofMinutes(14))).check(10, LAST_FAILURE).retryAfterSeconds(),
                "one minute left");
        assertInstanceOf(LoginThrottle.Decision.Allowed.class,
                at(LAST_FAILURE.plus(Duration.ofMinutes(15))).check(10, LAST_FAILURE),
                "after 15 minutes one attempt is allowed");
    }

    @Test
    void aFailureAfterTheLockRanOutLocksAgainAtOnce() {
        Instant afterLock = LAST_FAILURE.plus(Duration.ofMinutes(16));
        assertInstanceOf(LoginThrottle.Decision.Locked.class, at(afterLock).check(11, afterLock),
                "the 11th consecutive failure locks for another 15 minutes: one guess per lock period");
    }

    @Test
    void aCustomPolicyIsHonoured() {
        LoginThrottle.Policy strict = new LoginThrottle.Policy(0, Duration.ofSeconds(5), Duration.ofSeconds(20), 3,
                Duration.ofHours(1));
        LoginThrottle throttle = new LoginThrottle(strict, Clock.fixed(LAST_FAILURE, ZoneOffset.UTC));
        assertEquals(10, throttle.check(1, LAST_FAILURE).retryAfterSeconds(), "5 s × 2^1 after the first failure");
        assertEquals(20, throttle.check(2, LAST_FAILURE).retryAfterSeconds(), "capped at 20 s");
        LoginThrottle.Decision.Locked locked = assertInstanceOf(LoginThrottle.Decision.Locked.class,
                throttle.check(3, LAST_FAILURE), "3 failures lock under this policy");
        assertEquals(3600, locked.retryAfterSeconds(), "for one hour");
    }

    @Test
    void hugeCountsDoNotOverflow() {
        LoginThrottle throttle = at(LAST_FAILURE);
        assertEquals(Duration.ofSeconds(60), throttle.delayAfter(Integer.MAX_VALUE), "capped, no overflow");
        assertEquals(Duration.ofSeconds(60), throttle.delayAfter(64), "capped, no overflow");
        assertInstanceOf(LoginThrottle.Decision.Locked.class, throttle.check(Integer.MAX_VALUE, LAST_FAILURE),
                "any count beyond the threshold is locked");
    }

    @Test
    void inconsistentPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 5, Duration.ofMinutes(1)),
                "the lock threshold must be above the free failures");
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Policy(2, Duration.ofSeconds(90), Duration.ofSeconds(60), 10, Duration.ofMinutes(1)),
                "the base delay cannot exceed the maximum");
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle.Policy(2, Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ZERO),
                "a lock must last some time");
        assertThrows(NullPointerException.class, () -> at(LAST_FAILURE).check(3, null),
                "failures without a time are a programming error");
    }
}
