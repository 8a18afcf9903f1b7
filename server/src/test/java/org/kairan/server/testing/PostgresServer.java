package org.kairan.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: one throw-away cluster per JVM, started on first use from the
 * binaries of the Debian package {@code postgresql} (the newest {@code /usr/lib/postgresql/<version>/bin},
 * or the directory in the system property {@code kairan.postgres.bin}), and a fresh database per caller.
 *
 * <pre>
 * PostgresDatabase db = PostgresServer.shared().createDatabase("directory-store");
 * config = config.withDatabase(db.jdbcUrl(), db.user(), db.password());
 * </pre>
 * or, per test class, {@link PostgresExtension}.
 *
 * <p>The cluster lives in a new temporary directory: {@code initdb} with UTF-8 and locale C, trust
 * authentication for loopback only, listening on 127.0.0.1 on a free port and on a Unix socket in that
 * directory, {@code fsync=off} (tests do not survive power cuts). As root it runs as the OS user
 * {@code postgres} ({@code initdb} refuses root). At JVM exit it is stopped and its directory deleted; a
 * cluster left behind by a JVM that was killed is cleaned up by the next start.
 *
 * <p>Missing binaries are an error, never a skip: the test command installs {@code postgresql}.
 */
public final class PostgresServer {

    /** Prefix of the temporary directories, also used to find leftovers of killed JVMs. */
    static final String DIRECTORY_PREFIX = "kairan-pg-";
    private static final String OWNER_FILE = "owner.pid";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final Object LOCK = new Object();
    private static PostgresServer shared;
    private static RuntimeException sharedFailure;

    private final Path binDirectory;
    private final Path baseDirectory;
    private final Path dataDirectory;
    private final List<String> runAsPostgres;
    private final int port;
    private final String version;
    private final Process postmaster;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile boolean stopped;

    private PostgresServer(Path binDirectory, Path baseDirectory, List<String> runAsPostgres, int port,
            String version, Process postmaster) {
        this.postmaster = postmaster;
        this.binDirectory = binDirectory;
        this.baseDirectory = baseDirectory;
        this.dataDirectory = baseDirectory.resolve("data");
        this.runAsPostgres = runAsPostgres;
        this.port = port;
        this.version = version;
    }

    /**
     * The cluster of this JVM, started on the first call; stopped and deleted at JVM exit.
     *
     * @throws IllegalStateException when PostgreSQL is not installed or does not start; the message says why
     */
    public static PostgresServer shared() {
        synchronized (LOCK) {
            if (sharedFailure != null) {
                throw sharedFailure;
            }
            if (shared == null) {
                try {
                    PostgresServer server = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kairan-postgres-stop"));
                    shared = server;
                } catch (RuntimeException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /** Port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The server's {@code SHOW server_version}, e.g. {@code 15.14 (Debian 15.14-0+deb12u1)}. */
    public String version() {
        return version;
    }

    /** The cluster's temporary directory (data directory, log, Unix socket). */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The server log, worth reading when a test fails with an SQL error. */
    public Path logFile() {
        return baseDirectory.resolve("postgres.log");
    }

    /** JDBC URL of a database in this cluster ({@code postgres} is the maintenance database). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates a new empty database (UTF-8, locale C) whose name starts with the hint, made safe
     * (lower-case letters, digits, underscores) and unique in this cluster.
     */
    public PostgresDatabase createDatabase(String nameHint) {
        String name = databaseName(nameHint, databases.incrementAndGet());
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'"
                    + " LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " (log: " + logFile() + ")", e);
        }
        return new PostgresDatabase(name, jdbcUrl(name), SUPERUSER, "");
    }

    static String databaseName(String hint, int counter) {
        String safe = (hint == null ? "" : hint).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (safe.isEmpty() || !Character.isLetter(safe.charAt(0))) {
            safe = "t_" + safe;
        }
        String suffix = "_" + counter;
        int room = 63 - suffix.length();
        return (safe.length() > room ? safe.substring(0, room) : safe) + suffix;
    }

    /** Stops the server at once and deletes its directory. Called at JVM exit; safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(command(runAsPostgres, binDirectory.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-m", "immediate", "-w", "-t", "30", "stop"), baseDirectory.resolve("pg_ctl-stop.out"),
                    Duration.ofSeconds(40));
        } catch (RuntimeException e) {
            // fall through to the pidfile
        }
        killPostmaster(dataDirectory);
        try {
            if (!postmaster.waitFor(10, TimeUnit.SECONDS)) {
                postmaster.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(baseDirectory);
    }

    // ---------------------------------------------------------------- start-up

    private static PostgresServer start() {
        Path bin = findBinaries();
        cleanUpLeftovers();
        List<String> runAs = runAsPostgresPrefix();
        Path base;
        try {
            base = Files.createTempDirectory(DIRECTORY_PREFIX);
            Files.writeString(base.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            if (!runAs.isEmpty()) {
                giveToPostgres(base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the PostgreSQL test directory", e);
        }
        try {
            Path data = base.resolve("data");
            run(command(runAs, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"), base.resolve("initdb.out"),
                    START_TIMEOUT);
            // Truncating keeps the file's owner (postgres) and mode.
            Files.writeString(data.resolve("pg_hba.conf"), """
                    # Kairan test cluster: trust, loopback only.
                    local all all trust
                    host  all all 127.0.0.1/32 trust
                    """, StandardCharsets.UTF_8);
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                Process postmaster = startPostmaster(bin, runAs, base, port);
                try {
                    return new PostgresServer(bin, base, runAs, port, awaitReady(postmaster, port), postmaster);
                } catch (IllegalStateException e) {
                    last = e;
                    postmaster.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    String log = readQuietly(base.resolve("postgres.log"));
                    if (!log.contains("could not bind") && !log.contains("already in use")) {
                        break;
                    }
                }
            }
            throw last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteRecursively(base);
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        } catch (IOException | RuntimeException e) {
            killPostmaster(base.resolve("data"));
            String log = readQuietly(base.resolve("postgres.log"));
            deleteRecursively(base);
            String message = "could not start the PostgreSQL test server from " + bin + ": " + e.getMessage()
                    + (log.isBlank() ? "" : "\n--- postgres.log ---\n" + tail(log));
            throw new IllegalStateException(message, e);
        }
    }

    /**
     * Runs the postmaster as a child of this JVM (not daemonised by {@code pg_ctl start}), so that it is
     * never left as an orphan or zombie of PID 1 and an early exit is seen at once.
     */
    private static Process startPostmaster(Path bin, List<String> runAs, Path base, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(runAs, bin.resolve("postgres").toString(),
                "-D", base.resolve("data").toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + base,
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300"))
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("postgres.log").toFile()));
        cleanEnvironment(builder.environment());
        return builder.start();
    }

    /** Waits until the server answers a query; returns its version. */
    private static String awaitReady(Process postmaster, int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException lastError = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw new IllegalStateException("postgres exited with code " + postmaster.exitValue());
            }
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2", SUPERUSER, "");
                    Statement statement = connection.createStatement();
                    var result = statement.executeQuery("SHOW server_version")) {
                result.next();
                return result.getString(1);
            } catch (SQLException e) {
                lastError = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections on port " + port + " within "
                + START_TIMEOUT + (lastError == null ? "" : ": " + lastError.getMessage()));
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with the server binaries, or the configured one. */
    static Path findBinaries() {
        return findBinaries(Path.of("/usr/lib/postgresql"),
                System.getProperty("kairan.postgres.bin", System.getenv("KAIRAN_POSTGRES_BIN")));
    }

    static Path findBinaries(Path root, String configured) {
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!hasServerBinaries(bin)) {
                throw new IllegalStateException("kairan.postgres.bin=" + configured + " holds no initdb, pg_ctl, postgres");
            }
            return bin;
        }
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                newest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> hasServerBinaries(v.resolve("bin")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under " + root
                        + "/<version>/bin. "
                        + "The PostgreSQL storage tests need a real server: install the Debian package 'postgresql' "
                        + "(sudo apt-get install -y postgresql) or set -Dkairan.postgres.bin=/path/to/bin."));
    }

    private static boolean hasServerBinaries(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    /** Empty when running as an ordinary user; as root, the command prefix that runs as postgres. */
    private static List<String> runAsPostgresPrefix() {
        if (currentUid() != 0) {
            return List.of();
        }
        try {
            lookup().lookupPrincipalByName(SUPERUSER);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("running as root, but there is no OS user 'postgres' to run PostgreSQL as "
                    + "(initdb refuses root). Install the Debian package 'postgresql', which creates it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
            return List.of("runuser", "-u", SUPERUSER, "--");
        }
        return List.of("setpriv", "--reuid=" + SUPERUSER, "--regid=" + SUPERUSER, "--init-groups", "--");
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    private static UserPrincipalLookupService lookup() {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService();
    }

    private static void giveToPostgres(Path base) throws IOException {
        UserPrincipal user = lookup().lookupPrincipalByName(SUPERUSER);
        PosixFileAttributeView view = Files.getFileAttributeView(base, PosixFileAttributeView.class);
        view.setOwner(user);
        try {
            GroupPrincipal group = lookup().lookupPrincipalByGroupName(SUPERUSER);
            view.setGroup(group);
        } catch (UserPrincipalNotFoundException e) {
            // owner alone is enough with mode 0700
        }
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static List<String> command(List<String> prefix, String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        return full;
    }

    /**
     * Runs a command to its end with its output in a file, and fails with that output when it exits
     * non-zero.
     */
    private static void run(List<String> command, Path output, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(output.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        cleanEnvironment(builder.environment());
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + tail(readQuietly(output)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** No PGDATA, PGPORT, … from the caller's shell; messages in English. */
    private static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
    }

    // ---------------------------------------------------------------- clean-up

    /** Clusters of JVMs that no longer run: kill their postmaster, delete their directory. */
    private static void cleanUpLeftovers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(tmp, DIRECTORY_PREFIX + "*")) {
            for (Path candidate : candidates) {
                Optional<Long> owner = readPid(candidate.resolve(OWNER_FILE));
                if (owner.isEmpty() && isRecent(candidate)) {
                    continue; // another JVM may be creating it right now
                }
                boolean ownerAlive = owner.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerAlive) {
                    killPostmaster(candidate.resolve("data"));
                    deleteRecursively(candidate);
                }
            }
        } catch (IOException e) {
            // leftovers are a nuisance, not a reason to fail the tests
        }
    }

    private static boolean isRecent(Path directory) {
        try {
            return Files.getLastModifiedTime(directory).toInstant()
                    .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        } catch (IOException e) {
            return true;
        }
    }

    /** Kills the postmaster named in the data directory's pidfile, if it still runs and is a postgres. */
    private static void killPostmaster(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = readPid(dataDirectory.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        postmaster.ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone or not, the directory is deleted next
            }
        });
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a socket or file still in use: best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 20);
        return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port + ", " + version + ", " + baseDirectory + "]";
    }
}
