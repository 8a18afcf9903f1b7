package org.kairan.server.chat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Prosody the Kairan server configures, starts and stops itself (the default single-machine setup): everything
 * under {@code DATA/chat/prosody} (see {@link ProsodyConfig}), loopback ports chosen free at each start, its console
 * log in the server's log.
 *
 * <p>No Prosody outlives the Kairan server: {@link #close()} (and a JVM shutdown hook) sends SIGTERM, then SIGKILL
 * after a timeout. A Kairan server killed with SIGKILL runs no hook, so on Linux Prosody is started through
 * {@code setpriv --pdeathsig TERM} (util-linux): the kernel sends it SIGTERM when the thread that started it dies,
 * which is a thread of this class that lives exactly as long as Prosody (it carries Prosody's output to the log).
 * Where {@code setpriv} is missing, the next start still reads the pidfile and stops the leftover first.
 */
public final class ManagedProsody implements ChatServer {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProsody.class);
    private static final Logger PROSODY_LOG = LoggerFactory.getLogger("org.kairan.server.chat.prosody");
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(20);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final String INSTALL_HINT = "apt-get install prosody lua-dbi-sqlite3";
    private static final int OUTPUT_KEPT = 40;
    private static final int START_ATTEMPTS = 3;
    /** Attempts to start Prosody again after it ended by itself, a second more apart each time. */
    static final int RESTART_ATTEMPTS = 10;

    /** The XEP-0133 administrator the Kairan server will provision accounts and rooms as. */
    public static final String ADMIN_LOCALPART = "kairan-admin";

    private final ChatSettings settings;
    private final ProsodyConfig files;
    private final Duration startTimeout;
    private final Deque<String> recentOutput = new ArrayDeque<>();
    /** The running Prosody; set to null before it is stopped on purpose, so its end is not taken for a crash. */
    private volatile Process process;
    private Thread outputThread;
    private Thread shutdownHook;
    private ChatAddress address;
    private String adminPassword;

    /** The managed Prosody of a Kairan server whose data directory is {@code dataDir}. */
    public ManagedProsody(ChatSettings settings, Path dataDir) {
        this(settings, new ProsodyConfig(dataDir.resolve("chat").resolve("prosody"), settings.domain(),
                ProsodyConfig.DEFAULT_UPLOAD_MAX_BYTES), DEFAULT_START_TIMEOUT);
    }

    ManagedProsody(ChatSettings settings, ProsodyConfig files, Duration startTimeout) {
        this.settings = settings;
        this.files = files;
        this.startTimeout = startTimeout;
    }

    public ProsodyConfig files() {
        return files;
    }

    /**
     * Stops a Prosody left by an earlier, killed Kairan server, makes the certificate if needed, writes the
     * configuration and starts Prosody, returning once its client and HTTP ports accept connections.
     */
    @Override
    public synchronized void start() throws ChatServerException {
        if (isRunning()) {
            return;
        }
        Path executable = executable();
        new ProsodyPidfile(files.pidfile(), files.configFile()).stopLeftover(STOP_TIMEOUT);
        try {
            Files.createDirectories(files.baseDir());
            if (ChatCertificate.ensure(files.certificate(), files.privateKey(),
                    List.of(settings.domain(), files.conferenceDomain(), files.uploadDomain()))) {
                LOG.info("made the chat server's self-signed certificate {}", files.certificate());
            }
        } catch (IOException e) {
            throw new ChatServerException("cannot prepare the chat server's directory " + files.baseDir() + ": "
                    + e.getMessage(), e);
        }
        ProsodyDatabase.useWriteAheadLog(executable, files.database());
        for (int attempt = 1;; attempt++) {
            int[] ports = freeLoopbackPorts(2);
            try {
                files.write(ports[0], ports[1], runsAsRoot(), List.of(ADMIN_LOCALPART + "@" + settings.domain()));
            } catch (IOException e) {
                throw new ChatServerException("cannot write the chat server's configuration " + files.configFile()
                        + ": " + e.getMessage(), e);
            }
            launch(executable);
            try {
                awaitPorts(ports[0], ports[1]);
                address = new ChatAddress(settings.domain(), "127.0.0.1", ports[0], ports[1]);
                break;
            } catch (PortTakenException e) {
                stopProcess();
                if (attempt == START_ATTEMPTS) {
                    throw new ChatServerException("Prosody could not open its ports: " + e.getMessage());
                }
                LOG.info("a port chosen for Prosody was taken meanwhile ({}); trying other ports", e.getMessage());
            } catch (ChatServerException | RuntimeException e) {
                stopProcess();
                throw e;
            }
        }
        try {
            adminPassword = ensureAdminAccount(executable);
        } catch (ChatServerException | RuntimeException e) {
            stopProcess();
            throw e;
        }
        shutdownHook = new Thread(this::close, "prosody-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info("chat server started: Prosody pid {} for {} on 127.0.0.1, c2s {}, http {} ({})", process.pid(),
                settings.domain(), address.c2sPort(), address.httpPort(), files.baseDir());
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized ChatAddress address() {
        if (address == null) {
            throw new IllegalStateException("the chat server is not started");
        }
        return address;
    }

    /** The XEP-0133 administrator's address, {@code kairan-admin@<domain>}. */
    public String adminJid() {
        return ADMIN_LOCALPART + "@" + settings.domain();
    }

    /** The administrator's password (kept in {@link ProsodyConfig#adminPasswordFile()}); only once started. */
    public synchronized String adminPassword() {
        if (adminPassword == null) {
            throw new IllegalStateException("the chat server is not started");
        }
        return adminPassword;
    }

    /**
     * Makes sure {@code kairan-admin@<domain>} exists with the password kept in {@code kairan-admin.password} (mode
     * 0600, made once with a random password) by running {@code prosodyctl --config <cfg> register kairan-admin
     * <domain>} at every start. Why prosodyctl: Prosody 0.12.3 has no other way to make the very first admin (XEP-0133
     * needs an admin already, in-band registration is off, the admin shell needs mod_admin_shell and a socket); it writes
     * the account straight into the SQL store, which the running Prosody reads at each login, takes ≈80 ms, and
     * overwrites an existing account, so a lost or changed password file heals itself. The password goes through
     * prosodyctl's standard input (it asks twice), never its command line, which other local users can read.
     */
    private String ensureAdminAccount(Path executable) throws ChatServerException {
        String password;
        try {
            password = ChatPasswords.readOrCreate(files.adminPasswordFile());
        } catch (IOException e) {
            throw new ChatServerException("cannot keep the chat administrator's password in "
                    + files.adminPasswordFile() + ": " + e.getMessage(), e);
        }
        Path prosodyctl = executable.resolveSibling("prosodyctl");
        if (!Files.isExecutable(prosodyctl)) {
            throw new ChatServerException("prosodyctl not found beside " + executable + " (it creates the Kairan"
                    + " server's chat administrator " + adminJid() + "): " + INSTALL_HINT);
        }
        ProcessBuilder builder = new ProcessBuilder(prosodyctl.toString(), "--config", files.configFile().toString(),
                "register", ADMIN_LOCALPART, settings.domain()).directory(files.baseDir().toFile())
                .redirectErrorStream(true);
        try {
            Process ctl = builder.start();
            try (var in = ctl.getOutputStream()) {
                in.write((password + "\n" + password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ctl.waitFor(30, TimeUnit.SECONDS)) {
                ctl.destroyForcibly();
                throw new ChatServerException("prosodyctl register did not finish within 30 s");
            }
            if (ctl.exitValue() != 0) {
                throw new ChatServerException("prosodyctl could not create the chat administrator " + adminJid()
                        + " (exit " + ctl.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new ChatServerException("cannot run " + prosodyctl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatServerException("interrupted while creating the chat administrator", e);
        }
        LOG.info("chat administrator {} is registered (password in {})", adminJid(), files.adminPasswordFile());
        return password;
    }

    /** Prosody's process id while it runs. */
    public synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** SIGTERM, wait up to 10 s, SIGKILL; removes the pidfile if Prosody did not. Idempotent. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        long pid = process.pid();
        stopProcess();
        address = null;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs or ran
            }
        }
        shutdownHook = null;
        LOG.info("chat server stopped (Prosody pid {})", pid);
    }

    private void stopProcess() {
        Process running = process;
        process = null;
        if (running == null) {
            return;
        }
        try {
            ProsodyPidfile.stop(running.toHandle(), STOP_TIMEOUT);
        } catch (ChatServerException e) {
            LOG.error("{}", e.getMessage());
        }
        joinOutput();
        try {
            Files.deleteIfExists(files.pidfile());
        } catch (IOException e) {
            LOG.warn("cannot remove Prosody's pidfile {}: {}", files.pidfile(), e.toString());
        }
    }

    private void joinOutput() {
        Thread thread = outputThread;
        outputThread = null;
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts Prosody from a thread of its own that then carries its output to the log until it exits: with
     * {@code --pdeathsig}, Prosody is signalled when that thread dies, so it must not be a thread that ends earlier.
     */
    private void launch(Path executable) throws ChatServerException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        }
        command.addAll(List.of(executable.toString(), "-F", "--config", files.configFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(files.baseDir().toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        synchronized (recentOutput) {
            recentOutput.clear();
        }
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            Process child;
            try {
                child = builder.start();
            } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
                return;
            }
            started.complete(child);
            pump(child);
        }, "prosody-output");
        thread.setDaemon(true);
        thread.start();
        try {
            process = started.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            outputThread = thread;
        } catch (ExecutionException e) {
            throw new ChatServerException("cannot start Prosody (" + executable + "): " + e.getCause().getMessage()
                    + "; install it with " + INSTALL_HINT, e.getCause());
        } catch (Exception e) {
            throw new ChatServerException("cannot start Prosody (" + executable + "): " + e, e);
        }
    }

    /** Copies Prosody's console log into the server's log, at Prosody's level, keeping the last lines for errors. */
    private void pump(Process child) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.isBlank() || line.startsWith("*****")) {
                    continue;
                }
                synchronized (recentOutput) {
                    recentOutput.addLast(line);
                    while (recentOutput.size() > OUTPUT_KEPT) {
                        recentOutput.removeFirst();
                    }
                }
                String level = level(line);
                if (level.equals("error")) {
                    PROSODY_LOG.error("{}", line);
                } else if (level.equals("warn") && !line.contains("Received SIGTERM")) {
                    PROSODY_LOG.warn("{}", line);
                } else {
                    PROSODY_LOG.info("{}", line);
                }
            }
        } catch (IOException e) {
            // the stream closes when Prosody is killed
        }
        if (process == child) {
            Thread restart = new Thread(() -> restartAfterCrash(child), "prosody-restart");
            restart.setDaemon(true);
            restart.start();
        }
    }

    /**
     * Prosody ended by itself (it crashed, or someone killed it): it is started again with the same configuration and
     * ports, so desktops reconnect to the address they were given; its rooms, archives and accounts are in its
     * database. Gives up after {@value #RESTART_ATTEMPTS} attempts, with an error in the log.
     */
    private void restartAfterCrash(Process child) {
        try {
            child.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (process != child || address == null) {
            return; // stopped on purpose, or it died while starting (start() reports that)
        }
        LOG.error("the chat server ended by itself (Prosody pid {}, exit {}); starting it again. Its last lines:\n{}",
                child.pid(), child.isAlive() ? "?" : child.exitValue(), recentOutput());
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
            pause(1000L * (attempt - 1));
            synchronized (this) {
                if (process != child || address == null) {
                    return; // stopped on purpose meanwhile
                }
                try {
                    Files.deleteIfExists(files.pidfile());
                    launch(executable());
                    Process started = process;
                    awaitPorts(address.c2sPort(), address.httpPort());
                    LOG.warn("chat server started again after it ended: Prosody pid {}, c2s {}, http {}",
                            started.pid(), address.c2sPort(), address.httpPort());
                    return;
                } catch (ChatServerException | PortTakenException | IOException | RuntimeException e) {
                    LOG.warn("starting the chat server again failed (attempt {} of {}): {}", attempt,
                            RESTART_ATTEMPTS, e.getMessage());
                    Process failed = process;
                    if (failed != null && failed != child && failed.isAlive()) {
                        failed.destroyForcibly();
                    }
                    process = child;
                }
            }
        }
        LOG.error("the chat server could not be started again after {} attempts: chat is down until the Kairan "
                + "server restarts", RESTART_ATTEMPTS);
    }

    /** Prosody's console lines read {@code source   level<TAB>message}. */
    static String level(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return "";
        }
        String head = line.substring(0, tab).strip();
        int space = head.lastIndexOf(' ');
        return space < 0 ? "" : head.substring(space + 1);
    }

    private void awaitPorts(int c2sPort, int httpPort) throws ChatServerException, PortTakenException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        boolean c2s = false;
        boolean http = false;
        while (true) {
            String taken = outputContaining("Failed to open server port");
            if (taken != null) {
                throw new PortTakenException(taken);
            }
            if (!process.isAlive()) {
                joinOutput();
                throw new ChatServerException("Prosody stopped at once (exit code " + process.exitValue()
                        + "; needs " + INSTALL_HINT + " and a valid " + files.configFile() + "). Its last output:\n"
                        + recentOutput());
            }
            c2s = c2s || accepts(c2sPort);
            http = http || accepts(httpPort);
            if (c2s && http) {
                // Ports accept (the kernel's backlog) before Prosody has loaded its hosts; a stream header is only
                // answered once it has, after logging whatever went wrong at startup.
                answersStream(c2sPort);
                pause(50);
                taken = outputContaining("Failed to open server port");
                if (taken != null) {
                    throw new PortTakenException(taken);
                }
                String storage = outputContaining("Cannot load driver");
                if (storage != null) {
                    throw new ChatServerException("Prosody cannot open its SQLite database (lua-dbi-sqlite3 missing?): "
                            + INSTALL_HINT + ". Prosody said: " + storage.strip());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ChatServerException("Prosody did not open its " + (c2s ? "" : "client port " + c2sPort)
                        + (c2s || http ? "" : " and ") + (http ? "" : "HTTP port " + httpPort) + " within "
                        + startTimeout.toSeconds() + " s. Its last output:\n" + recentOutput());
            }
            pause(20);
            if (Thread.currentThread().isInterrupted()) {
                throw new ChatServerException("interrupted while Prosody was starting");
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens an XMPP stream (RFC 6120 §4.2) and waits for the server's answer, then closes it. */
    private void answersStream(int c2sPort) throws ChatServerException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), c2sPort), 1_000);
            socket.setSoTimeout((int) Math.max(1_000, startTimeout.toMillis()));
            socket.getOutputStream().write(("<?xml version='1.0'?><stream:stream to='" + settings.domain()
                    + "' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            byte[] answer = new byte[512];
            int n = socket.getInputStream().read(answer);
            if (n <= 0 || !new String(answer, 0, n, StandardCharsets.UTF_8).contains("stream")) {
                throw new ChatServerException("Prosody's client port " + c2sPort + " does not answer an XMPP stream."
                        + " Its last output:\n" + recentOutput());
            }
            socket.getOutputStream().write("</stream:stream>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChatServerException("Prosody's client port " + c2sPort + " does not answer an XMPP stream ("
                    + e.getMessage() + "). Its last output:\n" + recentOutput(), e);
        }
    }

    private String outputContaining(String text) {
        synchronized (recentOutput) {
            return recentOutput.stream().filter(line -> line.contains(text)).findFirst().orElse(null);
        }
    }

    private String recentOutput() {
        synchronized (recentOutput) {
            return recentOutput.isEmpty() ? "(none)" : String.join("\n", recentOutput);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Prosody command as an executable file, or the message saying how to install it. */
    private Path executable() throws ChatServerException {
        String command = settings.prosody();
        if (command.contains("/")) {
            Path path = Path.of(command).toAbsolutePath();
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
        } else {
            String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path path = Path.of(dir, command);
                if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                    return path;
                }
            }
        }
        throw new ChatServerException("prosody not found (kairan.chat.prosody=" + command + "): " + INSTALL_HINT
                + ", or set kairan.chat.mode=external (a Prosody or ejabberd of your own) or off");
    }

    private static int[] freeLoopbackPorts(int count) throws ChatServerException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new ChatServerException("no free loopback port for Prosody: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing to do
                }
            }
        }
    }

    /** Whether this JVM runs as root (Prosody then needs {@code run_as_root}). */
    static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Prosody reported that a port chosen for it was taken. */
    private static final class PortTakenException extends Exception {
        PortTakenException(String line) {
            super(line);
        }
    }
}
