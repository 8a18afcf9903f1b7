package org.kairan.bench.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server jar as a child process ({@code java [-Xmx…] -jar kairan-server.jar --data DIR --port 0
 * --demo}), ready when it prints {@code Kairan server listening on URL}; output appended to a log. Own
 * launcher rather than KairanServerProcess: the bench needs the data directory (to set passwords with the
 * server's CLI while it is stopped), the heap as a flag and the process id (CPU and memory from /proc).
 */
final class ServerProc implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Kairan server listening on (https?://\\S+)");

    private final Path java;
    private final Path jar;
    private final Path data;
    private final Path log;
    private final String heap;
    private final List<String> extra;
    private Process process;
    private String url;

    ServerProc(Path java, Path jar, Path data, Path log, String heap, List<String> extra) {
        this.java = java;
        this.jar = jar;
        this.data = data;
        this.log = log;
        this.heap = heap;
        this.extra = List.copyOf(extra);
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (heap != null && !heap.isBlank()) {
            command.add("-Xmx" + heap);
        }
        command.addAll(extra); // VM flags
        command.addAll(List.of("-jar", jar.toString(), "--data", data.toString(), "--port", "0", "--demo"));
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(started, ready), "kairan-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            url = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            started.destroyForcibly();
            throw new IOException("the server did not start (see " + log + "): " + e, e);
        }
        process = started;
    }

    private void pump(Process started, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
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
        ready.completeExceptionally(new IOException("the server exited"));
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** Stops it as SIGTERM does; waits. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** {@code java -jar kairan-server.jar admin set-password NO --data DIR}, password on stdin (server stopped). */
    void setPassword(String staffNo, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "admin", "set-password", staffNo, "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("admin set-password " + staffNo + " failed; see " + log);
        }
    }

    /** utime + stime of the server process in clock ticks ({@code /proc/PID/stat} fields 14 and 15). */
    long cpuTicks() {
        return Proc.cpuTicks(pid());
    }

    /** VmHWM / VmRSS in KiB. */
    long status(String field) {
        return Proc.status(pid(), field);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
