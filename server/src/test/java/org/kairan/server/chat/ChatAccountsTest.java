package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * Business chat's accounts on the real managed Prosody: the Kairan server's administrator, staff accounts made through
 * XEP-0133 §4.1, credentials handed out only to a 2FA session, and access ended through §4.18 and §4.7.
 */
class ChatAccountsTest {

    @TempDir
    Path dir;

    private RunningServer startWithChat() {
        return RunningServer.start(RunningServer.config(dir, null).toBuilder().chat(ChatSettings.managed()).build())
                .withTestRoster();
    }

    private static ManagedProsody prosody(RunningServer running) {
        return (ManagedProsody) running.server.chat().orElseThrow();
    }

    private ChatCredentials credentials(RunningServer running, String token) {
        HttpResponse<String> response = running.get("/api/chat/credentials", token);
        assertEquals(200, response.statusCode(), "a logged-in person gets their chat credentials: " + response.body());
        return running.read(response, ChatCredentials.class);
    }

    @Test
    void theServersAdministratorExistsWithItsPasswordInAnOwnerOnlyFileAndLogsIn() throws Exception {
        try (RunningServer running = startWithChat()) {
            ManagedProsody prosody = prosody(running);
            Path file = prosody.files().adminPasswordFile();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "only the server's user can read the administrator's password");
            String password = Files.readString(file).strip();
            assertTrue(password.length() >= 40, "a long random password");
            XMPPTCPConnection admin = XmppLogin.login(prosody.address(), prosody.files().certificate(),
                    "kairan-admin@" + ChatSettings.DEFAULT_DOMAIN, password);
            try {
                assertTrue(admin.isAuthenticated(), "kairan-admin logs in with the kept password");
            } finally {
                admin.disconnect();
            }
            assertThrows(SASLErrorException.class, () -> XmppLogin.login(prosody.address(),
                    prosody.files().certificate(), "kairan-admin@" + ChatSettings.DEFAULT_DOMAIN, "wrong-password"),
                    "and with nothing else");
        }
        try (RunningServer again = RunningServer.start(RunningServer.config(dir, null).toBuilder()
                .chat(ChatSettings.managed()).build())) {
            ManagedProsody prosody = prosody(again);
            assertEquals(Files.readString(prosody.files().adminPasswordFile()).strip(), prosody.adminPassword(),
                    "a restart keeps the administrator's password");
            XmppLogin.login(prosody.address(), prosody.files().certificate(),
                    prosody.adminJid(), prosody.adminPassword()).disconnect();
        }
    }

    @Test
    void aStaffMemberLogsInToChatWithTheCredentialsHandedToTheir2faSessionAndOnlyTheirs() throws Exception {
        try (RunningServer running = startWithChat()) {
            ManagedProsody prosody = prosody(running);
            assertEquals(401, running.get("/api/chat/credentials", null).statusCode(), "no session, no credentials");
            assertEquals(401, running.get("/api/chat/credentials", "not-a-token").statusCode(),
                    "a made-up token gets nothing either");

            String shuji = running.sessionFor(TestRoster.SHUJI);
            ChatCredentials mine = credentials(running, shuji);
            assertEquals(TestRoster.SHUJI + "@kairan.local", mine.jid(), "the caller's own account");
            assertEquals("kairan.local", mine.domain());
            assertEquals("conference.kairan.local", mine.conference());
            assertEquals("upload.kairan.local", mine.upload());
            assertEquals(prosody.address().c2sPort(), mine.port());
            assertEquals(Files.readString(prosody.files().certificate()), mine.certificate(),
                    "the desktop is handed the managed server's certificate to trust");
            assertEquals(mine, credentials(running, shuji), "asking again gives the same account and password");

            HttpResponse<String> other = running.get("/api/chat/credentials?staffNo=" + TestRoster.KACHO, shuji);
            assertEquals(TestRoster.SHUJI + "@kairan.local", running.read(other, ChatCredentials.class).jid(),
                    "nobody can ask for another person's account");

            XMPPTCPConnection connection = XmppLogin.login(prosody.address(), prosody.files().certificate(),
                    mine.jid(), mine.password());
            try {
                assertTrue(connection.isAuthenticated(), "the handed-out password logs in over XMPP");
                assertEquals(mine.jid(), connection.getUser().asBareJid().toString());
            } finally {
                connection.disconnect();
            }

            ChatCredentials kacho = credentials(running, running.sessionFor(TestRoster.KACHO));
            assertNotEquals(mine.password(), kacho.password(), "each account has its own random password");
            assertThrows(SASLErrorException.class, () -> XmppLogin.login(prosody.address(),
                    prosody.files().certificate(), mine.jid(), kacho.password()), "another's password does not work");
        }
    }

    @Test
    void aLockedOutPersonLosesChatLiveSessionAndAllAndGetsANewPasswordOnceUnlocked() throws Exception {
        try (RunningServer running = startWithChat()) {
            ManagedProsody prosody = prosody(running);
            String session = running.sessionFor(TestRoster.SHUJI);
            ChatCredentials before = credentials(running, session);
            XMPPTCPConnection live = XmppLogin.login(prosody.address(), prosody.files().certificate(), before.jid(),
                    before.password());
            try {
                int status = 0;
                for (int i = 0; i < 10 && status != 423; i++) {
                    running.clock.advance(Duration.ofMinutes(2));
                    status = running.login(TestRoster.SHUJI, "a-wrong-password", null).statusCode();
                }
                assertEquals(423, status, "repeated failures lock the account");

                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (live.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertFalse(live.isConnected(), "the locked person's live chat session is ended (XEP-0133 §4.7)");
            } finally {
                live.disconnect();
            }
            assertThrows(SASLErrorException.class, () -> XmppLogin.login(prosody.address(),
                    prosody.files().certificate(), before.jid(), before.password()),
                    "the old chat password no longer logs in");
            assertEquals(423, running.get("/api/chat/credentials", session).statusCode(),
                    "a session opened before the lock gets no chat credentials while locked");

            running.server.accounts().unlock(TestRoster.SHUJI, AuditActor.system("test"));
            ChatCredentials after = credentials(running, session);
            assertEquals(before.jid(), after.jid(), "the same account");
            assertNotEquals(before.password(), after.password(), "with a new password");
            XmppLogin.login(prosody.address(), prosody.files().certificate(), after.jid(), after.password())
                    .disconnect();
        }
    }

    @Test
    void revokedSessionsEndChatAccessToo() throws Exception {
        try (RunningServer running = startWithChat()) {
            ManagedProsody prosody = prosody(running);
            ChatCredentials before = credentials(running, running.sessionFor(TestRoster.KACHO));
            running.server.accounts().revokeSessions(TestRoster.KACHO, AuditActor.system("test"));
            assertThrows(SASLErrorException.class, () -> XmppLogin.login(prosody.address(),
                    prosody.files().certificate(), before.jid(), before.password()),
                    "an administrator's revocation ends chat access");
            ChatCredentials after = credentials(running, running.sessionFor(TestRoster.KACHO));
            XmppLogin.login(prosody.address(), prosody.files().certificate(), after.jid(), after.password())
                    .disconnect();
        }
    }

    @Test
    void theDemoCitysWholeStaffIsProvisionedAtStart() throws Exception {
        try (RunningServer running = RunningServer.start(RunningServer.config(dir, null).toBuilder().demo(true)
                .demoLibrary(false).chat(ChatSettings.managed()).build())) {
            assertTrue(running.server.chatAccess().awaitProvisioning(Duration.ofMinutes(2)),
                    "provisioning the demo city finishes");
            int[] counts = running.server.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM staff),"
                        + " (SELECT COUNT(*) FROM chat_account WHERE password IS NOT NULL)");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2)};
                }
            });
            assertTrue(counts[0] >= 400, "the demo city has its ≈400 staff: " + counts[0]);
            assertEquals(counts[0], counts[1], "every staff member has a chat account");
            ManagedProsody prosody = prosody(running);
            String staffNo = running.server.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT staff_no FROM staff ORDER BY staff_no DESC");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            ChatCredentials last = running.server.chatAccess().accounts().orElseThrow().ensure(staffNo);
            XmppLogin.login(prosody.address(), prosody.files().certificate(), last.jid(), last.password())
                    .disconnect();
        }
    }

    @Test
    void chatOffSaysSo() {
        try (RunningServer running = RunningServer.h2(dir).withTestRoster()) {
            HttpResponse<String> response = running.get("/api/chat/credentials",
                    running.sessionFor(TestRoster.SHUJI));
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("chat is off"), "a clear reason: " + response.body());
        }
    }
}
