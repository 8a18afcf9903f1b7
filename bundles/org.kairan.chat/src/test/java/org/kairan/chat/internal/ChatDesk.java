package org.kairan.chat.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.kairan.client.KairanServerClient;
import org.kairan.client.ServerAddress;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

/**
 * One member of staff at a desktop for the chat tests: the real client logged in to the real server (password and
 * second factor), and the real chat service following that session, with what it announced recorded.
 */
final class ChatDesk implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final String staffNo;
    final KairanServerClient client;
    /** The person's second factor, for their other desktops. */
    Authenticator authenticator;
    final DefaultChatService chat;
    final List<Object[]> announced = new CopyOnWriteArrayList<>();

    private ChatDesk(String staffNo, KairanServerClient client) {
        this.staffNo = staffNo;
        this.client = client;
        OrganisationDirectory[] directory = new OrganisationDirectory[1];
        Supplier<OrganisationDirectory> known = () -> {
            synchronized (directory) {
                if (directory[0] == null) {
                    try {
                        directory[0] = new OrganisationDirectory(client.directory());
                    } catch (Exception e) {
                        return null;
                    }
                }
                return directory[0];
            }
        };
        this.chat = new DefaultChatService(client, known, (topic, data) -> announced.add(new Object[] { topic, data }));
    }

    /** A demo account's first login (enrolling its second factor) at {@code server}, then chat follows it. */
    static ChatDesk logIn(String serverUrl, String staffNo, Path workspace) throws Exception {
        KairanServerClient client = KairanServerClient.standalone(workspace.resolve(".kairan"), Duration.ofSeconds(20),
                Clock.systemUTC());
        ServerAddress server = ServerAddress.parse(serverUrl);
        LoginResponse first = client.login(server, new LoginRequest(staffNo, DemoAccounts.PASSWORD, null));
        if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
            throw new AssertionError("a demo account's first login asks for enrolment, got " + first.status());
        }
        Authenticator authenticator = Authenticator.fromUri(first.otpauthUri());
        LoginResponse done = client.confirmEnrolment(server,
                new TotpEnrolmentRequest(first.enrolmentToken(), authenticator.nextCode()));
        if (done.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("the enrolment logs in, got " + done.status());
        }
        ChatDesk desk = new ChatDesk(staffNo, client);
        desk.authenticator = authenticator;
        desk.chat.sessionStarted(client.session().orElseThrow());
        return desk;
    }

    /** The same person logging in at another desktop (password and a fresh code). */
    static ChatDesk anotherDesktopOf(String serverUrl, ChatDesk first, Path workspace) throws Exception {
        KairanServerClient client = KairanServerClient.standalone(workspace.resolve(".kairan"), Duration.ofSeconds(20),
                Clock.systemUTC());
        LoginResponse response = client.login(ServerAddress.parse(serverUrl),
                new LoginRequest(first.staffNo, DemoAccounts.PASSWORD, first.authenticator.nextCode()));
        if (response.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("password and a fresh code log in, got " + response.status());
        }
        ChatDesk desk = new ChatDesk(first.staffNo, client);
        desk.authenticator = first.authenticator;
        desk.chat.sessionStarted(client.session().orElseThrow());
        return desk;
    }

    String address() {
        return staffNo.toLowerCase(java.util.Locale.ROOT) + "@kairan.local";
    }

    /** Waits until {@code probe} gives a value {@code done} accepts, and returns it. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            Thread.sleep(50);
            value = probe.get();
        }
        return value;
    }

    @Override
    public void close() {
        chat.sessionEnded();
    }
}
