package org.kairan.server.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed Prosody's pidfile, read before a start: a Prosody still running from an earlier Kairan server that
 * was killed (SIGKILL, power cut of the JVM only) would hold the data directory and answer on old ports, so it is
 * stopped first (SIGTERM, then SIGKILL after a timeout). A process is only stopped when its command line names
 * this configuration file or a {@code prosody} program: a reused pid of another program is left alone.
 */
final class ProsodyPidfile {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyPidfile.class);

    private final Path pidfile;
    private final Path configFile;

    ProsodyPidfile(Path pidfile, Path configFile) {
        this.pidfile = pidfile;
        this.configFile = configFile;
    }

    /** The live Prosody the pidfile names, if any. */
    Optional<ProcessHandle> liveProsody() {
        String text;
        try {
            text = Files.readString(pidfile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isProsody);
    }

    /** Stops the Prosody the pidfile names, if one runs, and removes the pidfile; returns whether one was stopped. */
    boolean stopLeftover(Duration timeout) throws ChatServerException {
        Optional<ProcessHandle> leftover = liveProsody();
        if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            LOG.warn("a Prosody left running by an earlier Kairan server (pid {}) is stopped before the new one starts",
                    process.pid());
            stop(process, timeout);
        }
        try {
            Files.deleteIfExists(pidfile);
        } catch (IOException e) {
            throw new ChatServerException("cannot remove the old pidfile " + pidfile + ": " + e.getMessage(), e);
        }
        return leftover.isPresent();
    }

    /** SIGTERM, wait, SIGKILL, wait. */
    static void stop(ProcessHandle process, Duration timeout) throws ChatServerException {
        process.destroy();
        if (awaitExit(process, timeout)) {
            return;
        }
        LOG.warn("Prosody (pid {}) did not stop within {} s of SIGTERM: killed", process.pid(), timeout.toSeconds());
        process.destroyForcibly();
        if (!awaitExit(process, timeout)) {
            throw new ChatServerException("Prosody (pid " + process.pid() + ") does not stop, even with SIGKILL");
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private boolean isProsody(ProcessHandle process) {
        List<String> command = commandLine(process);
        String config = configFile.toAbsolutePath().normalize().toString();
        return command.stream().anyMatch(arg -> arg.equals(config) || arg.equals("prosody") || arg.endsWith("/prosody"));
    }

    /** The command line from /proc (exact bytes, UTF-8), or what the JDK knows elsewhere. */
    private static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String text = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
            return Arrays.asList(text.split("\0"));
        } catch (IOException | RuntimeException e) {
            ProcessHandle.Info info = process.info();
            return info.commandLine().map(line -> List.of(line.split(" "))).orElse(List.of());
        }
    }
}
