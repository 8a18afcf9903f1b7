package org.kairan.server.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

import com.fasterxml.jackson.core.type.TypeReference;

/** The login flow of docs/API.md as a person at the login dialog meets it. */
class LoginFlowTest {

    @TempDir
    Path dataDir;

    RunningServer running;

    @BeforeEach
    void start() {
        running = RunningServer.h2(dataDir).withTestRoster();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private LoginResponse ok(HttpResponse<String> response, String what) {
        assertEquals(200, response.statusCode(), what + ": " + response.body());
        return running.read(response, LoginResponse.class);
    }

    private ApiError error(HttpResponse<String> response, int status, ErrorCode code, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        ApiError error = running.read(response, ApiError.class);
        assertEquals(code, error.error(), what);
        return error;
    }

    private List<AuditEntry> audit() {
        return running.read(running.get("/api/admin/audit", running.sessionFor(TestRoster.ADMIN)),
                new TypeReference<List<AuditEntry>>() {
                });
    }

    @Test
    void theFirstLoginEnrolsASecondFactorThenPasswordAndCodeLogIn() {
        LoginResponse first = ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "the password is right");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, first.status(), "without a second factor, enrolment starts");
        assertTrue(first.otpauthUri().startsWith("otpauth://totp/Kairan:900004"), "the QR code names the account: "
                + first.otpauthUri());
        byte[] secret = RunningServer.secretFromUri(first.otpauthUri());

        error(running.postJson("/api/auth/totp/enrol", null, new TotpEnrolmentRequest(first.enrolmentToken(), "000000")),
                401, ErrorCode.INVALID_TOTP, "a wrong confirmation code is refused");
        LoginResponse enrolled = ok(running.postJson("/api/auth/totp/enrol", null,
                new TotpEnrolmentRequest(first.enrolmentToken(), running.code(secret))), "the right code enrols");
        assertEquals(LoginStatus.AUTHENTICATED, enrolled.status(), "enrolment logs the person in");
        assertEquals("佐藤　美咲", enrolled.user().name(), "the session is the person's");
        assertEquals(200, running.get("/api/session", enrolled.sessionToken()).statusCode(), "the token works");

        running.clock.advance(Duration.ofSeconds(30));
        LoginResponse second = ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "the password is right");
        assertEquals(LoginStatus.TOTP_REQUIRED, second.status(), "an enrolled person is asked for the code");
        LoginResponse third = ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, running.code(secret)),
                "password and code log in");
        assertEquals(LoginStatus.AUTHENTICATED, third.status(), "password and code log in");
        assertNotNull(third.sessionToken(), "a session token is issued");
        assertEquals("Asia/Tokyo", third.officeZone(), "the desktop is told the office's zone, to reckon today in");
    }

    @Test
    void aCodeThatWasUsedOnceIsRefusedTheSecondTime() {
        running.sessionFor(TestRoster.SHUJI);
        running.clock.advance(Duration.ofSeconds(30));
        String code = running.code(running.enrolledSecret(TestRoster.SHUJI));
        ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, code), "the fresh code logs in");
        error(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, code), 401, ErrorCode.INVALID_TOTP,
                "the same code cannot be replayed");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        ApiError unknown = error(running.login("nobody", TestRoster.PASSWORD, null), 401, ErrorCode.INVALID_CREDENTIALS,
                "an unknown user id is refused");
        ApiError wrong = error(running.login(TestRoster.SHUJI, "wrong-password!", null), 401,
                ErrorCode.INVALID_CREDENTIALS, "a wrong password is refused");
        assertEquals(unknown.message(), wrong.message(), "the answers do not tell which user ids exist");
    }

    @Test
    void aPersonWithoutAPasswordCannotLogIn() {
        running.server.rosterImporter().importRoster(null, ("職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n"
                + "900009,新人　次郎,しんじん　じろう,,120201,主事,2026-04-01,本務,\n").getBytes(),
                org.kairan.server.audit.AuditActor.system("test"));
        error(running.login("900009", "", null), 400, ErrorCode.BAD_REQUEST, "an empty password is a mistake");
        error(running.login("900009", "anything-at-all", null), 401, ErrorCode.INVALID_CREDENTIALS,
                "staff without a credential cannot log in");
    }

    @Test
    void theMailAddressWorksAsUserId() {
        LoginResponse response = ok(running.login("Misaki.Sato@city.example.jp", TestRoster.PASSWORD, null),
                "the mail address identifies the person");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, response.status(), "the person logs in by mail address");
    }

    @Test
    void repeatedFailuresGrowADelayAndThenLockTheAccount() {
        error(running.login(TestRoster.SHUJI, "wrong-1", null), 401, ErrorCode.INVALID_CREDENTIALS, "1st failure");
        error(running.login(TestRoster.SHUJI, "wrong-2", null), 401, ErrorCode.INVALID_CREDENTIALS, "2nd failure");
        HttpResponse<String> third = running.login(TestRoster.SHUJI, "wrong-3", null);
        ApiError delayed = error(third, 429, ErrorCode.TOO_MANY_ATTEMPTS, "the 3rd failure imposes a delay");
        assertEquals(2L, delayed.retryAfterSeconds(), "the first delay is 2 s");
        assertEquals("2", third.headers().firstValue("Retry-After").orElse(""), "Retry-After says the same");
        error(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), 429, ErrorCode.TOO_MANY_ATTEMPTS,
                "even the right password waits out the delay");
        long waited = 2;
        for (int failure = 4; failure <= 9; failure++) {
            running.clock.advance(Duration.ofSeconds(waited));
            ApiError next = error(running.login(TestRoster.SHUJI, "wrong-" + failure, null), 429,
                    ErrorCode.TOO_MANY_ATTEMPTS, "failure " + failure + " grows the delay");
            assertTrue(next.retryAfterSeconds() > waited || next.retryAfterSeconds() == 60,
                    "the delay grows up to 60 s: " + next.retryAfterSeconds());
            waited = next.retryAfterSeconds();
        }
        running.clock.advance(Duration.ofSeconds(waited));
        ApiError locked = error(running.login(TestRoster.SHUJI, "wrong-10", null), 423, ErrorCode.ACCOUNT_LOCKED,
                "the 10th failure locks the account");
        assertEquals(900L, locked.retryAfterSeconds(), "the lock lasts 15 minutes");
        running.clock.advance(Duration.ofMinutes(5));
        error(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), 423, ErrorCode.ACCOUNT_LOCKED,
                "the right password does not open a locked account");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("LOCKOUT") && TestRoster.SHUJI.equals(e.staffNo())),
                "the lock-out is in the audit log");

        String admin = running.sessionFor(TestRoster.ADMIN);
        assertEquals(204, running.post("/api/admin/users/900004/unlock", admin, null, new byte[0]).statusCode(),
                "an administrator unlocks the account");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED,
                ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "after unlock").status(),
                "after the unlock the right password is accepted");
    }

    @Test
    void theLockEndsByItselfAfterFifteenMinutes() {
        for (int i = 1; i <= 10; i++) {
            running.login(TestRoster.SHUJI, "wrong-" + i, null);
            running.clock.advance(Duration.ofSeconds(61));
        }
        error(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), 423, ErrorCode.ACCOUNT_LOCKED,
                "ten failures lock the account");
        running.clock.advance(Duration.ofMinutes(15));
        ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "after 15 minutes the account opens again");
    }

    @Test
    void aRightPasswordBetweenFailuresDoesNotCountAsOne() {
        running.login(TestRoster.SHUJI, "wrong-1", null);
        running.login(TestRoster.SHUJI, "wrong-2", null);
        ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "the right password still answers");
        ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "and again: it was not counted as a failure");
    }

    @Test
    void parallelGuessesCannotOutrunTheThrottle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "guess-" + i;
                results.add(pool.submit(() -> running.login(TestRoster.SHUJI, guess, null).statusCode()));
            }
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, statuses.stream().filter(s -> s == 401).count(),
                "only the two free failures are checked, however many guesses arrive at once: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), "the rest are told to wait: " + statuses);
    }

    @Test
    void aSessionEndsAfterTwelveHoursIdleButUseKeepsItAlive() {
        String token = running.sessionFor(TestRoster.SHUJI);
        running.clock.advance(Duration.ofHours(11));
        assertEquals(200, running.get("/api/session", token).statusCode(), "after 11 h idle the session lives");
        running.clock.advance(Duration.ofHours(11));
        assertEquals(200, running.get("/api/session", token).statusCode(), "use renewed it for another 12 h");
        running.clock.advance(Duration.ofHours(12));
        error(running.get("/api/session", token), 401, ErrorCode.SESSION_EXPIRED, "12 h idle end the session");
    }

    @Test
    void anAdministratorEndsSomeonesSessions() {
        String token = running.sessionFor(TestRoster.SHUJI);
        String admin = running.sessionFor(TestRoster.ADMIN);
        assertEquals(204, running.post("/api/admin/users/900004/sessions/revoke", admin, null, new byte[0])
                .statusCode(), "the administrator revokes the sessions");
        error(running.get("/api/session", token), 401, ErrorCode.SESSION_EXPIRED, "a revoked session is gone");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("SESSIONS_REVOKE")
                && e.detail().contains(TestRoster.SHUJI) && TestRoster.ADMIN.equals(e.staffNo())),
                "the revocation is audited with who did it");
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        String here = running.sessionFor(TestRoster.SHUJI);
        String elsewhere = running.sessionFor(TestRoster.SHUJI);
        error(running.postJson("/api/auth/password", here, new PasswordChangeRequest("not-it", "a-much-better-one")),
                401, ErrorCode.INVALID_CREDENTIALS, "the current password must be right");
        error(running.postJson("/api/auth/password", here, new PasswordChangeRequest(TestRoster.PASSWORD, "short")),
                422, ErrorCode.UNPROCESSABLE, "a password under 10 characters is too weak");
        error(running.postJson("/api/auth/password", here, new PasswordChangeRequest(TestRoster.PASSWORD,
                "misaki.sato@city.example.jp")), 422, ErrorCode.UNPROCESSABLE, "the user id is not a password");
        assertEquals(204, running.postJson("/api/auth/password", here,
                new PasswordChangeRequest(TestRoster.PASSWORD, "a-much-better-one")).statusCode(), "the change is made");
        assertEquals(200, running.get("/api/session", here).statusCode(), "the session that changed it stays");
        error(running.get("/api/session", elsewhere), 401, ErrorCode.SESSION_EXPIRED, "other sessions end");
        error(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), 401, ErrorCode.INVALID_CREDENTIALS,
                "the old password no longer works");
        ok(running.login(TestRoster.SHUJI, "a-much-better-one", null), "the new password works");
    }

    @Test
    void anAdministratorResetsTheSecondFactor() {
        String token = running.sessionFor(TestRoster.SHUJI);
        String admin = running.sessionFor(TestRoster.ADMIN);
        assertEquals(204, running.post("/api/admin/users/900004/totp-reset", admin, null, new byte[0]).statusCode(),
                "the administrator resets the second factor");
        error(running.get("/api/session", token), 401, ErrorCode.SESSION_EXPIRED, "the person's sessions end");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED,
                ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "next login").status(),
                "the next login enrols a new second factor");
    }

    @Test
    void anEnrolmentTokenLastsTenMinutes() {
        LoginResponse first = ok(running.login(TestRoster.SHUJI, TestRoster.PASSWORD, null), "enrolment starts");
        running.clock.advance(Duration.ofMinutes(10));
        byte[] secret = RunningServer.secretFromUri(first.otpauthUri());
        error(running.postJson("/api/auth/totp/enrol", null,
                new TotpEnrolmentRequest(first.enrolmentToken(), running.code(secret))), 401,
                ErrorCode.SESSION_EXPIRED, "an enrolment older than 10 minutes must start again");
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        String token = running.sessionFor(TestRoster.SHUJI);
        assertEquals(204, running.post("/api/auth/logout", token, null, new byte[0]).statusCode(), "logout answers 204");
        error(running.get("/api/session", token), 401, ErrorCode.SESSION_EXPIRED, "the token is revoked");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("LOGOUT") && TestRoster.SHUJI.equals(e.staffNo())),
                "the logout is in the audit log");
    }

    @Test
    void failedLoginsAreAuditedWithTheTypedUserId() {
        running.login("intruder", "guess", null);
        running.login(TestRoster.SHUJI, "guess", null);
        List<AuditEntry> entries = audit();
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("LOGIN") && e.result().equals("FAILURE")
                && "intruder".equals(e.staffNo())), "a failure of an unknown id records what was typed");
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("LOGIN") && e.result().equals("FAILURE")
                && TestRoster.SHUJI.equals(e.staffNo()) && "佐藤　美咲".equals(e.name())),
                "a failure of a known person records their name");
    }
}
