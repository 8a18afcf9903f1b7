package org.kairan.app.tests;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.KairanServerProcess;
import org.kairan.client.testing.NetworkCable;
import org.kairan.client.testing.ServerApi;

/**
 * What the activator prepared, registered as an OSGi service for the tests: the server's address, a
 * direct line to its API, and the authenticators of the accounts enrolled so far (the activator's, and
 * those the tests enrol), so that any test can log in as them again.
 */
public final class TestServer {

    /** The demo password of every demo account (README). */
    public static final String DEMO_PASSWORD = DemoAccounts.PASSWORD;
    /** Enrolled by the activator; the application starts logged in as this 財政課 主事. */
    public static final String FIRST_USER = DemoAccounts.FINANCE_CLERK;
    /** Never enrolled: its first login goes through the QR code page (DesktopUiTest). */
    public static final String NEW_USER = DemoAccounts.CITIZEN_CLERK;
    /** Used to drive an account into lockout without disturbing the others (ClientAgainstServerTest). */
    public static final String LOCKOUT_USER = DemoAccounts.SECOND_ADMIN;

    /**
     * The small English Vosk model that server/'s build unpacks from Maven Central for its own speech-to-text tests
     * ({@code -Dkairan.test.voskModelEn}, set by this bundle's pom); the server is configured with it as
     * {@code kairan.stt.model.en} when it is there.
     */
    public static java.nio.file.Path englishSpeechModel() {
        return java.nio.file.Path.of(System.getProperty("kairan.test.voskModelEn",
                "../../server/target/vosk-model-en/assets/model-en-us")).toAbsolutePath().normalize();
    }

    private final KairanServerProcess process;
    private final NetworkCable cable;
    private final ServerApi api;
    private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();

    TestServer(KairanServerProcess process, NetworkCable cable) {
        this.process = process;
        this.cable = cable;
        this.api = new ServerApi(process.url());
    }

    /** Cuts the desktop's network: the server keeps running, the desktop cannot reach it. */
    public void unplugNetwork() {
        cable.unplug();
    }

    /** Gives the desktop its network back. */
    public void plugInNetwork() {
        cable.plugIn();
    }

    /** Stops the server as SIGTERM would: for the desktop it is now unreachable. */
    public void stopServer() {
        process.stop();
    }

    /** Starts the stopped server again on the same port and data (sessions survive). */
    public void startServerAgain() throws Exception {
        process.startAgain();
    }

    public String url() {
        return cable.url();
    }

    /**
     * The server's HTTP API, for setting up and checking beside the desktop under test; it reaches the server
     * directly, also while the desktop's network is unplugged.
     */
    public ServerApi api() {
        return api;
    }

    /** Checks a PDF of record with the server's {@code admin verify-record}. */
    public KairanServerProcess.VerifyRecord verifyRecord(java.nio.file.Path pdf) throws Exception {
        return process.verifyRecord(pdf);
    }

    /** The authenticator holding an account's second factor, if the account was enrolled in this run. */
    public Optional<Authenticator> authenticator(String staffNo) {
        return Optional.ofNullable(authenticators.get(staffNo));
    }

    /** Remembers the second factor an account enrolled (replacing an earlier one after a reset). */
    public void remember(String staffNo, Authenticator authenticator) {
        authenticators.put(staffNo, authenticator);
    }

    /** Forgets an account's second factor (after an administrator reset it). */
    public void forget(String staffNo) {
        authenticators.remove(staffNo);
    }
}
