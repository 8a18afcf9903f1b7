package org.kairan.bench.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;

/**
 * The real Kairan server ({@code kairan-server.jar --data DIR --port 0 --demo}) in its own process, and the
 * HTTP calls that give a demo account its second factor, as the desktop's first login would.
 */
final class DemoServer implements AutoCloseable {

    /** The server's own RFC 6238 implementation, as an authenticator app computes codes. */
    static final Totp TOTP = new Totp(java.time.Clock.systemUTC());

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static DemoServer start(Path java, Path serverJar, Path dataDir, Path log) throws Exception {
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(java.toString(), "-jar", serverJar.toString(), "--data", dataDir.toString(),
                "--port", "0", "--demo").redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line; (line = in.readLine()) != null;) {
                    out.println(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("the server ended before it listened; see " + log));
        }, "server-log");
        pump.setDaemon(true);
        pump.start();
        try {
            return new DemoServer(process, listening.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the server did not report 'listening on' (see " + log + ")", e);
        }
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /**
     * First login of a demo account through the API: password → otpauth URI → a code computed from its
     * secret → enrolment. Afterwards the account needs password + TOTP code, like a returning user.
     */
    Account enrol(String userId, String password) throws Exception {
        String login = post("/api/auth/login", "{\"userId\":" + json(userId) + ",\"password\":" + json(password) + "}");
        if (!login.contains("TOTP_ENROLMENT_REQUIRED")) {
            throw new IllegalStateException("login of " + userId + " did not ask for enrolment: " + login);
        }
        String token = field(login, "enrolmentToken");
        String uri = field(login, "otpauthUri");
        Matcher secret = Pattern.compile("[?&]secret=([A-Za-z2-7=]+)").matcher(uri);
        if (!secret.find()) {
            throw new IllegalStateException("no secret in " + uri);
        }
        Account account = new Account(userId, password, new Base32().decode(URLDecoder.decode(secret.group(1), StandardCharsets.UTF_8)));
        long step = account.nextStep();
        String answer = post("/api/auth/totp/enrol", "{\"enrolmentToken\":" + json(token) + ",\"code\":"
                + json(TOTP.codeAt(account.secret, step)) + "}");
        if (!answer.contains("AUTHENTICATED")) {
            throw new IllegalStateException("enrolment of " + userId + " failed: " + answer);
        }
        account.used(step);
        return account;
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A demo account with its TOTP secret. The server accepts a code for the current step ±1 and only for a
     * step later than the last one used, so each login needs a fresh step: {@link #waitUntilLoginPossible()}.
     */
    static final class Account {
        final String userId;
        final String password;
        final byte[] secret;
        private long lastUsedStep = Long.MIN_VALUE;

        Account(String userId, String password, byte[] secret) {
            this.userId = userId;
            this.password = password;
            this.secret = secret;
        }

        /** The step whose code to type now: the current step, or the next one when the current was used. */
        long nextStep() {
            long now = TOTP.currentStep();
            long step = Math.max(now, lastUsedStep + 1);
            if (step > now + 1) {
                throw new IllegalStateException("no TOTP step free for " + userId + " (call waitUntilLoginPossible first)");
            }
            return step;
        }

        void used(long step) {
            lastUsedStep = Math.max(lastUsedStep, step);
        }

        /** Milliseconds until a login typed from now on finds a free step (0 when it already does). */
        long millisUntilLoginPossible() {
            long nowMillis = System.currentTimeMillis();
            long now = TOTP.stepAt(java.time.Instant.ofEpochMilli(nowMillis));
            if (now >= lastUsedStep) {
                return 0;
            }
            return lastUsedStep * Totp.DEFAULT_STEP.toSeconds() * 1000 - nowMillis + 50;
        }
    }
}
