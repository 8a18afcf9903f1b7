package org.kairan.client.kessai.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kairan.client.ClientTopics;
import org.kairan.client.kessai.InboxNotice;
import org.kairan.client.kessai.KessaiTopics;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.internal.DefaultSyncService;
import org.kairan.client.sync.internal.InMemoryServer;
import org.osgi.service.event.Event;

/**
 * One person's desktop for the 決裁 tests: the real sync service and 決裁 service on their own workspace,
 * talking to an {@link InMemoryServer}; the sync service's events reach the 決裁 service as EventAdmin
 * would deliver them, and its {@link KessaiTopics#INBOX} notices are recorded.
 */
final class KessaiDesktop implements AutoCloseable {

    final InMemoryServer server;
    final DefaultSyncService sync;
    final DefaultKessaiService kessai;
    final List<InboxNotice> notices = new CopyOnWriteArrayList<>();
    private volatile boolean forwarding;

    KessaiDesktop(InMemoryServer server, Path workspace, Clock clock) {
        this.server = server;
        this.sync = new DefaultSyncService(server, workspace.resolve(".kairan"), clock, this::fromSync);
        this.kessai = new DefaultKessaiService(sync, server, clock, (topic, data) -> {
            if (KessaiTopics.INBOX.equals(topic)) {
                notices.add((InboxNotice) data);
            }
        });
        forwarding = true;
        sync.sessionStarted(server.session().orElseThrow());
    }

    private void fromSync(String topic, Object data) {
        if (forwarding) {
            kessai.handleEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
        }
    }

    /**
     * Syncs now (send, then pull everything) and waits until the inbox was brought up to date and announced;
     * a network failure is the test's to expect.
     */
    void syncNow() throws Exception {
        try {
            sync.syncNow(SyncProgress.NONE);
        } finally {
            awaitAnnounced();
        }
    }

    /** Waits until the 決裁 service has announced what the last changes brought. */
    void awaitAnnounced() throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (kessai.isAnnouncing()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the inbox is brought up to date within 30 s after a change");
            }
            Thread.sleep(10);
        }
    }

    /** The notices' arrivals' titles, in order. */
    List<String> announcedTitles() {
        return notices.stream().flatMap(n -> n.titles().stream()).toList();
    }

    @Override
    public void close() {
        forwarding = false;
        sync.sessionEnded();
    }
}
