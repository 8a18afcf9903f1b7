package org.kairan.app.sync;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.sync.SyncService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on: when someone logs in on a desktop that holds nothing of theirs yet, fetches their
 * replica at once in a Job whose progress the status line shows as a bar. Later syncs run quietly in the
 * sync service; a first sync cut short (network lost, cancelled) is resumed by it from where it stopped.
 */
public final class FirstSync {

    private final SyncService sync;
    private final KairanServerClient client;
    private final IEventBroker events;
    private final Messages messages;
    private Job job;

    @Inject
    public FirstSync(SyncService sync, KairanServerClient client, IEventBroker events, @Translation Messages messages) {
        this.sync = sync;
        this.client = client;
        this.events = events;
        this.messages = messages;
    }

    @PostConstruct
    void started() {
        startIfEmpty();
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object session) {
        startIfEmpty();
    }

    private synchronized void startIfEmpty() {
        if (client.session().isEmpty() || (job != null && job.getState() != Job.NONE)) {
            return;
        }
        job = new Job(messages.sync_firstJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (sync.replica().hasData()) {
                    return Status.OK_STATUS;
                }
                monitor.beginTask(messages.sync_firstJob, 1000);
                try {
                    sync.syncNow(new MonitorProgress(monitor));
                    return Status.OK_STATUS;
                } catch (KairanClientException e) {
                    return Status.info(e.getMessage()); // the status line says offline; the service retries
                } finally {
                    events.post(AppConstants.TOPIC_SYNC_PROGRESS, new long[] {-1, -1});
                    monitor.done();
                }
            }
        };
        job.schedule();
    }

    /** Reports to the job's monitor and to the status line's bar. */
    private final class MonitorProgress implements SyncProgress {

        private final IProgressMonitor monitor;
        private int worked;

        MonitorProgress(IProgressMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void received(long done, long total) {
            int now = total <= 0 ? 0 : (int) Math.min(1000, done * 1000 / total);
            if (now > worked) {
                monitor.worked(now - worked);
                worked = now;
            }
            events.post(AppConstants.TOPIC_SYNC_PROGRESS, new long[] {done, Math.max(done, total)});
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel();
        }
    }
}
