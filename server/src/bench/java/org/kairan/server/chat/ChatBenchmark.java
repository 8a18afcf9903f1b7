package org.kairan.server.chat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.kairan.core.chat.ChatTransport;

/**
 * Business chat over XMPP (issue 6: "send → displayed latency p50/p99 with 400 connected clients on loopback: goal
 * p99 ≤ 20 ms"; messages/s one sender can push with archiving on; memory of the chat service per 10,000 messages
 * held); not a test, never run by CI. In package {@code org.kairan.server.chat} for its {@link XmppAdministrator}.
 *
 * <p>For each storage variant ({@code --variants}, default {@code default,wal,tmpfs}) it starts the server's real
 * {@link ManagedProsody} ({@link ChatSettings#managed()}, configuration written by {@link ProsodyConfig}: SQLite
 * storage, MAM archiving every message, {@code nagle = false}, {@code tcp_backlog = 1024}) on a fresh data
 * directory, provisions {@code --clients} accounts through XEP-0133 with {@link XmppAdministrator} and logs them all
 * in with Smack 4.4.8 (STARTTLS trusting the managed certificate, TCP_NODELAY, initial presence, stream management
 * as Smack does by default), then measures:
 * <ol>
 * <li><b>1:1</b>: for each offered rate of {@code --rates} (msg/s), {@code --seconds} s of chat messages from a random
 *     client to another random client's bare JID, sent on a fixed schedule by one thread; the latency runs from the
 *     scheduled moment (no coordinated omission; the actual send is reported too) to the receiver's stanza listener
 *     (a Smack synchronous listener, what a chat window would be told), through a {@code System.nanoTime()} stamp in
 *     the body (sender and receivers share the JVM). The first rate is preceded by {@code --warmup} s not counted;</li>
 * <li><b>課 room</b>: a members-only, archived room like a 課's ({@link XmppAdministrator#ensureRoom},
 *     membership granted one by one), {@code --room-size} members joined without history; the members take turns
 *     sending {@code --room-messages} messages at {@code --room-rate} msg/s (after {@code --room-warmup} not counted);
 *     per message the time from its send to the moment the last of the other members received it (and the first);</li>
 * <li><b>push</b>: one client sends {@code --push} messages to another as fast as Smack lets it (archiving on: every
 *     message goes into the sender's and the receiver's MAM archive); msg/s from the first send to the last receipt;
 *     Prosody's RSS ({@code /proc/PID/status} VmRSS) and SQLite file size before and after, the archive's rows
 *     counted with the {@code sqlite3} command when it is installed.</li>
 * </ol>
 * Variants: {@code default} is the product's configuration with its data directory under {@code java.io.tmpdir}
 * (a disk: SQLite's default rollback journal, {@code synchronous=FULL}: several fsyncs per archived message);
 * {@code wal} the same after {@code PRAGMA journal_mode=WAL} was set on the database with the {@code sqlite3} command
 * (kept in the file; one fsync per transaction); {@code tmpfs} the product's configuration with the data directory in
 * {@code /dev/shm} (fsync costs nothing: what an in-memory database would give, without its durability). It prints the
 * load average, Prosody's CPU, the bench JVM's GC time, the CPU other processes took and the disk's activity with every
 * figure, and before each measured part waits (at most {@code --quiet-wait} s, default 120) until processes other than
 * itself and Prosody use less than {@code --quiet} % (default 15) of the CPU over a second. The 400 clients run in the
 * bench's JVM and share the machine's cores with Prosody, so on 2 cores the figures are a lower bound for the server.
 *
 * <p>Run from the repository root (JDK 21+, Debian's {@code prosody} and {@code lua-dbi-sqlite3}; {@code sqlite3} for
 * the {@code wal} variant and the archive count):
 * <pre>
 * ./mvnw -B -o -q -pl bundles/org.kairan.core,server package -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       $(find server/src/bench/java -name '*.java')
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *      -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.chat.ChatBenchmark \
 *      [--clients 400] [--rates 50,200] [--seconds 20] [--warmup 5] [--room-size 40] [--room-messages 300] \
 *      [--room-rate 10] [--room-warmup 20] [--push 10000] [--variants default,wal,tmpfs] [--quiet 15] \
 *      [--quiet-wait 120] [--keep]
 * </pre>
 */
public final class ChatBenchmark {

    private static final String ROOM = "120200@conference." + ChatSettings.DEFAULT_DOMAIN;
    /** A chat line of a realistic length (≈40 characters) after the stamps. */
    private static final String TEXT = "明日の課内会議の資料を共有フォルダに置きました。ご確認ください。";
    private static final long TICKS_PER_SECOND = 100;

    private int clients = 400;
    private List<Integer> rates = List.of(50, 200);
    private int seconds = 20;
    private int warmup = 5;
    private int roomSize = 40;
    private int roomMessages = 300;
    private int roomRate = 10;
    private int roomWarmup = 20;
    private int push = 10_000;
    private List<String> variants = List.of("default", "wal", "tmpfs");
    private boolean keep;
    private int quiet = 15;
    private int quietWait = 120;

    /** What a received message with a body is handed to, by the tag in its body. */
    private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
    private final List<String> summary = new ArrayList<>();

    @FunctionalInterface
    private interface Receiver {
        void received(int receiver, String[] fields, long now);
    }

    public static void main(String[] args) throws Exception {
        ChatBenchmark bench = new ChatBenchmark();
        bench.parse(args);
        bench.run();
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--rates" -> rates = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--room-size" -> roomSize = Integer.parseInt(args[++i]);
                case "--room-messages" -> roomMessages = Integer.parseInt(args[++i]);
                case "--room-rate" -> roomRate = Integer.parseInt(args[++i]);
                case "--room-warmup" -> roomWarmup = Integer.parseInt(args[++i]);
                case "--push" -> push = Integer.parseInt(args[++i]);
                case "--variants" -> variants = List.of(value.split(","));
                case "--keep" -> keep = true;
                case "--quiet" -> quiet = Integer.parseInt(args[++i]);
                case "--quiet-wait" -> quietWait = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--clients --rates --seconds --warmup --room-size --room-messages --room-rate"
                        + " --room-warmup --push --variants default,wal,tmpfs --quiet PCT --quiet-wait S --keep)");
            }
            if (args[i].equals("--rates") || args[i].equals("--variants")) {
                i++;
            }
        }
        if (roomSize > clients || clients < 2) {
            throw new IllegalArgumentException("--room-size must not exceed --clients (≥ 2)");
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Kairan chat benchmark (issue 6): %d clients, %d cores, %s, Java %s%n", clients,
                Runtime.getRuntime().availableProcessors(), prosodyVersion(), System.getProperty("java.version"));
        System.out.println("load average at start: " + loadAverage());
        for (String variant : variants) {
            runVariant(variant);
        }
        System.out.println();
        System.out.println("== summary ==");
        summary.forEach(System.out::println);
        System.out.println("load average at end: " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void runVariant(String variant) throws Exception {
        Path dir = switch (variant) {
            case "default", "wal" -> Files.createTempDirectory("kairan-chat-bench-");
            case "tmpfs" -> Files.createTempDirectory(Path.of("/dev/shm"), "kairan-chat-bench-");
            default -> throw new IllegalArgumentException("unknown variant " + variant + " (default, wal, tmpfs)");
        };
        System.out.println();
        System.out.printf("== variant %s: data directory %s ==%n", variant, dir);
        if (variant.equals("wal")) {
            try (ManagedProsody first = new ManagedProsody(ChatSettings.managed(), dir)) {
                first.start(); // creates the database and its tables
            }
            Path db = new ProsodyConfig(dir.resolve("chat/prosody"), ChatSettings.DEFAULT_DOMAIN,
                    ProsodyConfig.DEFAULT_UPLOAD_MAX_BYTES).database();
            System.out.println("  sqlite3 PRAGMA journal_mode=WAL → " + sqlite(db, "PRAGMA journal_mode=WAL;"));
        }
        ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), dir);
        List<XMPPTCPConnection> connections = new ArrayList<>();
        XmppAdministrator admin = null;
        try {
            prosody.start();
            long pid = prosody.pid().orElseThrow();
            ChatAddress address = prosody.address();
            Path db = prosody.files().database();
            System.out.printf(Locale.ROOT, "  Prosody pid %d (%s), c2s 127.0.0.1:%d; journal_mode %s; RSS %s%n", pid,
                    Files.readString(Path.of("/proc/" + pid + "/comm")).strip(), address.c2sPort(),
                    sqlite(db, "PRAGMA journal_mode;"), rss(pid));

            admin = new XmppAdministrator(address.domain(), address.host(), address.c2sPort(), prosody.adminJid(),
                    prosody.adminPassword(), prosody.files().certificate());
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                if (!admin.addUser(jid(i), password(i))) {
                    throw new IllegalStateException("Prosody refused to add " + jid(i));
                }
            }
            double provision = seconds(System.nanoTime() - t0);
            System.out.printf(Locale.ROOT, "  provisioned %d accounts (XEP-0133 add-user) in %.2f s (%.1f ms each)%n",
                    clients, provision, provision * 1000 / clients);

            t0 = System.nanoTime();
            connections.addAll(loginAll(address, prosody.files().certificate()));
            double login = seconds(System.nanoTime() - t0);
            System.out.printf(Locale.ROOT, "  %d clients logged in (4 threads) in %.2f s; Prosody RSS %s; load %s%n",
                    clients, login, rss(pid), loadAverage());
            long rssConnected = rssKb(pid);

            boolean first = true;
            for (int rate : rates) {
                if (first && warmup > 0) {
                    oneToOne(variant, connections, pid, rate, warmup, true);
                }
                first = false;
                oneToOne(variant, connections, pid, rate, seconds, false);
            }
            room(variant, connections, admin, pid);
            push(variant, connections, pid, db, rssConnected);
        } finally {
            for (XMPPTCPConnection c : connections) {
                c.disconnect();
            }
            if (admin != null) {
                admin.close();
            }
            prosody.close();
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private static String jid(int i) {
        return String.format(Locale.ROOT, "b%04d@%s", i, ChatSettings.DEFAULT_DOMAIN);
    }

    private static String password(int i) {
        return "bench-password-" + i;
    }

    private List<XMPPTCPConnection> loginAll(ChatAddress address, Path certificate) throws Exception {
        XMPPTCPConnection[] result = new XMPPTCPConnection[clients];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    result[index] = login(address, certificate, index);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return List.of(result);
    }

    /** A desktop's login as {@code XmppLogin} in the tests does it, the message listener registered before login. */
    private XMPPTCPConnection login(ChatAddress address, Path certificate, int index) throws Exception {
        String jid = jid(index);
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom(address.domain()))
                .setHostAddressByNameOrIp(address.host())
                .setPort(address.c2sPort())
                .setUsernameAndPassword(jid.substring(0, jid.indexOf('@')), password(index))
                .setResource("bench")
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(XmppAdministrator.trusting(certificate))
                .setSocketFactory(new ChatTransport.NoDelaySocketFactory())
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(30_000);
        connection.addSyncStanzaListener(stanza -> {
            long now = System.nanoTime();
            String body = ((Message) stanza).getBody();
            if (body == null || !body.startsWith("K ")) {
                return;
            }
            String[] fields = body.split(" ", 7);
            Receiver receiver = receivers.get(fields[1]);
            if (receiver != null) {
                receiver.received(index, fields, now);
            }
        }, MessageWithBodiesFilter.INSTANCE);
        connection.connect().login();
        return connection;
    }

    /** {@code K tag seq sender scheduled sent text}: times in System.nanoTime(). */
    private static String body(String tag, int seq, int sender, long scheduled, long sent) {
        return "K " + tag + " " + seq + " " + sender + " " + scheduled + " " + sent + " " + TEXT;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void oneToOne(String variant, List<XMPPTCPConnection> connections, long pid, int rate, int duration,
            boolean warm) throws Exception {
        int count = rate * duration;
        String tag = "p" + rate + (warm ? "w" : "");
        long[] fromScheduled = new long[count];
        long[] fromSent = new long[count];
        AtomicIntegerArray seen = new AtomicIntegerArray(count);
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(count);
        receivers.put(tag, (receiver, f, now) -> {
            int seq = Integer.parseInt(f[2]);
            if (!seen.compareAndSet(seq, 0, 1)) {
                duplicates.incrementAndGet();
                return;
            }
            fromScheduled[seq] = now - Long.parseLong(f[4]);
            fromSent[seq] = now - Long.parseLong(f[5]);
            all.countDown();
        });
        EntityBareJid[] to = new EntityBareJid[connections.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = JidCreate.entityBareFrom(jid(i));
        }
        if (!warm) {
            awaitQuiet(pid);
        }
        Probe probe = new Probe(pid);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000;
        long lateMax = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int seq = 0; seq < count; seq++) {
            long scheduled = start + seq * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int from = random.nextInt(to.length);
            int dest = random.nextInt(to.length - 1);
            if (dest >= from) {
                dest++;
            }
            XMPPTCPConnection c = connections.get(from);
            long sent = System.nanoTime();
            lateMax = Math.max(lateMax, sent - scheduled);
            c.sendStanza(c.getStanzaFactory().buildMessageStanza().to(to[dest]).ofType(Message.Type.chat)
                    .setBody(body(tag, seq, from, scheduled, sent)).build());
        }
        double sendSeconds = seconds(System.nanoTime() - start);
        boolean complete = drained(all);
        double wall = seconds(System.nanoTime() - start);
        receivers.remove(tag);
        Probe.Result used = probe.end();
        long received = count - all.getCount();
        long[] a = received(fromScheduled, seen);
        long[] b = received(fromSent, seen);
        String line = String.format(Locale.ROOT,
                "1:1 %s %d msg/s offered, %d clients, %d s: %d sent, %d received%s%s; send→received p50 %s, p99 %s,"
                        + " max %s (from the scheduled moment); from the actual send p50 %s, p99 %s; sender at most"
                        + " %s behind schedule; goal p99 ≤ 20 ms: %s; %s",
                warm ? "WARM-UP (not counted)" : "[" + variant + "]", rate, connections.size(), duration, count,
                received, complete ? "" : " (" + (count - received) + " LOST: none for 30 s)",
                duplicates.get() > 0 ? ", " + duplicates.get() + " duplicates" : "", ms(pct(a, 50)), ms(pct(a, 99)),
                ms(pct(a, 100)), ms(pct(b, 50)), ms(pct(b, 99)), ms(lateMax),
                pct(a, 99) <= 20_000_000L && complete ? "MET" : "MISSED", used.describe(Math.max(wall, sendSeconds)));
        System.out.println("  " + line);
        if (!warm) {
            summary.add(line);
        }
    }

    private void room(String variant, List<XMPPTCPConnection> connections, XmppAdministrator admin, long pid)
            throws Exception {
        long t0 = System.nanoTime();
        admin.ensureRoom(ROOM, "財政課");
        for (int i = 0; i < roomSize; i++) {
            admin.grantMembership(ROOM, jid(i), DepartmentRooms.nicknameOf(jid(i)));
        }
        EntityBareJid roomJid = JidCreate.entityBareFrom(ROOM);
        List<MultiUserChat> rooms = new ArrayList<>();
        for (int i = 0; i < roomSize; i++) {
            MultiUserChat muc = MultiUserChatManager.getInstanceFor(connections.get(i)).getMultiUserChat(roomJid);
            muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from("m" + i)).requestNoHistory().build());
            rooms.add(muc);
        }
        System.out.printf(Locale.ROOT, "  room %s: created, %d members granted and joined in %.2f s%n", ROOM, roomSize,
                seconds(System.nanoTime() - t0));
        int total = roomWarmup + roomMessages;
        int others = roomSize - 1;
        AtomicIntegerArray remaining = new AtomicIntegerArray(total);
        for (int i = 0; i < total; i++) {
            remaining.set(i, others);
        }
        long[] last = new long[total];
        long[] firstArrival = new long[total];
        AtomicIntegerArray firstSeen = new AtomicIntegerArray(total);
        CountDownLatch all = new CountDownLatch(total);
        String tag = "room";
        receivers.put(tag, (receiver, f, now) -> {
            int seq = Integer.parseInt(f[2]);
            if (receiver == Integer.parseInt(f[3])) {
                return; // the room's reflection of the sender's own message
            }
            long latency = now - Long.parseLong(f[4]);
            if (firstSeen.compareAndSet(seq, 0, 1)) {
                firstArrival[seq] = latency;
            }
            if (remaining.decrementAndGet(seq) == 0) {
                last[seq] = latency;
                all.countDown();
            }
        });
        awaitQuiet(pid);
        Probe probe = null;
        long interval = 1_000_000_000L / roomRate;
        long start = System.nanoTime() + 10_000_000;
        long measuredFrom = start + roomWarmup * interval;
        for (int seq = 0; seq < total; seq++) {
            long scheduled = start + seq * interval;
            if (seq == roomWarmup) {
                probe = new Probe(pid);
            }
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int sender = seq % roomSize;
            rooms.get(sender).sendMessage(body(tag, seq, sender, scheduled, System.nanoTime()));
        }
        boolean complete = drained(all);
        double wall = seconds(System.nanoTime() - measuredFrom);
        receivers.remove(tag);
        Probe.Result used = probe == null ? new Probe(pid).end() : probe.end();
        long[] lastMs = Arrays.copyOfRange(last, roomWarmup, total);
        long[] firstMs = Arrays.copyOfRange(firstArrival, roomWarmup, total);
        int incomplete = 0;
        for (int i = roomWarmup; i < total; i++) {
            if (remaining.get(i) != 0) {
                incomplete++;
            }
        }
        Arrays.sort(lastMs);
        Arrays.sort(firstMs);
        String line = String.format(Locale.ROOT,
                "room [%s] %d members, %d msg/s (%d deliveries/s), %d messages%s: send→last member p50 %s, p99 %s,"
                        + " max %s; send→first member p50 %s, p99 %s; %s",
                variant, roomSize, roomRate, roomRate * others, roomMessages,
                complete ? "" : " (" + incomplete + " NOT delivered to every member: none for 30 s)", ms(pct(lastMs, 50)),
                ms(pct(lastMs, 99)), ms(pct(lastMs, 100)), ms(pct(firstMs, 50)), ms(pct(firstMs, 99)),
                used.describe(wall));
        System.out.println("  " + line);
        summary.add(line);
        for (MultiUserChat muc : rooms) {
            muc.leave();
        }
    }

    private void push(String variant, List<XMPPTCPConnection> connections, long pid, Path db, long rssConnected)
            throws Exception {
        int senderIndex = connections.size() - 2;
        int peerIndex = connections.size() - 1;
        XMPPTCPConnection sender = connections.get(senderIndex);
        EntityBareJid peer = JidCreate.entityBareFrom(jid(peerIndex));
        Thread.sleep(2_000);
        awaitQuiet(pid);
        String rowsBefore = sqlite(db, "SELECT count(*) FROM prosodyarchive;");
        long rssBefore = rssKb(pid);
        long dbBefore = fileSizes(db);
        CountDownLatch all = new CountDownLatch(push);
        AtomicLong lastReceipt = new AtomicLong();
        long[] latency = new long[push];
        String tag = "push";
        receivers.put(tag, (receiver, f, now) -> {
            latency[Integer.parseInt(f[2])] = now - Long.parseLong(f[5]);
            lastReceipt.set(now);
            all.countDown();
        });
        Probe probe = new Probe(pid);
        long start = System.nanoTime();
        for (int seq = 0; seq < push; seq++) {
            long now = System.nanoTime();
            sender.sendStanza(sender.getStanzaFactory().buildMessageStanza().to(peer).ofType(Message.Type.chat)
                    .setBody(body(tag, seq, senderIndex, now, now)).build());
        }
        double sendSeconds = seconds(System.nanoTime() - start);
        boolean complete = drained(all);
        double wall = seconds((complete ? lastReceipt.get() : System.nanoTime()) - start);
        receivers.remove(tag);
        Probe.Result used = probe.end();
        long received = push - all.getCount();
        Thread.sleep(2_000);
        long rssAfter = rssKb(pid);
        long dbAfter = fileSizes(db);
        String rowsAfter = sqlite(db, "SELECT count(*) FROM prosodyarchive;");
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        String line = String.format(Locale.ROOT,
                "push [%s] one sender → one peer, %d messages%s: %.0f msg/s received (send loop done in %.2f s, last"
                        + " receipt after %.2f s; send→received p50 %s, max %s: queueing); %s",
                variant, push, complete ? "" : " (" + (push - received) + " NOT received: none for 30 s)",
                received / wall, sendSeconds, wall, ms(pct(sorted, 50)), ms(pct(sorted, 100)), used.describe(wall));
        String memory = String.format(Locale.ROOT,
                "memory [%s] Prosody RSS with %d clients connected %d KiB; before the push %d KiB, after %d messages"
                        + " held %d KiB: %+d KiB per 10,000 messages; SQLite files %+.1f MB (%.0f bytes a message);"
                        + " archive rows %s → %s (each 1:1 message is kept in the sender's and the receiver's archive)",
                variant, clients, rssConnected, rssBefore, received, rssAfter,
                received == 0 ? 0 : (rssAfter - rssBefore) * 10_000 / received, (dbAfter - dbBefore) / 1e6,
                received == 0 ? 0.0 : (double) (dbAfter - dbBefore) / received, rowsBefore, rowsAfter);
        System.out.println("  " + line);
        System.out.println("  " + memory);
        summary.add(line);
        summary.add(memory);
    }

    /**
     * Waits until every message arrived; {@code false} when none arrived for 30 s (or after 20 minutes): a backlog
     * beyond the server's capacity drains slowly, and its latencies are the figure.
     */
    private static boolean drained(CountDownLatch all) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        long count = all.getCount();
        long progress = System.nanoTime();
        while (!all.await(1, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            if (all.getCount() != count) {
                count = all.getCount();
                progress = now;
            } else if (now - progress > TimeUnit.SECONDS.toNanos(30) || now > deadline) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Prosody's CPU, the bench JVM's GC, the disk's activity (all processes) and the load average over a phase. */
    private static final class Probe {
        private final long pid;
        private final long ticks;
        private final long gcMillis;
        private final long[] disk = diskStats();
        private final long machine = machineBusyTicks();
        private final long own = ownCpuNanos();
        private final long started = System.nanoTime();

        Probe(long pid) {
            this.pid = pid;
            this.ticks = cpuTicks(pid);
            this.gcMillis = gcMillis();
        }

        record Result(long prosodyTicks, long gcMillis, double elapsed, long[] disk, double othersPercent) {
            String describe(double wall) {
                String io = disk == null ? "" : String.format(Locale.ROOT,
                        ", disk %s (every process): busy %.0f %%, %d writes (%.1f ms each), %d flushes", DISK,
                        disk[2] / 10.0 / elapsed, disk[0], disk[0] == 0 ? 0.0 : (double) disk[1] / disk[0], disk[3]);
                return String.format(Locale.ROOT, "Prosody CPU %.0f %% of a core, bench JVM GC %d ms, other processes"
                        + " %.0f %% of the machine's CPU%s, load %s", prosodyTicks * 100.0 / TICKS_PER_SECOND / elapsed,
                        gcMillis, othersPercent, io, loadAverage());
            }
        }

        Result end() {
            long[] now = diskStats();
            long[] delta = null;
            if (disk != null && now != null) {
                delta = new long[now.length];
                for (int i = 0; i < now.length; i++) {
                    delta[i] = now[i] - disk[i];
                }
            }
            long prosody = cpuTicks(pid) - ticks;
            double elapsed = seconds(System.nanoTime() - started);
            double others = Math.max(0, (machineBusyTicks() - machine - prosody) / (double) TICKS_PER_SECOND
                    - (ownCpuNanos() - own) / 1e9) / (elapsed * Runtime.getRuntime().availableProcessors()) * 100;
            return new Result(prosody, gcMillis() - gcMillis, elapsed, delta, others);
        }
    }

    /**
     * Waits (at most {@code --quiet-wait} s) until processes other than this JVM and Prosody use less than
     * {@code --quiet} % of the machine's CPU over a second: other engineers' builds would be measured too.
     */
    private void awaitQuiet(long pid) throws InterruptedException {
        if (quiet >= 100 || machineBusyTicks() < 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(quietWait);
        long started = System.nanoTime();
        double others;
        do {
            long busy0 = machineBusyTicks();
            long prosody0 = cpuTicks(pid);
            long own0 = ownCpuNanos();
            Thread.sleep(1000);
            others = Math.max(0, (machineBusyTicks() - busy0 - (cpuTicks(pid) - prosody0))
                    / (double) TICKS_PER_SECOND - (ownCpuNanos() - own0) / 1e9)
                    / Runtime.getRuntime().availableProcessors() * 100;
        } while (others >= quiet && System.nanoTime() < deadline);
        if (others >= quiet) {
            System.out.printf(Locale.ROOT, "  (other processes still use %.0f %% of the CPU after %d s: measuring"
                    + " anyway)%n", others, quietWait);
        } else if (System.nanoTime() - started > 1_500_000_000L) {
            System.out.printf(Locale.ROOT, "  (waited %.0f s for other processes to use < %d %% of the CPU)%n",
                    seconds(System.nanoTime() - started), quiet);
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

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The whole disk with the most writes in /proc/diskstats (where the data directory under /tmp lives here). */
    private static final String DISK = busiestDisk();

    private static String busiestDisk() {
        String best = null;
        long most = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 14 && f[2].matches("(vd|sd|xvd)[a-z]+|nvme[0-9]+n[0-9]+")
                        && Long.parseLong(f[7]) > most) {
                    most = Long.parseLong(f[7]);
                    best = f[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return best;
    }

    /** Writes completed, ms writing, ms doing I/O, flushes completed (0 where the kernel does not count them). */
    private static long[] diskStats() {
        if (DISK == null) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] f = line.strip().split("\\s+");
                if (f[2].equals(DISK)) {
                    return new long[] {Long.parseLong(f[7]), Long.parseLong(f[10]), Long.parseLong(f[12]),
                            f.length > 18 ? Long.parseLong(f[18]) : 0};
                }
            }
        } catch (IOException | RuntimeException e) {
            // no figures
        }
        return null;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String rss(long pid) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", rssKb(pid) / 1024.0);
    }

    /** The database with its journal or WAL files. */
    private static long fileSizes(Path db) throws IOException {
        long size = 0;
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(p)) {
                size += Files.size(p);
            }
        }
        return size;
    }

    /** Runs one statement with the sqlite3 command; its output, or why not. */
    private static String sqlite(Path db, String sql) {
        try {
            Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(no sqlite3 command)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String prosodyVersion() {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "prosody").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return "Prosody " + out;
        } catch (IOException | InterruptedException e) {
            return "Prosody (version unknown)";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long[] received(long[] values, AtomicIntegerArray seen) {
        long[] out = new long[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (seen.get(i) == 1) {
                out[n++] = values[i];
            }
        }
        long[] result = Arrays.copyOf(out, n);
        Arrays.sort(result);
        return result;
    }

    /** Nearest-rank percentile of sorted values; {@code -1} when there are none. */
    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind
                }
            });
        } catch (IOException e) {
            System.out.println("  could not delete " + dir + ": " + e);
        }
    }
}
