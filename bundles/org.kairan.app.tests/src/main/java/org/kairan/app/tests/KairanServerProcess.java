package org.kairan.app.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Kairan server for the tests: {@code java -jar kairan-server.jar --port 0 --demo} in a fresh
 * data directory, ready once it prints its address. Its output goes to {@code kairan-server.log}.
 */
final class KairanServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Kairan server listening on (https?://\\S+)");

    private final Process process;
    private final Path dataDir;
    private final String url;

    private KairanServerProcess(Process process, Path dataDir, String url) {
        this.process = process;
        this.dataDir = dataDir;
        this.url = url;
    }

    static KairanServerProcess start(Path jar, Path log) throws IOException, InterruptedException, TimeoutException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the server jar " + jar + " does not exist: build server/ first (the root "
                    + "reactor builds it before the desktop tests)");
        }
        Path dataDir = Files.createTempDirectory("kairan-uitest-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--data",
                dataDir.toString(), "--port", "0", "--demo")).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
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
        }, "kairan-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new KairanServerProcess(process, dataDir, ready.get(90, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new TimeoutException("the server did not report ready within 90 s; see " + log);
        }
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
