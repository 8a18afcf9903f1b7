package org.kairan.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;
import org.kairan.server.audit.AuditActor;
import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.http.ApiJson;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Load benchmark of the Kairan server (not a test; never run by CI). Starts the server in this JVM on
 * port 0 with the demo city on a fresh H2 database (or {@code --db-url}), gives {@code --users} staff a
 * password, and measures over HTTP on loopback:
 * <ol>
 * <li>first logins: password, then enrolment of the second factor with a code computed from the
 *     otpauth URI's secret (2 requests, one Argon2id verification each login);</li>
 * <li>returning logins: password + TOTP code in one request;</li>
 * <li>authenticated reads: {@code --clients} concurrent clients, each with its own session and its own
 *     kept-alive connection ({@link KeepAliveClient}, a few µs of client CPU per request), alternating
 *     {@code GET /api/session} and {@code GET /api/directory/staff?q=…}, {@code --warmup} seconds then
 *     {@code --seconds} measured.</li>
 * </ol>
 * Client and server share the machine's cores, so the figures are a lower bound for the server.
 *
 * <p>Run from the repository root (JDK 21+; the shaded server jar holds every dependency):
 * <pre>
 * ./mvnw -q -pl server -am package -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       $(find server/src/bench/java -name '*.java')
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *      -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.bench.ServerBenchmark \
 *      [--clients 50] [--warmup 5] [--seconds 20] [--users 100] [--rate 2000] [--db-url jdbc:postgresql://… --db-user … --db-password …]
 * </pre>
 * Run it on an otherwise idle machine: anything else using the cores shows up in p99.
 */
public final class ServerBenchmark {

    private static final String PASSWORD = "bench-password-2026";
    private static final String[] QUERIES = {"さとう", "たなか", "すずき", "120", "伊藤", "やまだ", "わたなべ", "こばやし",
            "高橋", "なかむら"};

    /** Command-line settings. */
    record Options(int clients, int warmupSeconds, int seconds, int users, String dbUrl, String dbUser,
            String dbPassword, int rate) {

        static Options parse(String[] args) {
            int clients = 50;
            int warmup = 5;
            int seconds = 20;
            int users = 100;
            String dbUrl = null;
            String dbUser = null;
            String dbPassword = null;
            int rate = 0;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--users" -> users = Integer.parseInt(value);
                    case "--db-url" -> dbUrl = value;
                    case "--db-user" -> dbUser = value;
                    case "--db-password" -> dbPassword = value;
                    case "--rate" -> rate = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--clients N --warmup S --seconds S --users N --rate REQ_PER_S --db-url URL --db-user U --db-password P)");
                }
                i++;
            }
            return new Options(clients, warmup, seconds, Math.max(users, clients), dbUrl, dbUser, dbPassword, rate);
        }
    }

    /** Latencies in nanoseconds, one list per thread, merged at the end. */
    static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        int size() {
            return size;
        }

        static long[] merged(List<Latencies> parts) {
            long[] all = new long[parts.stream().mapToInt(p -> p.size).sum()];
            int at = 0;
            for (Latencies part : parts) {
                System.arraycopy(part.values, 0, all, at, part.size);
                at += part.size;
            }
            Arrays.sort(all);
            return all;
        }

        static String summary(long[] sorted) {
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    percentile(sorted, 50) / 1e6, percentile(sorted, 90) / 1e6, percentile(sorted, 99) / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }

        static long percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private final Options options;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final Totp totp = new Totp(Clock.systemUTC());
    private final Base32 base32 = new Base32();
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private URI base;

    ServerBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new ServerBenchmark(Options.parse(args)).run();
    }

    void run() throws Exception {
        Path dataDir = Files.createTempDirectory("kairan-bench-");
        ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withDemo(true);
        if (options.dbUrl() != null) {
            config = config.withDatabase(options.dbUrl(), options.dbUser(), options.dbPassword());
        }
        long startedAt = System.nanoTime();
        try (KairanServer server = KairanServer.newServer(config)) {
            server.start();
            base = server.uri();
            System.out.printf(Locale.ROOT, "server up at %s in %.1f s (%s, %d cores, %s)%n", base,
                    (System.nanoTime() - startedAt) / 1e9, server.database().kind().label(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<String> users = giveUsersPasswords(server);
            List<String> tokens = firstLogins(users);
            returningLogins(users);
            reads(tokens.subList(0, options.clients()));
        } finally {
            BenchFiles.deleteRecursively(dataDir);
        }
    }

    /** Sets the bench password for the first {@code --users} staff of the demo city. */
    private List<String> giveUsersPasswords(KairanServer server) throws Exception {
        OrganisationStore store = new OrganisationStore();
        List<String> staffNos = server.database().inTransaction(store::staff).stream()
                .map(StaffMember::staffNo).sorted().limit(options.users()).toList();
        if (staffNos.size() < options.clients()) {
            throw new IllegalStateException("only " + staffNos.size() + " staff in the directory");
        }
        long start = System.nanoTime();
        AuditActor actor = AuditActor.system("benchmark set-up");
        parallel(staffNos, 2, staffNo -> {
            server.accounts().setPassword(staffNo, PASSWORD.toCharArray(), actor);
            return null;
        });
        System.out.printf(Locale.ROOT, "passwords set for %d users in %.1f s%n", staffNos.size(),
                (System.nanoTime() - start) / 1e9);
        return staffNos;
    }

    /** Password, then enrolment with a code from the otpauth secret; returns each user's session token. */
    private List<String> firstLogins(List<String> users) throws Exception {
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        List<String> tokens = parallel(users, options.clients(), staffNo -> {
            HttpClient http = newClient();
            long t0 = System.nanoTime();
            LoginResponse first = post(http, "/api/auth/login", new LoginRequest(staffNo, PASSWORD, null));
            if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
                throw new IllegalStateException(staffNo + ": expected enrolment, got " + first.status());
            }
            byte[] secret = base32.decode(queryParameter(URI.create(first.otpauthUri()), "secret"));
            String code = totp.codeAt(secret, totp.currentStep());
            LoginResponse done = post(http, "/api/auth/totp/enrol", new TotpEnrolmentRequest(first.enrolmentToken(), code));
            synchronized (latencies) {
                latencies.add(System.nanoTime() - t0);
            }
            if (done.status() != LoginStatus.AUTHENTICATED) {
                throw new IllegalStateException(staffNo + ": enrolment did not authenticate: " + done.status());
            }
            secrets.put(staffNo, secret);
            return done.sessionToken();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "first logins (password + TOTP enrolment, 2 requests): %d in %.1f s = %.1f/s; %s%n",
                users.size(), seconds, users.size() / seconds, Latencies.summary(Latencies.merged(List.of(latencies))));
        return tokens;
    }

    /** Password + TOTP code in one request, each user once (a code is single-use: the next step's code). */
    private void returningLogins(List<String> users) throws Exception {
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        parallel(users, options.clients(), staffNo -> {
            HttpClient http = newClient();
            byte[] secret = secrets.get(staffNo);
            String code = totp.codeAt(secret, totp.currentStep() + 1);
            long t0 = System.nanoTime();
            LoginResponse response = post(http, "/api/auth/login", new LoginRequest(staffNo, PASSWORD, code));
            synchronized (latencies) {
                latencies.add(System.nanoTime() - t0);
            }
            if (response.status() != LoginStatus.AUTHENTICATED) {
                throw new IllegalStateException(staffNo + ": login with TOTP did not authenticate: " + response.status());
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "returning logins (password + TOTP code, 1 request): %d in %.1f s = %.1f/s; %s%n",
                users.size(), seconds, users.size() / seconds, Latencies.summary(Latencies.merged(List.of(latencies))));
    }

    /** {@code --clients} threads, each with its own connection and session, for warm-up + measured time. */
    private void reads(List<String> tokens) throws Exception {
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        long end = warmupEnd + Duration.ofSeconds(options.seconds()).toNanos();
        List<Latencies> sessionLatencies = new ArrayList<>();
        List<Latencies> searchLatencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            Latencies session = new Latencies();
            Latencies search = new Latencies();
            sessionLatencies.add(session);
            searchLatencies.add(search);
            int seed = i;
            // --rate: each client sends on a fixed schedule and latency counts from the scheduled moment,
            // so a slow answer also charges the requests that had to wait for it (no coordinated omission)
            long interval = options.rate() > 0 ? tokens.size() * 1_000_000_000L / options.rate() : 0;
            long firstSend = System.nanoTime() + (interval == 0 ? 0 : interval * i / tokens.size());
            running.add(pool.submit(() -> {
                try (KeepAliveClient http = new KeepAliveClient(base)) {
                    long n = seed;
                    long scheduled = firstSend;
                    while (true) {
                        if (interval > 0) {
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        long t0 = interval > 0 ? scheduled : System.nanoTime();
                        scheduled += interval;
                        if (t0 >= end) {
                            return null;
                        }
                        boolean sessionCall = (n & 1) == 0;
                        String path = sessionCall ? "/api/session"
                                : "/api/directory/staff?q=" + URLEncoder.encode(
                                        QUERIES[(int) (n / 2 % QUERIES.length)], StandardCharsets.UTF_8);
                        KeepAliveClient.Response response = http.get(path, token);
                        long t1 = System.nanoTime();
                        if (response.status() != 200) {
                            errors.incrementAndGet();
                        } else if (t0 >= warmupEnd) {
                            (sessionCall ? session : search).add(t1 - t0);
                        }
                        n++;
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long[] sessions = Latencies.merged(sessionLatencies);
        long[] searches = Latencies.merged(searchLatencies);
        long[] all = Latencies.merged(Stream.concat(sessionLatencies.stream(), searchLatencies.stream()).toList());
        double seconds = options.seconds();
        System.out.printf(Locale.ROOT, "authenticated reads, %d clients, %s, %d s measured after %d s warm-up, %d errors:%n",
                tokens.size(), options.rate() > 0 ? "offered " + options.rate() + " req/s in all" : "as fast as they can",
                options.seconds(), options.warmupSeconds(), errors.get());
        System.out.printf(Locale.ROOT, "  all                         %8.0f req/s; %s%n", all.length / seconds,
                Latencies.summary(all));
        System.out.printf(Locale.ROOT, "  GET /api/session            %8.0f req/s; %s%n", sessions.length / seconds,
                Latencies.summary(sessions));
        System.out.printf(Locale.ROOT, "  GET /api/directory/staff?q= %8.0f req/s; %s%n", searches.length / seconds,
                Latencies.summary(searches));
    }

    // ---------------------------------------------------------------- helpers

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private LoginResponse post(HttpClient http, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readValue(response.body(), LoginResponse.class);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }

    /** A task per item on {@code threads} threads; results in item order; the first failure is thrown. */
    private static <T, R> List<R> parallel(List<T> items, int threads, Task<T, R> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Task<T, R> {
        R run(T item) throws Exception;
    }
}
