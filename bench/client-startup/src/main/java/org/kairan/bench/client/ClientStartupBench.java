package org.kairan.bench.client;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.kairan.bench.client.DemoServer.Account;
import org.kairan.bench.client.ScreenWatcher.Detection;
import org.kairan.bench.client.ScreenWatcher.Frame;
import org.kairan.bench.client.ScreenWatcher.How;
import org.kairan.bench.client.XEvents.Event;
import org.kairan.bench.client.XEvents.Type;

/**
 * Start-up benchmark of the Kairan desktop client as a person experiences it (not a test; never run by CI).
 *
 * <p>Starts the real server with the demo city, gives demo account 120002 its second factor through the
 * HTTP API, then launches the materialized product N+1 times exactly as {@code scripts/kairan-client}
 * does (the product's {@code kairan} script, JAVA_HOME set, {@code --server URL --workspace FRESH_DIR -nl ja})
 * on the current X display and measures, from outside the client:
 * <ol>
 * <li><b>cold start → interactive login dialog</b>: from starting the launch script to the moment the user
 *     id, typed as soon as the dialog is mapped and has the keyboard focus, shows in its field (the
 *     dialog is on screen and has taken input). Also reported: when the dialog was mapped.</li>
 * <li><b>login → main window with the directory</b>: from sending Enter (user id, password and the current
 *     TOTP code typed) to the first screen state of the main window equal to its final state — the
 *     directory tree filled, "職員 N人" shown ("visually complete"). Also: when the main window was mapped.</li>
 * </ol>
 * Windows are seen through X events ({@code xev}), the screen is read every {@code --poll-ms} (10 ms),
 * only while a measured window is mapped. The first run after a build is a warm-up, reported apart.
 */
public final class ClientStartupBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    record Options(Path repo, Path product, Path serverJar, Path javaHome, int runs, int warmups, List<String> users,
            String password, String nl, int pollMs, long thinkMs, Path out, Path screenshot, Path cdsCache,
            boolean viaScript, int exitTimeoutSeconds, long goalMillis, boolean verbose, boolean gtkAnimations,
            double quietPercent, boolean appTiming) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            List<String> flags = List.of("--verbose", "--via-script", "--gtk-animations", "--app-timing");
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("-h") || args[i].equals("--help")) {
                    usage(null);
                }
                if (flags.contains(args[i])) {
                    given.put(args[i], "true");
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    given.put(args[i], args[++i]);
                } else {
                    usage("unknown or incomplete option: " + args[i]);
                }
            }
            List<String> known = List.of("--repo", "--product", "--server-jar", "--java-home", "--runs", "--warmups",
                    "--users", "--password", "--nl", "--poll-ms", "--think-ms", "--out", "--screenshot", "--cds-cache",
                    "--via-script", "--exit-timeout", "--goal-ms", "--verbose", "--gtk-animations", "--quiet",
                    "--app-timing");
            given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> usage("unknown option " + k));
            Path repo = Path.of(given.getOrDefault("--repo", ".")).toAbsolutePath().normalize();
            Path product = Path.of(given.getOrDefault("--product",
                    repo.resolve("product/target/products/org.kairan.product/linux/gtk/x86_64/kairan").toString()));
            Path serverJar = Path.of(given.getOrDefault("--server-jar", repo.resolve("server/target/kairan-server.jar").toString()));
            String envJava = System.getenv("JAVA_HOME");
            Path javaHome = Path.of(given.getOrDefault("--java-home",
                    envJava != null && !envJava.isBlank() ? envJava : System.getProperty("java.home")));
            Path out = Path.of(given.getOrDefault("--out", "/tmp/kairan-bench-client-" + LocalDateTime.now().format(STAMP)));
            return new Options(repo, product, serverJar, javaHome,
                    Integer.parseInt(given.getOrDefault("--runs", "10")),
                    Integer.parseInt(given.getOrDefault("--warmups", "1")),
                    List.of(given.getOrDefault("--users", "120002").split(",")),
                    given.getOrDefault("--password", "kairan-demo-2026"),
                    given.getOrDefault("--nl", "ja"),
                    Integer.parseInt(given.getOrDefault("--poll-ms", "10")),
                    Long.parseLong(given.getOrDefault("--think-ms", "0")),
                    out,
                    Path.of(given.getOrDefault("--screenshot", "/tmp/bench-main-window.png")),
                    Path.of(given.getOrDefault("--cds-cache", out.resolve("xdg-cache").toString())),
                    given.containsKey("--via-script"),
                    Integer.parseInt(given.getOrDefault("--exit-timeout", "5")),
                    Long.parseLong(given.getOrDefault("--goal-ms", "2000")),
                    given.containsKey("--verbose"),
                    given.containsKey("--gtk-animations"),
                    Double.parseDouble(given.getOrDefault("--quiet", "15")),
                    given.containsKey("--app-timing"));
        }

        private static void usage(String problem) {
            if (problem != null) {
                System.err.println("error: " + problem);
            }
            System.err.println("""
                    usage: java -jar kairan-bench-client-startup.jar [options]   (needs an X display: DISPLAY)
                      --repo DIR          Kairan checkout with a built product and server (default: .)
                      --product DIR       materialized product (default: REPO/product/target/products/…/linux/gtk/x86_64/kairan)
                      --server-jar FILE   (default: REPO/server/target/kairan-server.jar)
                      --java-home DIR     JDK for client and server (default: $JAVA_HOME, else this JVM's)
                      --runs N            measured runs (default 10)
                      --warmups N         runs before them, reported apart; the first is "first run after build" (default 1)
                      --users LIST        demo accounts to log in with, comma-separated, used in turn (default 120002).
                                          A TOTP code works once: with one account the bench waits for the next
                                          30-second step when needed (before launching, so no figure includes it)
                      --password PW       (default kairan-demo-2026)
                      --nl ja|en          user interface language (default ja)
                      --poll-ms N         screen read interval while a measured window is mapped (default 10)
                      --think-ms N        pause between the credentials showing in the dialog and Enter (default 0)
                      --out DIR           logs, workspaces, reference images, runs.csv (default /tmp/kairan-bench-client-STAMP)
                      --screenshot FILE   root-window screenshot when the first measured run is done (default /tmp/bench-main-window.png)
                      --cds-cache DIR     XDG_CACHE_HOME of the client, where its CDS archive lives (default OUT/xdg-cache: fresh)
                      --via-script        launch scripts/kairan-client (adds its JDK search) instead of the product's script
                      --exit-timeout S    SIGTERM, then SIGKILL after S seconds (default 5; warm-ups get 60 so the CDS archive is written)
                      --goal-ms N         goal of both figures (default 2000)
                      --gtk-animations    leave GTK's animations on (default: off for the client through XDG_CONFIG_HOME,
                                          so that a 200 ms focus-ring fade does not count as "not shown yet")
                      --quiet PCT         before each launch, wait (up to 120 s) until other processes use less than
                                          PCT % of the machine over 1 s; the summary also shows the runs during
                                          which they stayed under PCT % (default 15; 100 = never wait)
                      --app-timing        also start the client with -Dkairan.timing=true and show the client's own
                                          start-up trace next to the external figures
                      --verbose           print the screen-state timeline of each run
                    """);
            System.exit(problem == null ? 0 : 2);
        }
    }

    /** One launch of the client. Times in ms; -1 when not reached. */
    record Run(String label, boolean warmup, String user, double load1, long dialogMapped, long dialogPainted,
            long interactive, How interactiveHow, long mainMapped, long directoryShown, How directoryHow, long rssKb,
            long hwmKb, double machineBusyPercent, double othersPercent, double clientCpuSeconds, String grabCost,
            List<String> appTiming, String failure) {

        boolean ok() {
            return failure == null;
        }
    }

    private final Options options;
    private final Path product;
    private final String loginTitle;
    private final String mainTitle;
    private final Map<String, Frame> loginReference = new HashMap<>();
    private final Map<String, Frame> mainReference = new HashMap<>();
    private X11 x11;
    private XEvents xevents;
    private DemoServer server;
    private List<Account> accounts;
    private int nextAccount;
    private volatile Process client;
    private CpuUse cpu;
    private Path gtkConfig;

    private ClientStartupBench(Options options) throws IOException {
        this.options = options;
        this.product = options.product.toAbsolutePath().normalize();
        Properties texts = appTexts(product, options.nl);
        this.loginTitle = texts.getProperty("login_shellTitle");
        this.mainTitle = texts.getProperty("window.title");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (GraphicsEnvironment.isHeadless() || System.getenv("DISPLAY") == null) {
            System.err.println("error: no X display. Set DISPLAY, or run under xvfb-run (bench/client-startup/run.sh does).");
            System.exit(2);
        }
        List<String> missing = X11.missingTools();
        if (!missing.isEmpty()) {
            System.err.println("error: missing " + missing + " (apt-get install xdotool x11-utils imagemagick)");
            System.exit(2);
        }
        ClientStartupBench bench = new ClientStartupBench(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp));
        try {
            bench.run();
        } finally {
            bench.cleanUp();
        }
    }

    /** login_shellTitle and window.title of the app bundle, in the language the client will use. */
    private static Properties appTexts(Path product, String nl) throws IOException {
        Path app;
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            app = plugins.filter(p -> p.getFileName().toString().startsWith("org.kairan.app_")).findFirst()
                    .orElseThrow(() -> new IOException("no org.kairan.app bundle in " + product.resolve("plugins")
                            + " — build the product first (./mvnw -B -DskipTests clean verify)"));
        }
        Properties texts = new Properties();
        try (ZipFile jar = new ZipFile(app.toFile())) {
            for (String name : new String[] {"OSGI-INF/l10n/bundle.properties", "OSGI-INF/l10n/bundle_" + nl + ".properties"}) {
                var entry = jar.getEntry(name);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return texts;
    }

    private void run() throws Exception {
        Files.createDirectories(options.out);
        Path java = options.javaHome.resolve("bin/java");
        boolean osgiCacheBefore = Files.exists(product.resolve("configuration/org.eclipse.osgi"));
        boolean cdsBefore = Files.isDirectory(options.cdsCache.resolve("kairan"))
                && Files.list(options.cdsCache.resolve("kairan")).findAny().isPresent();
        String jdk = X11.run(java.toString(), "-version").lines().findFirst().orElse("?");

        System.out.printf("Kairan desktop client start-up bench: %d runs after %d warm-up(s), %d CPUs, locale %s, poll %d ms%n",
                options.runs, options.warmups, Runtime.getRuntime().availableProcessors(), options.nl, options.pollMs);
        System.out.printf("  product %s%n  JDK     %s (%s)%n  display %s, screen %s%n  output  %s%n", product, options.javaHome,
                jdk, System.getenv("DISPLAY"), Toolkit.getDefaultToolkit().getScreenSize().width + "x"
                        + Toolkit.getDefaultToolkit().getScreenSize().height, options.out);
        if (System.getenv("KAIRAN_VM_ARGS") != null) {
            System.out.println("  KAIRAN_VM_ARGS=" + System.getenv("KAIRAN_VM_ARGS"));
        }

        if (!options.gtkAnimations) {
            // GTK's CSS transitions (a 200 ms focus-ring fade…) would make "the last visual change" lag the
            // content; the bench measures when the content is there. Cursor blinking is tolerated anyway.
            gtkConfig = options.out.resolve("xdg-config");
            Files.createDirectories(gtkConfig.resolve("gtk-3.0"));
            Files.writeString(gtkConfig.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-enable-animations=false\n");
            System.out.println("  GTK     animations off for the client (XDG_CONFIG_HOME=" + gtkConfig + "; --gtk-animations keeps them)");
        }
        x11 = new X11();
        xevents = new XEvents();
        server = DemoServer.start(java, options.serverJar, options.out.resolve("server-data"), options.out.resolve("server.log"));
        accounts = new ArrayList<>();
        for (String user : options.users) {
            accounts.add(server.enrol(user.strip(), options.password));
        }
        System.out.printf("  server  %s (demo city; second factor enrolled for %s)%n%n", server.base(), options.users);
        List<Long> helpers = new ArrayList<>(List.of(ProcessHandle.current().pid(), server.pid(), xevents.pid()));
        CpuUse.xServerPid(System.getenv("DISPLAY")).ifPresent(helpers::add);
        cpu = new CpuUse(helpers);

        List<Run> runs = new ArrayList<>();
        System.out.println(header());
        int total = options.warmups + options.runs;
        for (int i = 0; i < total; i++) {
            boolean warmup = i < options.warmups;
            String label = warmup ? (i == 0 ? "first" : "warm-" + (i + 1)) : Integer.toString(i - options.warmups + 1);
            Run run = measure(label, warmup, !warmup && i == options.warmups);
            runs.add(run);
            System.out.println(line(run));
            if (!run.appTiming.isEmpty()) {
                System.out.println("       client's trace: " + String.join("; ", run.appTiming));
            }
            TimeUnit.MILLISECONDS.sleep(1000);
        }
        report(runs, osgiCacheBefore, cdsBefore);
        writeCsv(runs);
    }

    private Account nextAccount() {
        Account account = accounts.get(nextAccount);
        nextAccount = (nextAccount + 1) % accounts.size();
        return account;
    }

    private Run measure(String label, boolean warmup, boolean screenshot) throws Exception {
        Account account = nextAccount();
        long wait = account.millisUntilLoginPossible();
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait); // a fresh TOTP step; nothing is running, no figure includes this
        }
        Path dir = options.out.resolve("run-" + label);
        Files.createDirectories(dir);
        Path workspace = dir.resolve("workspace"); // not created: a fresh, empty instance area
        List<String> command = new ArrayList<>();
        if (options.viaScript) {
            command.addAll(List.of(options.repo.resolve("scripts/kairan-client").toString(), "--product", product.toString()));
        } else {
            command.add(product.resolve("kairan").toString());
        }
        command.addAll(List.of("--server", server.base().toString(), "--workspace", workspace.toString(), "-nl", options.nl));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.log").toFile());
        builder.environment().put("JAVA_HOME", options.javaHome.toString());
        builder.environment().put("XDG_CACHE_HOME", options.cdsCache.toString());
        if (gtkConfig != null) {
            builder.environment().put("XDG_CONFIG_HOME", gtkConfig.toString());
        }
        if (options.appTiming) {
            String vmArgs = System.getenv().getOrDefault("KAIRAN_VM_ARGS", "");
            builder.environment().put("KAIRAN_VM_ARGS", (vmArgs + " -Dkairan.timing=true").strip());
        }
        builder.environment().remove("KAIRAN_SERVER");
        builder.environment().remove("KAIRAN_WORKSPACE");

        waitUntilQuiet();
        double load1 = load1();
        CpuUse.Sample cpuBefore = cpu.sample(-1);
        long dialogMapped = -1;
        long dialogPainted = -1;
        long interactive = -1;
        How interactiveHow = null;
        long mainMapped = -1;
        long directoryShown = -1;
        How directoryHow = null;
        long rss = -1;
        long hwm = -1;
        CpuUse.Use cpuUse = new CpuUse.Use(-1, -1, -1);
        String grabCost = "";
        String failure = null;
        List<String> timeline = new ArrayList<>();

        int seq = xevents.mark();
        long launched = System.nanoTime();
        Process process = builder.start();
        client = process;
        try {
            // 1. the login dialog: mapped, focused, typed into
            Event map = xevents.await(seq, e -> e.type() == Type.MAP && titleIs(e.window(), loginTitle), 120_000,
                    process::isAlive, "the login dialog (" + loginTitle + ")");
            dialogMapped = millis(map.nanos() - launched);
            long dialog = map.window();
            try (ScreenWatcher watcher = new ScreenWatcher(x11.robot(), () -> clip(geometry(dialog)), options.pollMs, "login",
                    options.verbose)) {
                awaitFocus(dialog, map.seq(), process);
                long typed = System.nanoTime();
                x11.type(account.userId);
                Frame reference = loginReference.get(account.userId);
                Detection echo = watcher.awaitFinal(reference, typed, 3000, 30_000);
                interactive = millis(echo.frame().startNanos() - launched);
                interactiveHow = echo.how();
                if (watcher.firstPaintedNanos() > 0) {
                    dialogPainted = millis(watcher.firstPaintedNanos() - launched);
                }
                if (reference == null) {
                    loginReference.put(account.userId, echo.frame());
                    echo.frame().save(options.out.resolve("reference-login-" + account.userId + ".png"));
                }
                // 2. password and TOTP code; Enter once they show
                long step = account.nextStep();
                long credentials = System.nanoTime();
                x11.key(KeyEvent.VK_TAB);
                x11.type(account.password);
                x11.key(KeyEvent.VK_TAB);
                x11.type(DemoServer.TOTP.codeAt(account.secret, step));
                watcher.awaitQuiet(credentials, 150, 30_000);
                if (options.thinkMs > 0) {
                    TimeUnit.MILLISECONDS.sleep(options.thinkMs);
                }
                watcher.stop(); // no screen reads while the client logs in and builds its main window
                timeline.add("login dialog: " + watcher.grabCost());
                timeline.addAll(relative("  dialog state (after launch)", watcher.timeline(), launched));
                saveStates(watcher, dir, "login-state", launched);
                seq = xevents.mark();
                long enter = System.nanoTime();
                x11.key(KeyEvent.VK_ENTER);
                account.used(step);
                Event main = xevents.await(seq, e -> e.type() == Type.MAP && titleIs(e.window(), mainTitle), 60_000,
                        process::isAlive, "the main window (" + mainTitle + ") after Enter");
                mainMapped = millis(main.nanos() - enter);
                // 3. the main window until it shows the directory
                try (ScreenWatcher mainWatcher = new ScreenWatcher(x11.robot(), () -> clip(geometry(main.window())),
                        options.pollMs, "main", options.verbose)) {
                    Frame mainRef = mainReference.get(account.userId);
                    Detection done = mainWatcher.awaitFinal(mainRef, main.nanos(), 3000, mainRef == null ? 60_000 : 20_000);
                    long doneAt = System.nanoTime();
                    directoryShown = millis(done.frame().startNanos() - enter);
                    directoryHow = done.how();
                    cpuUse = CpuUse.between(cpuBefore, cpu.sample(process.pid()));
                    if (screenshot) {
                        X11.screenshotRoot(options.screenshot);
                        done.frame().save(options.out.resolve("main-window-done-frame.png"));
                    }
                    if (mainRef == null) {
                        mainReference.put(account.userId, done.frame());
                        done.frame().save(options.out.resolve("reference-main-" + account.userId + ".png"));
                    } else if (done.how() == How.SETTLED_NOT_REFERENCE) {
                        done.frame().save(dir.resolve("main-window-unexpected.png"));
                    }
                    long sleep = TimeUnit.NANOSECONDS.toMillis(doneAt + TimeUnit.SECONDS.toNanos(2) - System.nanoTime());
                    if (sleep > 0) {
                        TimeUnit.MILLISECONDS.sleep(sleep);
                    }
                    long[] memory = memoryKb(process.pid());
                    rss = memory[0];
                    hwm = memory[1];
                    grabCost = mainWatcher.grabCost();
                    timeline.add("main window: " + grabCost);
                    timeline.addAll(relative("  main state (after Enter)", mainWatcher.timeline(), enter));
                    saveStates(mainWatcher, dir, "main-state", enter);
                }
            }
        } catch (BenchFailure e) {
            failure = e.getMessage();
            X11.screenshotRoot(dir.resolve("failure.png"));
        } finally {
            stop(process, warmup ? 60 : options.exitTimeoutSeconds);
            client = null;
        }
        if (options.verbose || failure != null) {
            timeline.forEach(l -> System.out.println("      " + l));
            if (failure != null) {
                System.out.println("      run " + label + " FAILED: " + failure + " (screenshot " + dir.resolve("failure.png")
                        + ", log " + dir.resolve("client.log") + ")");
            }
        }
        return new Run(label, warmup, account.userId, load1, dialogMapped, dialogPainted, interactive, interactiveHow,
                mainMapped, directoryShown, directoryHow, rss, hwm, cpuUse.machinePercent(), cpuUse.othersPercent(),
                cpuUse.clientSeconds(), grabCost, appTiming(dir.resolve("client.log")), failure);
    }

    /**
     * Until the X keyboard focus is on the window: checked at once and after each focus event on the root
     * (focus moving into a top-level window is a FocusIn or FocusOut there, depending on where it was), at
     * least every 20 ms.
     */
    private void awaitFocus(long window, int fromSeq, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = fromSeq;
        while (X11.focusedWindow() != window) {
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("the login dialog did not get the keyboard focus within 30 s");
            }
            if (!process.isAlive()) {
                throw new BenchFailure("the client exited while waiting for the keyboard focus");
            }
            seen = xevents.awaitAny(seen, 20);
        }
    }

    /** Waits until processes other than the bench's use less than --quiet % of the machine over 1 s (120 s at most). */
    private void waitUntilQuiet() throws InterruptedException {
        if (options.quietPercent >= 100) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        double others = 100;
        while (System.nanoTime() < deadline) {
            CpuUse.Sample before = cpu.sample(-1);
            TimeUnit.SECONDS.sleep(1);
            others = CpuUse.between(before, cpu.sample(-1)).othersPercent();
            if (others < options.quietPercent) {
                return;
            }
        }
        System.out.printf("      (other processes still used %.0f %% of the machine after 120 s: launching anyway)%n", others);
    }

    /** The client's own "[kairan.timing] …" lines (with --app-timing). */
    private static List<String> appTiming(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("[kairan.timing] ")).map(l -> l.substring("[kairan.timing] ".length())).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** With --verbose: each screen state as RUN_DIR/PREFIX-+MS.png (ms after zero). */
    private static void saveStates(ScreenWatcher watcher, Path dir, String prefix, long zero) throws IOException {
        for (Frame state : watcher.states()) {
            state.save(dir.resolve(String.format("%s-%+06d.png", prefix, millis(state.startNanos() - zero))));
        }
    }

    private Rectangle geometry(long window) {
        Rectangle r = xevents.geometry(window);
        return r != null ? r : X11.geometry(window);
    }

    private static Rectangle clip(Rectangle r) {
        var screen = Toolkit.getDefaultToolkit().getScreenSize();
        return r.intersection(new Rectangle(0, 0, screen.width, screen.height));
    }

    private static boolean titleIs(long window, String title) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = X11.windowName(window);
            if (!name.isEmpty()) {
                return name.equals(title.strip());
            }
            sleepQuietly(10); // a window mapped before its title was set: look again
        }
        return false;
    }

    private static List<String> relative(String prefix, List<String> timeline, long zero) {
        List<String> out = new ArrayList<>();
        for (String entry : timeline) {
            String[] parts = entry.split(" ", 2);
            out.add(String.format("%s %+6d ms %s", prefix, millis(Long.parseLong(parts[0]) - zero), parts[1]));
        }
        return out;
    }

    private static void stop(Process process, int timeoutSeconds) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void cleanUp() {
        Process p = client;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (xevents != null) {
            xevents.close();
        }
    }

    // --- /proc

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {VmRSS, VmHWM} in kB. */
    private static long[] memoryKb(long pid) {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // the client is gone
        }
        return out;
    }

    // --- output

    private static String header() {
        return String.format("%-6s %5s %6s | %8s %8s %11s | %9s %10s | %7s %5s %6s %7s",
                "run", "load1", "user", "mapped", "painted", "interactive", "mapped", "directory", "RSS", "busy", "others",
                "client");
    }

    private static String line(Run r) {
        if (!r.ok()) {
            return String.format("%-6s %5.2f %6s | FAILED: %s", r.label, r.load1, r.user, r.failure);
        }
        return String.format("%-6s %5.2f %6s | %5d ms %5s ms %8d ms%s | %6d ms %7d ms%s | %3d MiB %4.0f%% %5.0f%% %5.1f s",
                r.label, r.load1, r.user, r.dialogMapped, r.dialogPainted < 0 ? "?" : Long.toString(r.dialogPainted),
                r.interactive, mark(r.interactiveHow), r.mainMapped, r.directoryShown, mark(r.directoryHow),
                r.rssKb / 1024, r.machineBusyPercent, r.othersPercent, r.clientCpuSeconds);
    }

    private static String mark(How how) {
        return how == How.MATCHED_REFERENCE ? " " : how == How.SETTLED ? "s" : "!";
    }

    private void report(List<Run> runs, boolean osgiCacheBefore, boolean cdsBefore) {
        System.out.println("""
                  columns: login dialog mapped / painted / interactive (typed user id shown), ms after launch;
                           main window mapped / directory shown, ms after Enter; RSS 2 s after the directory showed;
                           from launch until the bench saw the directory (s runs: 3 s later): busy = CPU use of the
                           whole machine (all CPUs = 100 %), others = of it, by processes that are neither the client
                           nor the bench, its server, xev and X server (other builds: the noise), client = the
                           client's CPU time.
                           s = final state found by settling (first run of a user: becomes the reference image),
                           ! = final state did NOT look like the reference (see the run's main-window-unexpected.png)""");
        List<Run> measured = runs.stream().filter(r -> !r.warmup && r.ok()).toList();
        long failed = runs.stream().filter(r -> !r.warmup && !r.ok()).count();
        System.out.println();
        System.out.printf("%-52s %8s %8s %8s %8s  %s%n", "metric (" + measured.size() + " runs" + (failed > 0 ? ", " + failed
                + " FAILED" : "") + ")", "goal", "median", "p90", "max", "result (p90 vs goal)");
        row("cold start → login dialog interactive", measured, Run::interactive, true);
        row("  (login dialog mapped)", measured, Run::dialogMapped, false);
        row("login (Enter) → main window with directory", measured, Run::directoryShown, true);
        row("  (main window mapped)", measured, Run::mainMapped, false);
        List<Run> quiet = measured.stream().filter(r -> r.othersPercent <= options.quietPercent).toList();
        if (quiet.size() < measured.size()) {
            System.out.printf("%-52s%n", "only the " + quiet.size() + " runs during which other processes used ≤ "
                    + Math.round(options.quietPercent) + " % of the machine:");
            row("  cold start → login dialog interactive", quiet, Run::interactive, true);
            row("  login (Enter) → main window with directory", quiet, Run::directoryShown, true);
        }
        if (!measured.isEmpty()) {
            long[] rss = measured.stream().mapToLong(Run::rssKb).sorted().toArray();
            long[] hwm = measured.stream().mapToLong(Run::hwmKb).sorted().toArray();
            System.out.printf("%-52s %8s %7d M %7d M %7d M  (VmHWM peak max %d MiB)%n", "client RSS 2 s after login", "",
                    median(rss) / 1024, p90(rss) / 1024, rss[rss.length - 1] / 1024, hwm[hwm.length - 1] / 1024);
            double[] loads = measured.stream().mapToDouble(Run::load1).sorted().toArray();
            double[] others = measured.stream().mapToDouble(Run::othersPercent).sorted().toArray();
            System.out.printf("load average (1 min) at launch: min %.2f, median %.2f, max %.2f (the bench's own client"
                    + " starts count in it);%nCPU used by other processes, launch → directory: median %.0f %%, max %.0f %% of the machine%n",
                    loads[0], loads[loads.length / 2], loads[loads.length - 1], others[others.length / 2],
                    others[others.length - 1]);
        }
        runs.stream().filter(r -> r.label.equals("first")).findFirst().ifPresent(first -> {
            String conditions = (osgiCacheBefore ? "OSGi cache in the product's configuration/ already present"
                    : "OSGi cache created by this run") + ", " + (cdsBefore ? "CDS archive already present"
                    : "CDS archive created by this run (fresh XDG_CACHE_HOME)");
            if (first.ok()) {
                System.out.printf("first run after build: cold start → dialog interactive %d ms (mapped %d ms), "
                        + "login → directory %d ms (mapped %d ms), RSS %d MiB, load1 %.2f%n  (%s; found by settling)%n",
                        first.interactive, first.dialogMapped, first.directoryShown, first.mainMapped, first.rssKb / 1024,
                        first.load1, conditions);
            } else {
                System.out.println("first run after build FAILED: " + first.failure);
            }
        });
        Path cds = options.cdsCache.resolve("kairan");
        try (Stream<Path> files = Files.isDirectory(cds) ? Files.list(cds) : Stream.empty()) {
            System.out.println("CDS archive after the runs: " + files.map(p -> p.getFileName() + " (" + size(p) + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("none (the client never wrote one)"));
        } catch (IOException e) {
            // no report
        }
        if (Files.exists(options.screenshot)) {
            System.out.println("screenshot at the first measured run's \"directory shown\": " + options.screenshot
                    + " (exact frame: " + options.out.resolve("main-window-done-frame.png") + ")");
        }
    }

    private static String size(Path p) {
        try {
            return Files.size(p) / (1024 * 1024) + " MiB";
        } catch (IOException e) {
            return "?";
        }
    }

    private void row(String name, List<Run> runs, ToLongFunction<Run> metric, boolean withGoal) {
        if (runs.isEmpty()) {
            System.out.printf("%-52s no successful run%n", name);
            return;
        }
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        String goal = withGoal ? "≤" + options.goalMillis : "";
        String result = withGoal ? (p90(values) <= options.goalMillis ? "PASS" : "FAIL")
                + (median(values) <= options.goalMillis ? "" : " (median over the goal too)") : "";
        System.out.printf("%-52s %8s %5d ms %5d ms %5d ms  %s%n", name, goal, median(values), p90(values),
                values[values.length - 1], result);
    }

    /** Median (mean of the two middle values for an even count). */
    static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }

    /** 90th percentile, nearest rank: the value below which at least 90 % of the runs lie (9th of 10). */
    static long p90(long[] sorted) {
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }

    private void writeCsv(List<Run> runs) throws IOException {
        Path csv = options.out.resolve("runs.csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("run,warmup,user,load1,dialog_mapped_ms,dialog_painted_ms,interactive_ms,interactive_how,"
                    + "main_mapped_ms,directory_ms,directory_how,rss_kb,hwm_kb,machine_busy_pct,others_pct,client_cpu_s,failure");
            for (Run r : runs) {
                out.println(String.join(",", Arrays.asList(r.label, Boolean.toString(r.warmup), r.user,
                        String.format(Locale.ROOT, "%.2f", r.load1), Long.toString(r.dialogMapped), Long.toString(r.dialogPainted),
                        Long.toString(r.interactive), String.valueOf(r.interactiveHow), Long.toString(r.mainMapped),
                        Long.toString(r.directoryShown), String.valueOf(r.directoryHow), Long.toString(r.rssKb),
                        Long.toString(r.hwmKb), String.format(Locale.ROOT, "%.1f", r.machineBusyPercent),
                        String.format(Locale.ROOT, "%.1f", r.othersPercent), String.format(Locale.ROOT, "%.2f", r.clientCpuSeconds),
                        r.failure == null ? "" : '"' + r.failure.replace("\"", "'") + '"')));
            }
        }
        System.out.println("per-run figures: " + csv);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void sleepQuietly(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
