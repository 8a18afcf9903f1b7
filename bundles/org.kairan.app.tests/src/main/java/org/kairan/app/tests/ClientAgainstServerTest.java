package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.client.AccountLockedException;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.ServerAddress;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.HealthStatus;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The client DS service against the real server, through calls that do not change the application's
 * session (failed logins, reads with the current session).
 */
@Order(1)
class ClientAgainstServerTest {

    private KairanServerClient client;
    private TestServer server;
    private ServerAddress address;

    @BeforeEach
    void services() {
        BundleContext context = FrameworkUtil.getBundle(ClientAgainstServerTest.class).getBundleContext();
        client = context.getService(context.getServiceReference(KairanServerClient.class));
        server = context.getService(context.getServiceReference(TestServer.class));
        address = ServerAddress.parse(server.url());
    }

    @Test
    void theServerIsHealthy() throws KairanClientException {
        HealthStatus health = client.checkHealth(address);
        assertEquals("UP", health.status(), "the test server reports UP");
    }

    @Test
    void theDirectoryHasTheDemoCityAndTheSearchFindsKana() throws KairanClientException {
        DirectorySnapshot snapshot = client.directory();
        assertTrue(snapshot.staff().size() >= 350, "the demo city has about 400 staff, got " + snapshot.staff().size());
        assertTrue(snapshot.units().stream().anyMatch(u -> u.name().equals("教育委員会")), "教育委員会 is a unit");
        List<StaffMember> found = client.searchStaff("さとう");
        assertFalse(found.isEmpty(), "there are people called さとう in a Japanese city");
        assertTrue(found.stream().allMatch(m -> m.kana().replace(" ", "").replace("\u3000", "").contains("さとう")
                || m.name().contains("佐藤")), "every hit has さとう in its かな");
    }

    @Test
    void aWrongPasswordAndAMissingOrWrongCodeAreToldApart() {
        assertThrows(WrongCredentialsException.class,
                () -> client.login(address, new LoginRequest(TestServer.FIRST_USER, "not-the-password", null)),
                "a wrong password is INVALID_CREDENTIALS");
        try {
            LoginResponse response = client.login(address,
                    new LoginRequest(TestServer.FIRST_USER, TestServer.DEMO_PASSWORD, null));
            assertEquals(LoginStatus.TOTP_REQUIRED, response.status(),
                    "an enrolled account with the right password but no code must be asked for the code");
        } catch (KairanClientException e) {
            throw new AssertionError("the right password without a code must not fail: " + e, e);
        }
        assertThrows(WrongTotpException.class, () -> client.login(address,
                new LoginRequest(TestServer.FIRST_USER, TestServer.DEMO_PASSWORD, wrongCode())),
                "a wrong code for an enrolled account is INVALID_TOTP");
    }

    @Test
    void repeatedFailuresAreThrottledWithAWaitingTime() {
        AccountLockedException throttled = null;
        for (int attempt = 1; attempt <= 5 && throttled == null; attempt++) {
            try {
                client.login(address, new LoginRequest(TestServer.LOCKOUT_USER, "wrong-" + attempt, null));
            } catch (AccountLockedException e) {
                throttled = e;
            } catch (KairanClientException e) {
                // the first failures cost nothing
            }
        }
        assertTrue(throttled != null, "after a few failures in a row the next attempt is refused for a while");
        assertFalse(throttled.lockedOut(), "a few failures throttle, they do not lock the account yet");
        assertTrue(throttled.retryAfter().compareTo(Duration.ZERO) > 0,
                "the refusal says how long to wait: " + throttled.retryAfter());
        assertThrows(AccountLockedException.class, () -> client.login(address,
                new LoginRequest(TestServer.LOCKOUT_USER, TestServer.DEMO_PASSWORD, null)),
                "even the right password is refused while the wait lasts");
    }

    private String wrongCode() {
        return server.authenticator(TestServer.FIRST_USER).orElseThrow().wrongCode();
    }
}
