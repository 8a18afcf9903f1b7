package org.kairan.bench.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.kairan.client.ServerAddress;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncTopics;
import org.kairan.client.sync.internal.DefaultSyncService;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.PullResponse;

/**
 * One fresh desktop in its own JVM (started with the product's VM flags by {@link SyncBench}): logs in
 * (first login, TOTP enrolment), prints READY, waits for a line on stdin, then measures from the start of
 * the sync service ({@code sessionStarted} opens the replica and starts its worker, which syncs at once) and
 * {@code syncNow} until {@code syncNow} returns with the feed exhausted; prints one RESULT line.
 * With pullOnly it only pulls every page through {@code HttpKairanServerClient.pull} (no replica).
 * <p>
 * Args: --first-sync-child URL STAFF_NO PASSWORD WORKSPACE PULL_ONLY
 */
final class FirstSyncChild {

    private FirstSyncChild() {
    }

    static void main(String[] args) throws Exception {
        ServerAddress server = ServerAddress.parse(args[1]);
        String staffNo = args[2];
        Path workspace = Path.of(args[4]);
        boolean pullOnly = Boolean.parseBoolean(args[5]);
        Desk desk = Desk.enrol(server, staffNo, args[3], workspace);
        System.out.println("READY");
        System.out.flush();
        System.in.read();
        long cpu0 = SyncBench.processCpuNanos();
        if (pullOnly) {
            long start = System.nanoTime();
            long records = 0;
            int pages = 0;
            String cursor = null;
            PullResponse page;
            do {
                page = desk.client.pull(cursor, 500);
                records += page.changes().size();
                pages++;
                cursor = page.cursor();
            } while (page.more());
            double ms = SyncBench.millis(start);
            System.out.println(String.format(Locale.ROOT, "RESULT ms=%.0f pages=%d records=%d cpu=%.1f", ms, pages,
                    records, (SyncBench.processCpuNanos() - cpu0) / 1e9));
            return;
        }
        AtomicInteger pages = new AtomicInteger();
        DefaultSyncService sync = new DefaultSyncService(desk.client, desk.kairanDirectory(), Clock.systemUTC(),
                (topic, data) -> {
                    if (SyncTopics.REPLICA_CHANGED.equals(topic)) {
                        pages.incrementAndGet();
                    }
                });
        long start = System.nanoTime();
        sync.sessionStarted(desk.session);
        double openMs = SyncBench.millis(start);
        sync.syncNow(SyncProgress.NONE);
        double ms = SyncBench.millis(start);
        double cpu = (SyncBench.processCpuNanos() - cpu0) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long rss = Proc.status(ProcessHandle.current().pid(), "VmHWM");
        // what the replica holds (outside the measured interval)
        int circulars = sync.replica().all(EntityTypes.CIRCULAR, Object.class).size();
        int staff = sync.replica().directory(LocalDate.now(ZoneId.of("Asia/Tokyo"))).staff().size();
        long records = circulars;
        for (String type : new String[] { EntityTypes.POSITION, EntityTypes.UNIT, EntityTypes.STAFF, EntityTypes.ASSIGNMENT }) {
            records += sync.replica().all(type, Object.class).size();
        }
        sync.sessionEnded();
        long disk = Proc.directorySize(desk.kairanDirectory().resolve("replica"));
        System.out.println(String.format(Locale.ROOT,
                "RESULT ms=%.0f openMs=%.0f pages=%d records=%d circulars=%d staff=%d diskBytes=%d cpu=%.1f heapMiB=%d rssMiB=%d",
                ms, openMs, pages.get(), records, circulars, staff, disk, cpu, heap >> 20, rss >> 10));
    }
}
