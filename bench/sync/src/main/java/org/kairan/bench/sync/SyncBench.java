package org.kairan.bench.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.kairan.client.KairanClientException;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerAddress;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncTopics;
import org.kairan.client.sync.internal.DefaultSyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.sync.CommandBatch;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncCommand;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sync benchmark of issue 3 against the real server jar with the real client classes. See bench/README.md.
 * <ol>
 * <li><b>first sync</b>: a fresh desktop (new JVM with the product's VM flags, new workspace) of a user who
 * may see N 決裁-sized and M document-sized 回覧 plus the directory: time from the start of the sync
 * service and {@code syncNow} until the replica is complete;</li>
 * <li><b>change visible</b>: desktop A queues {@code circular.post}, until desktop B's replica has it (push on);</li>
 * <li><b>pull throughput</b>: K users pull the whole feed at once through {@code HttpKairanServerClient.pull}.</li>
 * </ol>
 */
public final class SyncBench {

    static final String AUTHOR = DemoAccounts.MAYOR;
    static final String ROOT_UNIT = "100000"; // 市長部局: 253 of the ~400 staff are in it or below it
    static final String PASSWORD = DemoAccounts.PASSWORD;
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    // options
    Path repo;
    Path out;
    int records = 10_000;
    int documents = 2_000;
    int recordBody = 1_500;
    int documentBody = 6_000;
    int batch = 100;
    int documentBatch = 40;
    int fresh = 3;
    int samples = 200;
    int warmup = 20;
    int clients = 50;
    int pageLimit = 500;
    String serverHeap = "";
    String serverVm = "";
    String clientVm = "-Xms64m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    Set<String> phases = new LinkedHashSet<>(List.of("first", "visible", "pull"));
    boolean keep;

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    private final Map<String, String> summary = new LinkedHashMap<>();
    private ServerProc server;
    private ServerAddress address;
    private long ticksPerSecond;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--first-sync-child")) {
            FirstSyncChild.main(args);
            return;
        }
        SyncBench bench = new SyncBench();
        if (!bench.parse(args)) {
            return;
        }
        bench.run();
    }

    private boolean parse(String[] args) {
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--documents" -> documents = Integer.parseInt(args[++i]);
                case "--record-chars" -> recordBody = Integer.parseInt(args[++i]);
                case "--document-chars" -> documentBody = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--document-batch" -> documentBatch = Integer.parseInt(args[++i]);
                case "--fresh" -> fresh = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--page-limit" -> pageLimit = Integer.parseInt(args[++i]);
                case "--server-heap" -> serverHeap = args[++i];
                case "--server-vm" -> serverVm = args[++i];
                case "--client-vm" -> clientVm = args[++i];
                case "--phases" -> phases = new LinkedHashSet<>(List.of(args[++i].split(",")));
                case "--keep" -> keep = true;
                case "--quick" -> quick = true;
                case "--help", "-h" -> {
                    System.out.println("""
                            SyncBench --repo ROOT [options]   (bench/sync/run.sh passes --repo)
                              --records 10000        決裁-sized 回覧 seeded (title 40 + body --record-chars 1500 characters)
                              --documents 2000       document-sized 回覧 (body --document-chars 6000 characters)
                              --batch 100            commands per POST /api/sync/commands for 決裁-sized records
                              --document-batch 40    … for documents (100 of 6,000 characters exceed the 1 MiB body limit)
                              --fresh 3              fresh desktops doing a first sync, one after the other
                              --samples 200          change-visible samples after --warmup 20
                              --clients 50           users pulling the whole feed at once
                              --page-limit 500       page size of those pulls (the desktop's)
                              --server-heap SIZE     -Xmx of the server (default: the JVM's default)
                              --server-vm "FLAGS"    more VM flags of the server (e.g. -XX:StartFlightRecording=filename=server.jfr)
                              --client-vm "FLAGS"    VM flags of the first-sync desktops (default: the product's)
                              --phases first,visible,pull
                              --out DIR              where data, workspaces and logs go (default bench/sync/target/run-TIME)
                              --keep                 keep DIR afterwards (default: delete the workspaces and server data)
                              --quick                smoke run: 500 + 100 records, 1 fresh desktop, 30 samples, 5 clients
                            """);
                    return false;
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (--help)");
            }
        }
        if (quick) {
            records = Math.min(records, 500);
            documents = Math.min(documents, 100);
            fresh = 1;
            samples = Math.min(samples, 30);
            warmup = Math.min(warmup, 5);
            clients = Math.min(clients, 5);
        }
        if (repo == null) {
            throw new IllegalArgumentException("--repo ROOT is needed");
        }
        if (out == null) {
            out = repo.resolve("bench/sync/target/run-" + STAMP.format(Instant.now()));
        }
        return true;
    }

    private void run() throws Exception {
        long benchStart = System.nanoTime();
        Files.createDirectories(out);
        ticksPerSecond = Proc.clockTicksPerSecond();
        say("load average before: " + Proc.loadAverage() + "  (" + Runtime.getRuntime().availableProcessors()
                + " cores); output in " + out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = repo.resolve("server/target/kairan-server.jar");
        server = new ServerProc(java, jar, out.resolve("server-data"), out.resolve("server.log"), serverHeap,
                serverVm.isBlank() ? List.of() : List.of(serverVm.trim().split("\\s+")));

        List<String> staff = staffOfRootUnit();
        int needed = fresh + 2 + clients;
        if (staff.size() < needed) {
            throw new IllegalStateException("only " + staff.size() + " staff below " + ROOT_UNIT + ", need " + needed);
        }
        List<String> freshUsers = staff.subList(0, fresh);
        String pullOnlyUser = staff.get(fresh);
        String userB = staff.get(fresh + 1);
        List<String> pullUsers = staff.subList(fresh + 2, fresh + 2 + clients);

        // 1. demo city, passwords for the users the bench logs in as (server stopped: embedded H2 is one process)
        long t = System.nanoTime();
        server.start();
        server.stop();
        List<String> withPassword = new ArrayList<>(staff.subList(0, needed));
        for (String no : withPassword) {
            server.setPassword(no, PASSWORD);
        }
        say(String.format(Locale.ROOT, "demo city created, %d passwords set with `admin set-password` in %.1f s",
                withPassword.size(), seconds(t)));
        server.start();
        address = ServerAddress.parse(server.url());
        say("server " + server.url() + " pid " + server.pid() + (serverHeap.isBlank() ? " (default heap)" : " -Xmx" + serverHeap));

        try {
            Desk author = Desk.enrol(address, AUTHOR, PASSWORD, out.resolve("ws-author"));
            seed(author);
            if (phases.contains("first")) {
                firstSync(freshUsers, pullOnlyUser);
            }
            if (phases.contains("visible")) {
                changeVisible(author, userB);
            }
            if (phases.contains("pull")) {
                pullThroughput(pullUsers);
            }
            summary.put("server peak RSS (VmHWM)", server.status("VmHWM") / 1024 + " MiB");
        } finally {
            server.stop();
        }
        if (!keep) {
            deleteTree(out.resolve("server-data"));
            try (var dirs = Files.list(out)) {
                for (Path p : dirs.filter(p -> p.getFileName().toString().startsWith("ws-")).toList()) {
                    deleteTree(p);
                }
            }
        }
        System.out.println();
        System.out.println("== Sync bench (issue 3) — " + Instant.now() + ", load average now " + Proc.loadAverage()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version());
        summary.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "  %-44s %s", k, v)));
        System.out.println(String.format(Locale.ROOT, "  bench took %.0f s; server log %s", seconds(benchStart),
                out.resolve("server.log")));
    }

    // --- seeding

    private void seed(Desk author) throws Exception {
        Texts texts = new Texts(2026);
        // Probe: what a desktop that queued 100 document-sized posts would send in one batch.
        List<SyncCommand> probe = new ArrayList<>();
        for (int i = 0; i < Math.min(100, documents); i++) {
            probe.add(post(texts, documentBody));
        }
        int probed = 0;
        try {
            probed = count(author.client.sendCommands(new CommandBatch(probe)).results());
            say("probe: a batch of " + probe.size() + " document-sized posts was applied");
        } catch (RequestRejectedException e) {
            long bytes = json.writeValueAsBytes(new CommandBatch(probe)).length;
            summary.put("probe: 100 document posts in one batch", "HTTP " + e.status() + " (" + bytes / 1024
                    + " KiB body) — " + e.getMessage());
            say("probe: a batch of " + probe.size() + " document-sized posts (" + bytes / 1024 + " KiB) was refused: HTTP "
                    + e.status() + " " + e.getMessage());
        }
        long t = System.nanoTime();
        int applied = seedKind(author, texts, records, recordBody, batch);
        double recordSeconds = seconds(t);
        long t2 = System.nanoTime();
        applied += seedKind(author, texts, documents - probed, documentBody, documentBatch);
        double documentSeconds = seconds(t2);
        summary.put("seeding 決裁-sized (batches of " + batch + ")", String.format(Locale.ROOT,
                "%d commands in %.1f s = %.0f commands/s", records, recordSeconds, records / recordSeconds));
        summary.put("seeding documents (batches of " + documentBatch + ")", String.format(Locale.ROOT,
                "%d commands in %.1f s = %.0f commands/s", documents - probed, documentSeconds,
                (documents - probed) / documentSeconds));
        say(summary.get("seeding 決裁-sized (batches of " + batch + ")") + "; documents: "
                + summary.get("seeding documents (batches of " + documentBatch + ")"));
        if (applied + probed != records + documents) {
            throw new IllegalStateException("only " + (applied + probed) + " of " + (records + documents) + " applied");
        }
    }

    private int seedKind(Desk author, Texts texts, int n, int bodyChars, int size) throws Exception {
        int applied = 0;
        for (int done = 0; done < n; done += size) {
            List<SyncCommand> commands = new ArrayList<>();
            for (int i = done; i < Math.min(n, done + size); i++) {
                commands.add(post(texts, bodyChars));
            }
            applied += count(author.client.sendCommands(new CommandBatch(commands)).results());
        }
        return applied;
    }

    private SyncCommand post(Texts texts, int bodyChars) throws IOException {
        String title = texts.text(40).replace('\n', '、');
        PostCircular payload = new PostCircular(UUID.randomUUID().toString(), ROOT_UNIT, title, texts.text(bodyChars));
        return new SyncCommand(UUID.randomUUID().toString(), CommandTypes.POST_CIRCULAR,
                json.writeValueAsString(payload), Instant.now());
    }

    private static int count(List<CommandResult> results) {
        int applied = 0;
        for (CommandResult r : results) {
            if (r.outcome() != CommandOutcome.APPLIED) {
                throw new IllegalStateException("not applied: " + r);
            }
            applied++;
        }
        return applied;
    }

    // --- 1. first sync

    private void firstSync(List<String> users, String pullOnlyUser) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Map<String, String> r = child(users.get(i), "ws-first-" + (i + 1), false);
            double ms = Double.parseDouble(r.get("ms"));
            times.add(ms);
            long total = Long.parseLong(r.get("records"));
            String line = String.format(Locale.ROOT,
                    "%.0f ms (open %s ms, %s pages, %d records = %.0f records/s, %s circulars, %s staff; replica %.1f MiB on disk; "
                            + "server CPU %s s, desktop CPU %s s, desktop heap peak %s MiB)",
                    ms, r.get("openMs"), r.get("pages"), total, total / (ms / 1000), r.get("circulars"), r.get("staff"),
                    Long.parseLong(r.get("diskBytes")) / 1048576.0, r.get("serverCpu"), r.get("cpu"), r.get("heapMiB"));
            summary.put("first sync, fresh desktop " + (i + 1) + " (" + users.get(i) + ")", line);
            say("first sync " + (i + 1) + ": " + line);
        }
        Stats s = new Stats(times);
        summary.put("FIRST SYNC median (goal ≤ 10 s)", String.format(Locale.ROOT, "%.2f s  → %s", s.percentile(50) / 1000,
                s.percentile(50) <= 10_000 ? "PASS" : "FAIL"));
        // Decomposition: the same pulls through the same client classes, no replica (another fresh JVM).
        Map<String, String> r = child(pullOnlyUser, "ws-pull-only", true);
        String line = String.format(Locale.ROOT,
                "%s ms for %s records in %s pages, no replica (HTTP + gzip + JSON: server CPU %s s, desktop CPU %s s)",
                r.get("ms"), r.get("records"), r.get("pages"), r.get("serverCpu"), r.get("cpu"));
        summary.put("first sync without the replica (pull only)", line);
        say("pull only: " + line);
    }

    /** Runs one fresh desktop in its own JVM (the product's VM flags) and reads its RESULT line. */
    private Map<String, String> child(String user, String workspace, boolean pullOnly) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        for (String flag : clientVm.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncBench.class.getName(),
                "--first-sync-child", server.url(), user, PASSWORD, out.resolve(workspace).toString(),
                Boolean.toString(pullOnly)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = new LinkedHashMap<>();
        long serverTicks = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("READY")) { // logged in; the measured interval starts after this line
                    serverTicks = server.cpuTicks();
                    p.getOutputStream().write('\n');
                    p.getOutputStream().flush();
                } else if (line.startsWith("RESULT ")) {
                    long used = server.cpuTicks() - serverTicks;
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    result.put("serverCpu", String.format(Locale.ROOT, "%.1f", used / (double) ticksPerSecond));
                } else {
                    System.out.println("  [desktop] " + line);
                }
            }
        }
        if (p.waitFor() != 0 || !result.containsKey("ms")) {
            throw new IllegalStateException("the first-sync desktop failed (exit " + p.exitValue() + ")");
        }
        return result;
    }

    // --- 2. change visible on another desktop

    private record Pending(String id, CountDownLatch seen, AtomicLong seenAt, AtomicLong appliedAt) {
    }

    private void changeVisible(Desk author, String userB) throws Exception {
        AtomicReference<Pending> pending = new AtomicReference<>();
        DefaultSyncService[] b = new DefaultSyncService[1];
        DefaultSyncService a = new DefaultSyncService(author.client, author.kairanDirectory(), Clock.systemUTC(),
                (topic, data) -> {
                    Pending p = pending.get();
                    if (p != null && SyncTopics.ACTION.equals(topic) && data instanceof QueuedAction action
                            && action.state() == ActionState.APPLIED && action.payload().contains(p.id())) {
                        p.appliedAt().compareAndSet(0, System.nanoTime());
                    }
                });
        Desk deskB = Desk.enrol(address, userB, PASSWORD, out.resolve("ws-b"));
        b[0] = new DefaultSyncService(deskB.client, deskB.kairanDirectory(), Clock.systemUTC(), (topic, data) -> {
            Pending p = pending.get();
            if (p != null && SyncTopics.REPLICA_CHANGED.equals(topic) && data instanceof Set<?> types
                    && types.contains(EntityTypes.CIRCULAR)
                    && b[0].replica().get(EntityTypes.CIRCULAR, p.id(), Circular.class).isPresent()
                    && p.seenAt().compareAndSet(0, System.nanoTime())) {
                p.seen().countDown();
            }
        });
        try {
            long t = System.nanoTime();
            a.sessionStarted(author.session);
            a.syncNow(SyncProgress.NONE);
            double aMs = millis(t);
            t = System.nanoTime();
            b[0].sessionStarted(deskB.session);
            b[0].syncNow(SyncProgress.NONE);
            say(String.format(Locale.ROOT, "desktops A (%s) and B (%s) synced: %.0f ms and %.0f ms (this JVM)", AUTHOR,
                    userB, aMs, millis(t)));
            Thread.sleep(1500); // push opens in the background after the worker's first sync
            Texts texts = new Texts(7);
            Random random = new Random(3);
            List<Double> visible = new ArrayList<>();
            List<Double> applied = new ArrayList<>();
            int timeouts = 0;
            for (int i = 0; i < warmup + samples; i++) {
                String id = UUID.randomUUID().toString();
                Pending p = new Pending(id, new CountDownLatch(1), new AtomicLong(), new AtomicLong());
                pending.set(p);
                PostCircular post = new PostCircular(id, ROOT_UNIT, texts.text(40).replace('\n', '、'), texts.text(recordBody));
                long start = System.nanoTime();
                a.enqueue(CommandTypes.POST_CIRCULAR, post);
                if (!p.seen().await(90, TimeUnit.SECONDS)) {
                    timeouts++;
                    say("sample " + i + ": B did not see the change within 90 s");
                    continue;
                }
                if (i >= warmup) {
                    visible.add((p.seenAt().get() - start) / 1e6);
                    if (p.appliedAt().get() != 0) {
                        applied.add((p.appliedAt().get() - start) / 1e6);
                    }
                }
                Thread.sleep(50 + random.nextInt(100)); // off the push's 50 ms throttle
            }
            pending.set(null);
            Stats s = new Stats(visible);
            summary.put("CHANGE VISIBLE on B, push on (goal p99 ≤ 500 ms)", s.summary() + "  → "
                    + (s.percentile(99) <= 500 && timeouts == 0 ? "PASS" : "FAIL"));
            summary.put("  of which: A's action applied (A's answer)", new Stats(applied).summary());
            if (timeouts > 0) {
                summary.put("  samples B never saw (90 s)", Integer.toString(timeouts));
            }
            say("change visible: " + s.summary());
        } finally {
            a.sessionEnded();
            b[0].sessionEnded();
        }
    }

    // --- 3. pull throughput

    private void pullThroughput(List<String> users) throws Exception {
        List<Desk> desks = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
            desks.add(Desk.enrol(address, users.get(i), PASSWORD, out.resolve("ws-pull-" + (i + 1))));
        }
        say(String.format(Locale.ROOT, "%d users logged in (first login + TOTP enrolment) in %.1f s", users.size(), seconds(t)));
        Thread.sleep(2000); // let the logins' Argon2 work and GC settle
        List<Double> pageMs = Collections.synchronizedList(new ArrayList<>());
        List<Double> clientMs = Collections.synchronizedList(new ArrayList<>());
        AtomicLong recordsPulled = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier go = new CyclicBarrier(desks.size() + 1);
        List<Thread> threads = new ArrayList<>();
        for (Desk desk : desks) {
            threads.add(Thread.ofPlatform().name("pull-" + desk.session.user().staffNo()).start(() -> {
                try {
                    go.await();
                    long start = System.nanoTime();
                    String cursor = null;
                    PullResponse page;
                    do {
                        long a = System.nanoTime();
                        try {
                            page = desk.client.pull(cursor, pageLimit);
                        } catch (KairanClientException e) {
                            errors.incrementAndGet(); // the desktop would retry from the same cursor
                            failures.add(e);
                            if (errors.get() > 100) {
                                throw e;
                            }
                            page = null;
                            continue;
                        }
                        pageMs.add(millis(a));
                        pages.incrementAndGet();
                        recordsPulled.addAndGet(page.changes().size());
                        cursor = page.cursor();
                    } while (page == null || page.more());
                    clientMs.add(millis(start));
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        go.await();
        long start = System.nanoTime();
        long serverTicks = server.cpuTicks();
        long[] machine = Proc.machineTicks();
        long benchCpu = processCpuNanos();
        String load = Proc.loadAverage();
        for (Thread thread : threads) {
            thread.join();
        }
        double wall = seconds(start);
        double serverCpu = (server.cpuTicks() - serverTicks) / (double) ticksPerSecond;
        long[] machineAfter = Proc.machineTicks();
        double machineBusy = (machineAfter[0] - machine[0]) / (double) (machineAfter[1] - machine[1]);
        double benchCpuS = (processCpuNanos() - benchCpu) / 1e9;
        double machineCores = (machineAfter[0] - machine[0]) / (double) ticksPerSecond / wall;
        double others = Math.max(0, machineCores - serverCpu / wall - benchCpuS / wall);
        if (!failures.isEmpty()) {
            say(failures.size() + " pull failures, first: " + failures.get(0));
        }
        Stats page = new Stats(pageMs);
        Stats perClient = new Stats(clientMs);
        summary.put("PULL, " + desks.size() + " users at once (page " + pageLimit + ")", String.format(Locale.ROOT,
                "%d records in %d pages, wall %.1f s: %.0f records/s, %.1f pages/s", recordsPulled.get(), pages.get(),
                wall, recordsPulled.get() / wall, pages.get() / wall));
        summary.put("  page latency", page.summary());
        summary.put("  per user: time to pull everything", String.format(Locale.ROOT, "min %.1f s, median %.1f s, max %.1f s",
                perClient.percentile(0) / 1000, perClient.percentile(50) / 1000, perClient.max() / 1000));
        summary.put("  CPU during the pull", String.format(Locale.ROOT,
                "server %.1f s (%.2f cores), bench clients %.1f s (%.2f cores), other processes %.2f cores, whole machine %.0f %% busy; load at start %s",
                serverCpu, serverCpu / wall, benchCpuS, benchCpuS / wall, others, machineBusy * 100, load));
        summary.put("  failed pulls (retried)", Long.toString(errors.get()));
        say("pull: " + summary.get("PULL, " + desks.size() + " users at once (page " + pageLimit + ")"));
    }

    // --- helpers

    /** Staff whose 本務 is in 市長部局 or below it (code 1xxxxx), in roster order, without the author. */
    private List<String> staffOfRootUnit() throws IOException {
        Set<String> staff = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(repo.resolve("server/src/main/resources/org/kairan/server/demo/staff.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > 7 && f[7].equals("本務") && f[4].startsWith("1") && !f[0].equals(AUTHOR)) {
                staff.add(f[0]);
            }
        }
        return new ArrayList<>(staff);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static void say(String s) {
        System.out.println("[sync-bench " + java.time.LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "] " + s);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
