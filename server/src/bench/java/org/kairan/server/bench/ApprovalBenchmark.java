package org.kairan.server.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.bench.ApprovalCast.Approver;
import org.kairan.server.bench.ServerBenchmark.Latencies;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.http.ApiJson;

import com.fasterxml.jackson.databind.ObjectMapper;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The 電子決裁 approve round trip (issue 4: "Approve round trip with 100 concurrent approvers on loopback:
 * goal p99 ≤ 50 ms"); not a test, never run by CI. Starts the server in this JVM on port 0 with the demo
 * city on a fresh H2 database (or {@code --db-url}), then, outside the measurement:
 * <ol>
 * <li>chooses {@code --approvers} 係長 and 課長 ({@link ApprovalCast}) and a drafter under each, gives them
 *     (and the 係長 before each 課長, the 課長 after each 係長) a password and logs each in through the HTTP
 *     API (password, then TOTP enrolment with a code from the otpauth secret);</li>
 * <li>has each drafter save and submit {@code --warmup} + {@code --per-approver} + {@code --follow} ¥150,000
 *     物品購入 (route 係長 回議 → 課長 専決) with {@code kessai.save-draft} and {@code kessai.act SUBMIT}; the
 *     係長 approves those of a 課長 so that they wait at the 課長;</li>
 * <li>each approver pulls their feed once and finds their 案件 waiting (round and step from the feed).</li>
 * </ol>
 * Then one thread per approver, each with its own kept-alive connection and session, all released
 * together, approves its 案件 one after the other: each approval is one {@code POST /api/sync/commands}
 * with one {@code kessai.act APPROVE}, and its round trip runs from sending the request to having read
 * the result. A warm-up round ({@code --warmup} each) is not counted; the measured round
 * ({@code --per-approver} each) prints count, approvals/s, p50/p95/p99/max, the share not APPLIED, the CPU
 * used and the load average before and after. A last round ({@code --follow} each, 0 to skip) also
 * measures the pull that follows: after each approval by a 係長, the next approver (the 課長) pulls from
 * their cursor until the 案件 is waiting for them. Without {@code --rate} every approver sends the next
 * approval as soon as it has the result (saturation: the round trip is then about approvers ÷ throughput);
 * with {@code --rate N} the approvers send on fixed schedules adding up to N approvals/s and the round
 * trip counts from the scheduled moment. Before each measured round the bench waits (at most 5 minutes)
 * until other processes use less than {@code --quiet} % (default 15) of the CPU over a second, and it
 * prints how much they used during the round. {@code --jfr FILE} records the measured round with Flight
 * Recorder ("profile" settings, every monitor wait).
 *
 * <p>Run from the repository root (JDK 21+; the shaded server jar holds every dependency):
 * <pre>
 * ./mvnw -q -pl bundles/org.kairan.core,server package -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       $(find server/src/bench/java -name '*.java')
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *      -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.bench.ApprovalBenchmark \
 *      [--approvers 100] [--per-approver 20] [--warmup 5] [--follow 5] [--rate N] [--quiet 15] [--jfr FILE.jfr] \
 *      [--db-url jdbc:postgresql://… --db-user … --db-password …]
 * </pre>
 * With {@code --db-url} the database must be empty (the demo city is loaded into it). Client and server
 * share the machine's cores, so the figures are an upper bound for the server's latency; run it on an
 * otherwise idle machine.
 */
public final class ApprovalBenchmark {

    private static final String PASSWORD = "bench-password-2026";
    private static final double GOAL_P99_MS = 50;
    private static final String[] ITEMS = {"庁舎用複合機", "窓口用番号札発券機", "会議室用プロジェクター", "公用車用スタッドレスタイヤ",
            "書庫用スチール棚", "防災備蓄用保存水", "災害用簡易トイレ", "事務用回転椅子", "投票用記載台", "図書館用ブックトラック",
            "保育所用午睡マット", "道路補修用常温合材"};

    /** Command-line settings. */
    record Options(int approvers, int perApprover, int warmup, int follow, String dbUrl, String dbUser,
            String dbPassword, Path jfr, int rate, int quietPercent) {

        static Options parse(String[] args) {
            int approvers = 100;
            int perApprover = 20;
            int warmup = 5;
            int follow = 5;
            String dbUrl = null;
            String dbUser = null;
            String dbPassword = null;
            Path jfr = null;
            int rate = 0;
            int quiet = 15;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--approvers" -> approvers = Integer.parseInt(value);
                    case "--per-approver" -> perApprover = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--follow" -> follow = Integer.parseInt(value);
                    case "--db-url" -> dbUrl = value;
                    case "--db-user" -> dbUser = value;
                    case "--db-password" -> dbPassword = value;
                    case "--jfr" -> jfr = Path.of(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--quiet" -> quiet = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--approvers N"
                            + " --per-approver N --warmup N --follow N --rate APPROVALS_PER_S --quiet PCT --jfr FILE --db-url URL --db-user U --db-password P)");
                }
                i++;
            }
            return new Options(approvers, perApprover, warmup, follow, dbUrl, dbUser, dbPassword, jfr, rate, quiet);
        }
    }

    /** What one approver does in a round: their 案件 and, in the follow round, the next approver's desk. */
    private record Work(Approver approver, BenchDesk desk, List<Kessai> kessai, BenchDesk next) {
    }

    private final Options options;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final Map<String, BenchDesk> desks = new ConcurrentHashMap<>();

    ApprovalBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new ApprovalBenchmark(Options.parse(args)).run();
    }

    void run() throws Exception {
        Path dataDir = Files.createTempDirectory("kairan-approval-bench-");
        ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withDemo(true);
        if (options.dbUrl() != null) {
            config = config.withDatabase(options.dbUrl(), options.dbUser(), options.dbPassword());
        }
        long startedAt = System.nanoTime();
        try (KairanServer server = KairanServer.newServer(config)) {
            server.start();
            System.out.printf(Locale.ROOT, "server up at %s in %.1f s (%s, %d cores, %s)%n", server.uri(),
                    (System.nanoTime() - startedAt) / 1e9, server.database().kind().label(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            LocalDate today = LocalDate.now(config.zone());
            OrganisationDirectory directory = server.database().inTransaction(
                    c -> new DirectoryCache(new OrganisationStore()).directory(c));
            List<Approver> approvers = ApprovalCast.choose(directory, config.kessai().rules(), today,
                    options.approvers());
            long kacho = approvers.stream().filter(Approver::isKacho).count();
            System.out.printf(Locale.ROOT, "approvers: %d 係長 and %d 課長; %d drafters; %d people in all%n",
                    approvers.size() - kacho, kacho, approvers.stream().map(Approver::drafterNo).distinct().count(),
                    ApprovalCast.people(approvers).size());
            setUp(server, approvers);
            int perApprover = options.warmup() + options.perApprover() + options.follow();
            Map<String, List<String>> ids = seed(approvers, today, perApprover);
            Map<String, List<Kessai>> waiting = pullWaiting(approvers, ids, perApprover);

            round("warm-up", works(approvers, waiting, 0, options.warmup(), false), 0, false);
            Recording recording = startRecording();
            round("measured", works(approvers, waiting, options.warmup(), options.perApprover(), false), options.rate(),
                    true);
            stopRecording(recording);
            if (options.follow() > 0) {
                List<Work> follow = works(approvers, waiting, options.warmup() + options.perApprover(),
                        options.follow(), true);
                for (Work work : follow) {
                    if (work.next() != null) {
                        work.next().pull(); // the cursor at the end of the feed, outside the measurement
                    }
                }
                round("follow (approve, then the next approver pulls)", follow, options.rate(), true);
            }
        } finally {
            for (BenchDesk desk : desks.values()) {
                desk.close();
            }
            BenchFiles.deleteRecursively(dataDir);
        }
    }

    // ---------------------------------------------------------------- set-up

    private void setUp(KairanServer server, List<Approver> approvers) throws Exception {
        List<String> people = List.copyOf(ApprovalCast.people(approvers));
        long start = System.nanoTime();
        AuditActor actor = AuditActor.system("benchmark set-up");
        parallel(people, 2, staffNo -> {
            server.accounts().setPassword(staffNo, PASSWORD.toCharArray(), actor);
            return null;
        });
        System.out.printf(Locale.ROOT, "passwords set for %d people in %.1f s%n", people.size(),
                (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        parallel(people, 4, staffNo -> {
            desks.put(staffNo, BenchDesk.firstLogin(server.uri(), json, staffNo, PASSWORD));
            return null;
        });
        System.out.printf(Locale.ROOT, "first logins (password + TOTP enrolment) of %d people in %.1f s%n",
                people.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Saves and submits each approver's 案件 (approved by the 係長 first for a 課長); their ids by approver. */
    private Map<String, List<String>> seed(List<Approver> approvers, LocalDate today, int count) throws Exception {
        long start = System.nanoTime();
        AtomicLong commands = new AtomicLong();
        List<List<String>> ids = parallel(approvers, 4, approver -> {
            BenchDesk drafter = desks.get(approver.drafterNo());
            List<String> made = new ArrayList<>();
            List<KessaiDraft> drafts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                made.add(id);
                drafts.add(purchase(id, approver, i, today));
            }
            drafter.sendAllApplied(CommandTypes.SAVE_KESSAI_DRAFT, drafts);
            drafter.pull();
            List<KessaiAction> submits = new ArrayList<>();
            for (String id : made) {
                submits.add(KessaiAction.on(drafter.kessai(id), ActionKind.SUBMIT, ""));
            }
            drafter.sendAllApplied(CommandTypes.ACT_ON_KESSAI, submits);
            commands.addAndGet(2L * count);
            if (approver.isKacho()) {
                BenchDesk kakaricho = desks.get(approver.beforeNo());
                kakaricho.pull();
                List<KessaiAction> approvals = kakaricho.waiting(made).stream()
                        .map(k -> KessaiAction.on(k, ActionKind.APPROVE, "")).toList();
                if (approvals.size() != count) {
                    throw new IllegalStateException(approver.beforeNo() + " finds " + approvals.size() + " of " + count
                            + " 案件 waiting before 課長 " + approver.staffNo());
                }
                kakaricho.sendAllApplied(CommandTypes.ACT_ON_KESSAI, approvals);
                commands.addAndGet(count);
            }
            return made;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "set-up: %d 案件 saved, submitted and routed (%d commands in batches) in %.1f s"
                + " = %.0f commands/s%n", (long) approvers.size() * count, commands.get(), seconds,
                commands.get() / seconds);
        Map<String, List<String>> byApprover = new LinkedHashMap<>();
        for (int i = 0; i < approvers.size(); i++) {
            byApprover.put(approvers.get(i).staffNo(), ids.get(i));
        }
        return byApprover;
    }

    /** Each approver pulls their feed once and must find all their 案件 waiting for them. */
    private Map<String, List<Kessai>> pullWaiting(List<Approver> approvers, Map<String, List<String>> ids, int count)
            throws Exception {
        long start = System.nanoTime();
        List<List<Kessai>> found = parallel(approvers, 4, approver -> {
            BenchDesk desk = desks.get(approver.staffNo());
            desk.pull();
            List<Kessai> waiting = desk.waiting(ids.get(approver.staffNo()));
            if (waiting.size() != count) {
                throw new IllegalStateException(approver.position() + " " + approver.staffNo() + " finds "
                        + waiting.size() + " of their " + count + " 案件 waiting");
            }
            return waiting;
        });
        Kessai sample = found.getFirst().getFirst();
        System.out.printf(Locale.ROOT, "each approver pulled their feed and found their %d 案件 waiting (%.1f s);"
                + " one 案件 is %d bytes of JSON%n", count, (System.nanoTime() - start) / 1e9,
                json.writeValueAsBytes(sample).length);
        Map<String, List<Kessai>> byApprover = new LinkedHashMap<>();
        for (int i = 0; i < approvers.size(); i++) {
            byApprover.put(approvers.get(i).staffNo(), found.get(i));
        }
        return byApprover;
    }

    private List<Work> works(List<Approver> approvers, Map<String, List<Kessai>> waiting, int from, int count,
            boolean follow) {
        List<Work> works = new ArrayList<>();
        for (Approver approver : approvers) {
            BenchDesk desk = desks.get(approver.staffNo());
            BenchDesk next = follow && approver.nextNo() != null ? desks.get(approver.nextNo()).watchedFrom(desk) : null;
            works.add(new Work(approver, desk, waiting.get(approver.staffNo()).subList(from, from + count), next));
        }
        return works;
    }

    private static KessaiDraft purchase(String id, Approver approver, int n, LocalDate today) {
        String item = ITEMS[Math.floorMod(approver.staffNo().hashCode() + n, ITEMS.length)];
        return new KessaiDraft(id, item + "の購入について（その" + (n + 1) + "）", "契約・財務",
                approver.unitName() + "で使用する" + item + "を購入したいので伺います。\n予定価格 150,000円（税込）。見積書は別途回付します。",
                ApprovalCast.KIND, ApprovalCast.AMOUNT_YEN, false, today, null, List.of());
    }

    // ---------------------------------------------------------------- rounds

    /** One approver's figures in a round. */
    private static final class Tally {
        final Latencies approve = new Latencies();
        final Latencies pull = new Latencies();
        final Latencies visible = new Latencies();
        long notApplied;
        long extraPulls;
        long cpuNanos;
        String firstFailure;
    }

    /**
     * One round: every approver approves their 案件 one after the other, all starting together. With
     * {@code rate} 0 each sends the next as soon as it has the result (saturation); else each sends on a
     * fixed schedule, the approvers' schedules adding up to {@code rate} approvals/s, and the round trip
     * counts from the scheduled moment (a late answer also charges the approvals that had to wait for it).
     */
    private void round(String name, List<Work> works, int rate, boolean print) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CyclicBarrier start = new CyclicBarrier(works.size() + 1);
        ExecutorService pool = Executors.newFixedThreadPool(works.size());
        List<Future<Tally>> running = new ArrayList<>();
        long interval = rate > 0 ? works.size() * 1_000_000_000L / rate : 0;
        AtomicLong startAt = new AtomicLong();
        for (int w = 0; w < works.size(); w++) {
            Work work = works.get(w);
            long offset = interval * w / works.size();
            running.add(pool.submit(() -> {
                Tally tally = new Tally();
                start.await();
                long cpu0 = threads.getCurrentThreadCpuTime();
                String nextNo = work.approver().nextNo();
                long scheduled = startAt.get() + offset;
                for (Kessai kessai : work.kessai()) {
                    byte[] body = work.desk().commandBody(CommandTypes.ACT_ON_KESSAI,
                            KessaiAction.on(kessai, ActionKind.APPROVE, ""));
                    if (interval > 0) {
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    long t0 = interval > 0 ? scheduled : System.nanoTime();
                    scheduled += interval;
                    CommandResult result = work.desk().send(body).getFirst();
                    long t1 = System.nanoTime();
                    tally.approve.add(t1 - t0);
                    if (result.outcome() != CommandOutcome.APPLIED) {
                        tally.notApplied++;
                        if (tally.firstFailure == null) {
                            tally.firstFailure = result.toString();
                        }
                        continue;
                    }
                    if (work.next() != null) {
                        int pulls = 0;
                        Kessai seen;
                        do {
                            work.next().pull();
                            pulls++;
                            seen = work.next().kessai(kessai.id());
                        } while ((seen == null || !seen.awaits(nextNo)) && pulls < 100);
                        long t2 = System.nanoTime();
                        if (seen == null || !seen.awaits(nextNo)) {
                            throw new IllegalStateException(nextNo + " never sees 案件 " + kessai.id() + " waiting");
                        }
                        tally.pull.add(t2 - t1);
                        tally.visible.add(t2 - t0);
                        tally.extraPulls += pulls - 1;
                    }
                }
                tally.cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
                return tally;
            }));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String loadBefore = loadAverage();
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        if (print) {
            awaitQuiet(os);
        }
        long processCpu0 = os.getProcessCpuTime();
        long[] io0 = processIo();
        long machineBusy0 = machineBusyTicks();
        long wall0 = System.nanoTime();
        startAt.set(wall0);
        List<Tally> tallies = new ArrayList<>();
        try {
            start.await();
            for (Future<Tally> f : running) {
                tallies.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long wall = System.nanoTime() - wall0;
        long processCpu = os.getProcessCpuTime() - processCpu0;
        long[] io1 = processIo();
        long machineBusy = machineBusyTicks() - machineBusy0;
        String loadAfter = loadAverage();
        if (!print) {
            System.out.printf(Locale.ROOT, "%s: %d approvals in %.1f s (not counted)%n", name,
                    tallies.stream().mapToLong(t -> t.approve.size()).sum(), wall / 1e9);
            return;
        }
        long[] all = Latencies.merged(tallies.stream().map(t -> t.approve).toList());
        long notApplied = tallies.stream().mapToLong(t -> t.notApplied).sum();
        long clientCpu = tallies.stream().mapToLong(t -> t.cpuNanos).sum();
        double seconds = wall / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d approvals by %d approvers at once (%s), %.2f s = %.0f approvals/s;"
                + " not APPLIED: %d (%.2f %%)%s%n", name, all.length, works.size(),
                rate > 0 ? "offered " + rate + "/s in all, each every " + interval / 1_000_000 + " ms"
                        : "each as fast as answered", seconds, all.length / seconds,
                notApplied, 100.0 * notApplied / all.length, tallies.stream().filter(t -> t.firstFailure != null)
                        .map(t -> ", first: " + t.firstFailure).findFirst().orElse(""));
        System.out.printf(Locale.ROOT, "  approve round trip      %s  (goal p99 ≤ %.0f ms: %s)%n", summary(all),
                GOAL_P99_MS, Latencies.percentile(all, 99) / 1e6 <= GOAL_P99_MS ? "met" : "MISSED");
        for (String position : List.of(ApprovalCast.KAKARICHO, ApprovalCast.KACHO)) {
            List<Latencies> of = new ArrayList<>();
            for (int i = 0; i < works.size(); i++) {
                if (works.get(i).approver().position().equals(position)) {
                    of.add(tallies.get(i).approve);
                }
            }
            long[] sorted = Latencies.merged(of);
            System.out.printf(Locale.ROOT, "    by the %s (%3d)      %s%n", position, of.size(), summary(sorted));
        }
        List<Latencies> pulls = new ArrayList<>();
        List<Latencies> visible = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            if (works.get(i).next() != null) {
                pulls.add(tallies.get(i).pull);
                visible.add(tallies.get(i).visible);
            }
        }
        if (!pulls.isEmpty()) {
            System.out.printf(Locale.ROOT, "  課長's pull after it      %s  (%d times the first pull did not have it yet)%n",
                    summary(Latencies.merged(pulls)), tallies.stream().mapToLong(t -> t.extraPulls).sum());
            System.out.printf(Locale.ROOT, "  sent → waiting at 課長    %s%n", summary(Latencies.merged(visible)));
        }
        System.out.printf(Locale.ROOT, "  CPU: process %.1f s = %.2f cores of %d (approver threads %.1f s, the rest —"
                + " server, GC, JIT — %.1f s = %.2f ms per approval); GC %d collections, %d ms%n",
                processCpu / 1e9, processCpu / (double) wall, Runtime.getRuntime().availableProcessors(),
                clientCpu / 1e9, (processCpu - clientCpu) / 1e9, (processCpu - clientCpu) / 1e6 / all.length,
                gcCount() - gcCount0, gcMillis() - gcMillis0);
        if (io0 != null && io1 != null) {
            System.out.printf(Locale.ROOT, "  written by the process: %.1f MB to files and sockets (%.1f kB per approval),"
                    + " %.1f MB to the disk%n", (io1[0] - io0[0]) / 1e6, (io1[0] - io0[0]) / 1e3 / all.length,
                    (io1[1] - io0[1]) / 1e6);
        }
        if (machineBusy0 >= 0) {
            // /proc/stat counts in USER_HZ ticks (100 per second on Linux)
            double others = Math.max(0, machineBusy / 100.0 - processCpu / 1e9);
            System.out.printf(Locale.ROOT, "  other processes used %.2f s of CPU = %.0f %% of the machine meanwhile%n",
                    others, 100 * others / (wall / 1e9 * Runtime.getRuntime().availableProcessors()));
        }
        System.out.printf(Locale.ROOT, "  load average before %s, after %s%n", loadBefore, loadAfter);
    }

    private static String summary(long[] sorted) {
        if (sorted.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "n %5d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms", sorted.length,
                Latencies.percentile(sorted, 50) / 1e6, Latencies.percentile(sorted, 95) / 1e6,
                Latencies.percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    // ---------------------------------------------------------------- helpers

    private Recording startRecording() throws Exception {
        if (options.jfr() == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        // every wait on a monitor (H2 waits for a row lock, e.g. feed_head's, in Object.wait), parks ≥ 1 ms
        recording.enable("jdk.JavaMonitorWait").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.start();
        return recording;
    }

    private void stopRecording(Recording recording) throws IOException {
        if (recording != null) {
            recording.stop();
            recording.dump(options.jfr());
            recording.close();
            System.out.println("  JFR recording of the measured round: " + options.jfr());
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Waits (at most 5 minutes) until other processes use less than {@code --quiet} % of the machine's
     * CPU over a second: other engineers' builds would otherwise be measured too.
     */
    private void awaitQuiet(com.sun.management.OperatingSystemMXBean os) throws InterruptedException {
        if (options.quietPercent() >= 100 || machineBusyTicks() < 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + 300_000_000_000L;
        double others;
        do {
            long busy0 = machineBusyTicks();
            long own0 = os.getProcessCpuTime();
            Thread.sleep(1000);
            others = Math.max(0, (machineBusyTicks() - busy0) / 100.0 - (os.getProcessCpuTime() - own0) / 1e9)
                    / cores * 100;
        } while (others >= options.quietPercent() && System.nanoTime() < deadline);
        if (others >= options.quietPercent()) {
            System.out.printf(Locale.ROOT, "  (other processes still use %.0f %% of the CPU after 5 minutes: measuring"
                    + " anyway)%n", others);
        }
    }

    /** CPU time of the whole machine that was not idle, in ticks (Linux {@code /proc/stat}), or -1. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 7; i++) { // user … softirq
                if (i != 4 && i != 5) { // not idle, not iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code wchar} and {@code write_bytes} of this process (Linux), or {@code null}. */
    private static long[] processIo() {
        try {
            long wchar = -1;
            long writeBytes = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    wchar = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("write_bytes:")) {
                    writeBytes = Long.parseLong(line.substring(12).trim());
                }
            }
            return wchar < 0 || writeBytes < 0 ? null : new long[] {wchar, writeBytes};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** A task per item on {@code threads} threads; results in item order; the first failure is thrown. */
    private static <T, R> List<R> parallel(List<T> items, int threads, ServerBenchmark.Task<T, R> task)
            throws Exception {
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
}
