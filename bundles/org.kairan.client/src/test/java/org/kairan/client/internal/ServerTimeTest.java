package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.AccountLockedException;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanClientException;
import org.kairan.client.ServerAddress;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

/**
 * What the real server only does after a long time: the lock after ten failures in a row (the waits
 * between them add up to three minutes) and the end of a session left unused for 12 hours. The server
 * here is the server module itself, started in this JVM as {@code Main} starts it, on a clock the test
 * moves forward instead of waiting; nothing else differs from the jar the other tests start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerTimeTest {

    /** The real time plus an offset the test moves forward. */
    private static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    private final ShiftedClock clock = new ShiftedClock();
    private InProcessServer server;
    private ServerAddress address;

    @TempDir
    Path workspace;

    @BeforeAll
    void startServer(@TempDir Path dataDir) throws Exception {
        server = new InProcessServer(dataDir, settings -> settings.clock(clock));
        address = server.address;
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tenFailuresInARowLockTheAccountForFifteenMinutes() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        LoginRequest wrong = new LoginRequest(DemoAccounts.AUDITOR, "wrong-password", null);
        List<Duration> waits = new ArrayList<>();
        AccountLockedException last = null;
        for (int failure = 1; failure <= 10; failure++) {
            try {
                client.login(address, wrong);
                throw new AssertionError("a wrong password must never log in");
            } catch (WrongCredentialsException e) {
                assertTrue(failure <= 2, "only the first two failures are answered without a wait (failure "
                        + failure + ")");
            } catch (AccountLockedException e) {
                last = e;
                if (failure < 10) {
                    assertFalse(e.lockedOut(), "failure " + failure + " delays the next attempt, it does not lock");
                    waits.add(e.retryAfter());
                    clock.advance(e.retryAfter().plusSeconds(1)); // instead of waiting
                }
            }
        }
        List<Long> expected = List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertEquals(expected.size(), waits.size(), "failures 3 to 9 each start a wait: " + waits);
        for (int i = 0; i < expected.size(); i++) {
            LoginAgainstServerTest.assertWait(expected.get(i), waits.get(i),
                    "the waits grow from 2 s to at most 60 s (docs/API.md): " + waits);
        }
        assertTrue(last != null && last.lockedOut(), "the 10th failure in a row locks the account: " + last);
        LoginAgainstServerTest.assertWait(Duration.ofMinutes(15).toSeconds(), last.retryAfter(), "for 15 minutes");

        clock.advance(Duration.ofMinutes(14));
        AccountLockedException stillLocked = assertThrows(AccountLockedException.class, () -> client.login(
                address, new LoginRequest(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null)),
                "while locked even the right password is refused");
        assertTrue(stillLocked.lockedOut(), "as locked");
        assertTrue(stillLocked.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0,
                "with the time that is left: " + stillLocked.retryAfter());

        clock.advance(Duration.ofMinutes(2));
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, client.login(address,
                new LoginRequest(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null)).status(),
                "once the lock has run out the right password is accepted");
    }

    @Test
    void aSessionUnusedForTwelveHoursHasExpiredAtTheNextRequest() throws KairanClientException {
        HttpKairanServerClient client = RealServer.client(workspace, clock);
        LoginRequest first = new LoginRequest(DemoAccounts.FINANCE_CLERK, DemoAccounts.PASSWORD, null);
        LoginResponse enrolment = client.login(address, first);
        Authenticator app = Authenticator.fromUri(enrolment.otpauthUri(), clock);
        client.confirmEnrolment(address, new TotpEnrolmentRequest(enrolment.enrolmentToken(), app.nextCode()));
        assertTrue(client.directory().staff().size() > 300, "the new session works");

        clock.advance(Duration.ofHours(11));
        assertTrue(client.directory().staff().size() > 300, "11 hours later it still works, and is renewed by use");
        clock.advance(Duration.ofHours(12).plusMinutes(1));

        assertThrows(SessionExpiredException.class, client::directory, "12 hours without use end the session");
        assertEquals(ConnectionState.SESSION_EXPIRED, client.connectionState(), "the state says expired");
        assertTrue(client.session().isEmpty(), "the session is forgotten");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "also on disk");
    }
}
