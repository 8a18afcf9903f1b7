package org.kairan.app.status;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.AppConstants;
import org.kairan.app.login.LoginPrompt;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanServerClient;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on that asks the server every {@value AppConstants#CONNECTION_CHECK_SECONDS} seconds
 * whether it is there and the session still valid (a quiet job), so that the status line notices a lost
 * network without the person doing anything. When the server ends the session (expiry, revocation by an
 * administrator) it asks for a new login.
 */
public final class ConnectionMonitor {

    private final Job job;
    private final KairanServerClient client;
    private final Messages messages;
    private boolean asking;

    @Inject
    public ConnectionMonitor(KairanServerClient client, @Translation Messages messages) {
        this.client = client;
        this.messages = messages;
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

    @Inject
    @Optional
    void connectionChanged(@UIEventTopic(ClientTopics.CONNECTION) ConnectionState state, MApplication application,
            EModelService models, IWorkbench workbench) {
        if (client.connectionState() != ConnectionState.SESSION_EXPIRED || asking) {
            return;
        }
        MWindow window = (MWindow) models.find(AppConstants.WINDOW_MAIN, application);
        if (window == null || !(window.getWidget() instanceof Shell shell) || !shell.isVisible()) {
            return; // not started yet, or a login is already on screen
        }
        asking = true;
        try {
            ContextInjectionFactory.make(LoginPrompt.class, application.getContext())
                    .loginAgain(shell, application, workbench, messages.error_sessionExpired);
        } finally {
            asking = false;
        }
    }

    @PreDestroy
    void stop() {
        job.cancel();
    }
}
