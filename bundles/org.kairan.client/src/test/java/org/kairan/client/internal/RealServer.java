package org.kairan.client.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.kairan.client.KairanClientException;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.KairanServerProcess;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

/**
 * A real Kairan server process with the demo city for one test class, and the ways the tests log in
 * through the client under test. Each test uses its own demo account, so the tests of a class do not
 * disturb each other's failure counters, second factors or sessions.
 */
public final class RealServer implements AutoCloseable {

    public final KairanServerProcess process;
    public final ServerAddress address;
    public final ServerApi api;

    private RealServer(KairanServerProcess process) {
        this.process = process;
        this.address = ServerAddress.parse(process.url());
        this.api = new ServerApi(process.url());
    }

    /**
     * Starts the server jar with the demo city but without its 課 document libraries (filling them and extracting
     * their text keeps a 2-core machine busy for half a minute, which no test here needs); its output goes to
     * {@code target/kairan-server-<name>.log}.
     */
    public static RealServer start(String name, String... extraArguments) throws IOException, TimeoutException {
        List<String> arguments = new ArrayList<>(List.of(extraArguments));
        if (!arguments.contains("--demo-library")) {
            arguments.addAll(List.of("--demo-library", "false"));
        }
        Path log = Path.of(System.getProperty("kairan.server.log", "target/kairan-server.log"))
                .resolveSibling("kairan-server-" + name + ".log");
        return new RealServer(KairanServerProcess.startDemo(log, arguments.toArray(String[]::new)));
    }

    /** The same with the demo city's 課 document libraries (their scanned 見積書, OCR'd by the server). */
    public static RealServer startWithLibrary(String name, String... extraArguments)
            throws IOException, TimeoutException {
        List<String> arguments = new ArrayList<>(List.of(extraArguments));
        arguments.addAll(List.of("--demo-library", "true"));
        return start(name, arguments.toArray(String[]::new));
    }

    /** A desktop client keeping its session under {@code workspace}, as a fresh start of the desktop would. */
    public static HttpKairanServerClient client(Path workspace) {
        return client(workspace, Clock.systemUTC());
    }

    public static HttpKairanServerClient client(Path workspace, Clock clock) {
        return new HttpKairanServerClient(workspace.resolve(".kairan"), Duration.ofSeconds(20), clock);
    }

    /**
     * A desktop client on {@code workspace} starting with {@code session} as its stored session, talking to
     * {@code via} (the server, or a cable or proxy in front of it): the same person on one more desktop of a
     * test without another login (each login spends a TOTP step, and the server accepts each step once).
     */
    public static HttpKairanServerClient clientResuming(Path workspace, Session session, ServerAddress via)
            throws KairanClientException, IOException {
        new SessionFile(workspace.resolve(".kairan"), new JsonCodec())
                .write(new Session(via, session.token(), session.expiresAt(), session.user(), session.zone()));
        HttpKairanServerClient client = client(workspace);
        client.resumeSession();
        return client;
    }

    /**
     * The first login of a demo account through the client: password, then the enrolment the server asks
     * for, confirmed with a code from the QR code's secret. Returns the authenticator now holding the account.
     */
    public Authenticator enrolThrough(HttpKairanServerClient client, String staffNo) throws KairanClientException {
        return enrolThrough(client, staffNo, address);
    }

    /** The same, with the client talking to {@code via} (a proxy in front of this server). */
    public Authenticator enrolThrough(HttpKairanServerClient client, String staffNo, ServerAddress via)
            throws KairanClientException {
        return enrolAt(via, client, staffNo);
    }

    /** The first login of a demo account at any server, such as one a test started in its own JVM. */
    public static Authenticator enrolAt(ServerAddress via, HttpKairanServerClient client, String staffNo)
            throws KairanClientException {
        LoginResponse first = client.login(via, new LoginRequest(staffNo, DemoAccounts.PASSWORD, null));
        if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
            throw new AssertionError("a demo account's first login must ask for enrolment, got " + first.status());
        }
        Authenticator authenticator = Authenticator.fromUri(first.otpauthUri());
        LoginResponse done = client.confirmEnrolment(via,
                new TotpEnrolmentRequest(first.enrolmentToken(), authenticator.nextCode()));
        if (done.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("a right enrolment code must log in, got " + done.status());
        }
        return authenticator;
    }

    /** A full login of an enrolled account through the client. */
    public void logInThrough(HttpKairanServerClient client, String staffNo, String password, Authenticator authenticator)
            throws KairanClientException {
        LoginResponse response = client.login(address, new LoginRequest(staffNo, password, authenticator.nextCode()));
        if (response.status() != LoginStatus.AUTHENTICATED) {
            throw new AssertionError("password and a fresh code must log in, got " + response.status());
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
