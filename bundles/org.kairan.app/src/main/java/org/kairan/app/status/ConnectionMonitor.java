package org.kairan.app.status;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.nls.Translation;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on that asks the server every {@value AppConstants#CONNECTION_CHECK_SECONDS} seconds
 * whether it is there and the session still valid, so that the status line notices a lost network or a
 * revoked session without the person doing anything. A quiet job; nothing runs on the UI thread.
 */
public final class ConnectionMonitor {

    private final Job job;

    @Inject
    public ConnectionMonitor(KairanServerClient client, @Translation Messages messages) {
        this.job = new Job(messages.status_checkJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (client.session().isPresent()) {
                    client.checkConnection();
                }
                if (!monitor.isCanceled()) {
                    schedule(AppConstants.CONNECTION_CHECK_SECONDS * 1000L);
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
    }

    @PostConstruct
    void start() {
        job.schedule(AppConstants.CONNECTION_CHECK_SECONDS * 1000L);
    }

    @PreDestroy
    void stop() {
        job.cancel();
    }
}
