package org.kairan.client.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.kairan.client.ServerAddress;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;

/**
 * The server module started in the test's JVM, as {@code Main} starts it, with the demo city on a free port: for
 * tests that set what the jar's options cannot, such as its clock.
 */
final class InProcessServer implements AutoCloseable {

    final KairanServer server;
    final ServerAddress address;

    /** @param settings changes to the defaults (demo data, port 0) */
    InProcessServer(Path dataDir, UnaryOperator<ServerConfig.Builder> settings) throws Exception {
        server = KairanServer.newServer(settings.apply(ServerConfig.defaults(dataDir).toBuilder().port(0).demo(true))
                .build());
        server.start();
        address = ServerAddress.parse(server.uri().toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
