package org.kairan.client.sync.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.sync.CommandTypes;

/**
 * A desktop in a child JVM for {@link KilledDesktopTest}: resumes the session stored in the workspace,
 * queues {@code count} 回覧 posts titled {@code prefix-0001} … and lets the sync service send them; prints
 * {@code QUEUED n} after each one is stored and {@code SENT key} as batches leave, until it is killed.
 * <p>
 * Arguments: workspace, unit code, count, prefix.
 */
public final class QueueingDesktop {

    private QueueingDesktop() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        String unit = args[1];
        int count = Integer.parseInt(args[2]);
        String prefix = args[3];
        HttpKairanServerClient client = new HttpKairanServerClient(workspace.resolve(".kairan"),
                Duration.ofSeconds(20), Clock.systemUTC());
        Session session = client.resumeSession();
        DefaultSyncService sync = new DefaultSyncService(client, workspace.resolve(".kairan"), Clock.systemUTC(),
                (topic, data) -> {
                    if (topic.equals(SyncTopics.ACTION) && data instanceof QueuedAction a
                            && a.state() == ActionState.SENT) {
                        System.out.println("SENT " + a.key());
                    }
                });
        sync.sessionStarted(session);
        for (int i = 1; i <= count; i++) {
            String title = String.format("%s-%04d", prefix, i);
            sync.enqueue(CommandTypes.POST_CIRCULAR,
                    new PostCircular(java.util.UUID.randomUUID().toString(), unit, title, "本文 " + title));
            System.out.println("QUEUED " + i);
        }
        System.out.println("ENQUEUED");
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
