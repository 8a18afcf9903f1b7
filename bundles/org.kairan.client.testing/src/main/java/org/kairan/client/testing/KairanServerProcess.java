package org.kairan.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Kairan server for tests: {@code java -jar kairan-server.jar --port 0 --demo} in a fresh data
 * directory, ready once it prints its address ({@code Kairan server listening on …}, docs/API.md). Its
 * output is appended to a log file. It can be stopped gracefully and started again on the same data
 * directory and port, as an operator restarts a server; {@link #close()} stops it and deletes the data.
 */
public final class KairanServerProcess implements AutoCloseable {

    /** System property naming the server jar (the build sets it to server/target/kairan-server.jar). */
    public static final String JAR_PROPERTY = "kairan.server.jar";

    private static final Pattern READY = Pattern.compile("Kairan server listening on (https?://\\S+)");
    private static final long READY_TIMEOUT_SECONDS = 90;

    private final Path jar;
    private final Path log;
    /** The log's length when the server was (last) launched: earlier lines belong to earlier servers. */
    private volatile long logOffsetAtLaunch;
    private final Path dataDir;
    private final List<String> extraArguments;
    private Process process;
    private String url;
    private int port;

    private KairanServerProcess(Path jar, Path log, Path dataDir, List<String> extraArguments) {
        this.jar = jar;
        this.log = log;
        this.dataDir = dataDir;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * Starts a server with the demo city (about 400 staff, the accounts of {@link DemoAccounts}) on a free
     * port and waits until it listens.
     *
     * @param log            where the server's output goes (appended)
     * @param extraArguments further flags, e.g. {@code --session-idle-minutes 1}
     */
    public static KairanServerProcess startDemo(Path log, String... extraArguments)
            throws IOException, TimeoutException {
        Path jar = jarFromSystemProperty();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the server jar " + jar + " does not exist: build server/ first (the root "
                    + "reactor builds it before the desktop modules)");
        }
        List<String> arguments = new ArrayList<>(List.of("--demo"));
        arguments.addAll(List.of(extraArguments));
        KairanServerProcess server = new KairanServerProcess(jar, log, Files.createTempDirectory("kairan-test-"),
                arguments);
        server.launch(0);
        return server;
    }

    /** The jar named by {@value #JAR_PROPERTY}, else {@code ../../server/target/kairan-server.jar}. */
    public static Path jarFromSystemProperty() {
        return Path.of(System.getProperty(JAR_PROPERTY, "../../server/target/kairan-server.jar")).toAbsolutePath();
    }

    private void launch(int wantedPort) throws IOException, TimeoutException {
        logOffsetAtLaunch = Files.exists(log) ? Files.size(log) : 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar",
                jar.toString(), "--data", dataDir.toString(), "--port", Integer.toString(wantedPort)));
        command.addAll(extraArguments);
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(started, ready), "kairan-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            url = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1).replaceAll("/.*", ""));
            process = started;
        } catch (ExecutionException e) {
            started.destroyForcibly();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            started.destroyForcibly();
            throw new TimeoutException("the server did not report ready within " + READY_TIMEOUT_SECONDS
                    + " s; see " + log);
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the server started", e);
        }
    }

    private void pump(Process started, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the server exited before it was ready; see " + log));
    }

    /**
     * Checks a PDF of record as an operator would, with {@code admin verify-record FILE --data DIR} of this
     * server's jar (it reads only the signing key, so it runs beside the server).
     *
     * @return the exit code (0 valid, 1 invalid, 2 usage or key problem) and what the command printed
     */
    public VerifyRecord verifyRecord(Path pdf) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process check = new ProcessBuilder(java, "-jar", jar.toString(), "admin", "verify-record", pdf.toString(),
                "--data", dataDir.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(60, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            throw new IOException("admin verify-record did not finish within 60 s");
        }
        return new VerifyRecord(check.exitValue(), output);
    }

    /** What {@code admin verify-record} said: its exit code and output. */
    public record VerifyRecord(int exitCode, String output) {
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    /**
     * Waits until the server has written a line containing {@code fragment} to its log (since it was started with
     * this log), e.g. {@link #CHAT_ROOMS_READY}.
     *
     * @throws TimeoutException not within {@code timeout}
     */
    public void awaitOutput(String fragment, java.time.Duration timeout) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(log) && outputSinceLaunch().contains(fragment)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the server did not write \"" + fragment + "\" within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the server", e);
            }
        }
    }

    private String outputSinceLaunch() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(all.length, logOffsetAtLaunch);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /**
     * What the server logs once the 課 chat rooms and roster groups exist after a start: desktops logging in to chat
     * before then find no room to enter and an empty contact list.
     */
    public static final String CHAT_ROOMS_READY = "chat rooms of the 課 at start";

    public String url() {
        return url;
    }

    /**
     * The server's data directory (its database, files and signing key), for a test that looks at or damages
     * what the server keeps on disk as a failing disk or an operator would.
     */
    public Path dataDirectory() {
        return dataDir;
    }

    /** Whether the process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server as SIGTERM does (running requests finish); the data directory stays. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the stopped server again on the same data directory and port (sessions survive). */
    public void startAgain() throws IOException, TimeoutException {
        if (isRunning()) {
            throw new IllegalStateException("the server is still running");
        }
        launch(port);
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
