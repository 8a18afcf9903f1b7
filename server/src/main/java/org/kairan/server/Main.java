package org.kairan.server;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar kairan-server.jar [options]} runs the server until SIGTERM/SIGINT;
 * {@code java -jar kairan-server.jar admin …} runs an administrator's command.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(ServerConfigReader.USAGE);
            return 0;
        }
        ServerConfigReader reader = new ServerConfigReader(System.getenv());
        if (!args.isEmpty() && args.getFirst().equals("admin")) {
            return new AdminCommands(reader, System.in, out, err).run(args.subList(1, args.size()));
        }
        ServerConfig config;
        try {
            config = reader.read(args);
        } catch (ServerConfigReader.ConfigException e) {
            err.println("kairan-server: " + e.getMessage());
            err.print(ServerConfigReader.USAGE);
            return 2;
        }
        KairanServer server;
        try {
            server = KairanServer.newServer(config);
        } catch (IllegalStateException e) {
            err.println("kairan-server: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("kairan-server: cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kairan-shutdown"));
        try {
            server.start();
        } catch (Exception e) {
            err.println("kairan-server: cannot start: " + e.getMessage());
            server.stop();
            return 1;
        }
        out.println("Kairan server listening on " + server.uri());
        out.flush();
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
