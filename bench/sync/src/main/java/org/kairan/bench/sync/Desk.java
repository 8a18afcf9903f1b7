package org.kairan.bench.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.kairan.client.KairanClientException;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.testing.Authenticator;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;

/** The real desktop client of one user in its own workspace, logged in by a first login (TOTP enrolment). */
final class Desk {

    /** The product's request timeout (HttpKairanServerClient#activate). */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Path workspace;
    final HttpKairanServerClient client;
    final Session session;

    private Desk(Path workspace, HttpKairanServerClient client, Session session) {
        this.workspace = workspace;
        this.client = client;
        this.session = session;
    }

    Path kairanDirectory() {
        return workspace.resolve(".kairan");
    }

    /** Password, then the enrolment the server asks for, confirmed with a code from the otpauth secret. */
    static Desk enrol(ServerAddress server, String staffNo, String password, Path workspace)
            throws KairanClientException {
        HttpKairanServerClient client = new HttpKairanServerClient(workspace.resolve(".kairan"), TIMEOUT,
                Clock.systemUTC());
        LoginResponse first = client.login(server, new LoginRequest(staffNo, password, null));
        if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
            throw new IllegalStateException(staffNo + ": first login should ask for enrolment, got " + first.status());
        }
        Authenticator authenticator = Authenticator.fromUri(first.otpauthUri());
        LoginResponse done = client.confirmEnrolment(server,
                new TotpEnrolmentRequest(first.enrolmentToken(), authenticator.nextCode()));
        if (done.status() != LoginStatus.AUTHENTICATED) {
            throw new IllegalStateException(staffNo + ": enrolment did not log in: " + done.status());
        }
        return new Desk(workspace, client, client.session().orElseThrow());
    }
}
