package org.kairan.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ConnectionState;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.protocol.ErrorCode;

/**
 * What the network between desktop and server can do that the server never does, with a
 * {@link ScriptedProxy} in front of the real server: a proxy answers with its own HTML error page, or
 * the connection breaks in the middle of an answer. The session survives both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkFailureTest {

    private RealServer server;
    private ScriptedProxy proxy;

    @TempDir
    Path workspace;

    @BeforeAll
    void start() throws Exception {
        server = RealServer.start("network");
        proxy = new ScriptedProxy(server.address);
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aProxysHtmlErrorPageIsAServerErrorAndTheSessionStays() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.FINANCE_CLERK, proxy.address());
        assertTrue(client.directory().staff().size() > 300, "requests pass through the proxy to the real server");

        proxy.answerWithHtml("/api/directory", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        RequestRejectedException gateway = assertThrows(RequestRejectedException.class, client::directory,
                "an HTML error page is still an error");
        proxy.passThrough("/api/directory");

        assertEquals(502, gateway.status(), "it keeps the proxy's status");
        assertEquals(ErrorCode.SERVER_ERROR, gateway.code(), "and counts as a server error");
        assertTrue(client.session().isPresent(), "a proxy's error does not end the session");
        assertTrue(client.directory().staff().size() > 300, "the next request works again");
        assertEquals(ConnectionState.CONNECTED, client.connectionState(), "and the state is connected");
    }

    @Test
    void aConnectionBrokenMidAnswerIsUnreachableAndTheSessionStays() throws Exception {
        HttpKairanServerClient client = RealServer.client(workspace);
        server.enrolThrough(client, DemoAccounts.CITIZEN_CLERK, proxy.address());

        proxy.cutMidResponse("/api/directory");
        assertThrows(ServerUnreachableException.class, client::directory,
                "an answer cut off in the middle is a network failure");
        assertEquals(ConnectionState.UNREACHABLE, client.connectionState(), "the state says unreachable");
        proxy.passThrough("/api/directory");

        assertTrue(client.session().isPresent(), "the session is kept");
        assertTrue(Files.exists(Path.of(client.sessionStore())), "and stays stored");
        assertTrue(client.directory().staff().size() > 300, "the next request works again");
        assertEquals(ConnectionState.CONNECTED, client.connectionState(), "and the state is connected again");
    }
}
