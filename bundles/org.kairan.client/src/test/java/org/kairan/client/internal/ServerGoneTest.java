package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ConnectionState;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.LoginRequest;

/**
 * The real server stops (as for maintenance) and starts again, or nobody listens at the address:
 * the client says the server is unreachable and keeps the session, which works again when the server
 * is back. Each test has its own server, since it stops it.
 */
class ServerGoneTest {

    @TempDir
    Path workspace;
    private RealServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStoppedServerIsUnreachableTheSessionIsKeptAndWorksAgainWhenTheServerIsBack() throws Exception {
        server = RealServer.start("stopped");
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.FINANCE_CLERK);

        server.process.stop();

        assertThrows(ServerUnreachableException.class, client::directory, "a stopped server is unreachable");
        assertEquals(ConnectionState.UNREACHABLE, client.connectionState(), "the state says unreachable");
        assertTrue(client.session().isPresent(), "being offline does not end the session");
        assertTrue(Files.exists(Path.of(client.sessionStore())), "the stored session is kept while offline");
        assertEquals(ConnectionState.UNREACHABLE, client.checkConnection(), "the periodic check says the same");

        server.process.startAgain();

        assertEquals(ConnectionState.CONNECTED, client.checkConnection(),
                "once the server is back the same session is connected again");
        assertTrue(client.directory().staff().size() > 300, "and works");
        assertEquals(DemoAccounts.FINANCE_CLERK, RealServer.client(workspace).resumeSession().user().staffNo(),
                "a restart of the desktop resumes it too");
    }

    @Test
    void logoutWhileTheServerIsGoneStillForgetsTheSessionHere() throws Exception {
        server = RealServer.start("gone-logout");
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.FINANCE_CLERK);
        server.process.stop();

        client.logout();

        assertTrue(client.session().isEmpty(), "no current session after logout");
        assertFalse(Files.exists(Path.of(client.sessionStore())), "the stored token is deleted at logout");
        assertEquals(ConnectionState.LOGGED_OUT, client.connectionState(), "the state says logged out");
        assertThrows(SessionExpiredException.class, () -> RealServer.client(workspace).resumeSession(),
                "after logout a restart finds no session");
    }

    @Test
    void nobodyListeningIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        ServerAddress nowhere = ServerAddress.parse("http://127.0.0.1:" + freePort);
        HttpKairanServerClient client = RealServer.client(workspace);
        assertThrows(ServerUnreachableException.class,
                () -> client.login(nowhere, new LoginRequest(DemoAccounts.FINANCE_CLERK, DemoAccounts.PASSWORD, null)),
                "connection refused is reported as unreachable");
        assertThrows(ServerUnreachableException.class, () -> client.checkHealth(nowhere),
                "also for the health check");
        assertEquals(ConnectionState.LOGGED_OUT, client.connectionState(), "without a session the state stays logged out");
    }
}
