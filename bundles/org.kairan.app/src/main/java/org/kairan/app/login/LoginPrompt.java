package org.kairan.app.login;

import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.nls.Messages;
import org.kairan.app.preferences.AppPreferences;
import org.kairan.client.KairanServerClient;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerAddress.InvalidServerAddressException;
import org.kairan.client.Session;
import org.kairan.client.sync.SyncService;

import jakarta.inject.Inject;

/**
 * Opens the {@link LoginDialog} with the services it needs; used before the workbench starts and after a
 * logout. Create it with {@code ContextInjectionFactory.make(LoginPrompt.class, context)}.
 */
public final class LoginPrompt {

    private final KairanServerClient client;
    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final AppPreferences preferences;
    private long confirmedAt;

    @Inject
    public LoginPrompt(KairanServerClient client, SyncService sync, UISynchronize ui, @Translation Messages messages,
            IEclipseContext context) {
        this.client = client;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.preferences = ContextInjectionFactory.make(AppPreferences.class, context);
    }

    /**
     * Asks for a login (first trying the session kept from the last run when {@code resume} is true) and
     * returns the session, or empty when the person cancelled.
     */
    public Optional<Session> open(Shell parent, boolean resume) {
        return open(parent, resume, null);
    }

    private Optional<Session> open(Shell parent, boolean resume, String problem) {
        // a session kept for another server than the one asked for on the command line is not resumed
        Optional<Session> stored = resume ? client.storedSession().filter(this::isForTheChosenServer) : Optional.empty();
        StartupTiming.sinceStart("client service ready");
        LoginDialog dialog = new LoginDialog(parent, messages, client, ui, preferences, stored, problem);
        int result = dialog.open();
        confirmedAt = dialog.confirmedAt();
        if (result != Window.OK) {
            return Optional.empty();
        }
        if (dialog.isOffline()) {
            // the replica of the stored session opens; the service resumes the session once the server answers
            sync.openOffline(dialog.getSession().orElseThrow());
        }
        return dialog.getSession();
    }

    private boolean isForTheChosenServer(Session session) {
        Optional<String> chosen = preferences.commandLineServerUrl();
        if (chosen.isEmpty()) {
            return true;
        }
        try {
            return ServerAddress.parse(chosen.get()).equals(session.server());
        } catch (InvalidServerAddressException e) {
            return false; // the login dialog shows the address and says what is wrong with it
        }
    }

    /** {@link System#nanoTime()} when the person last pressed OK in the dialog (0 for a resumed session). */
    public long confirmedAt() {
        return confirmedAt;
    }

    /**
     * After a logout or when the server ended the session: hides the main window, asks for a new login
     * ({@code problem} says why, or null) and shows the window again with the new session in the
     * application context; cancelling closes the application.
     */
    public void loginAgain(Shell mainWindow, MApplication application, IWorkbench workbench, String problem) {
        if (!mainWindow.isDisposed()) {
            mainWindow.setVisible(false);
        }
        application.getContext().remove(Session.class);
        Optional<Session> session = open(null, false, problem);
        if (session.isEmpty()) {
            workbench.close();
            return;
        }
        application.getContext().set(Session.class, session.get());
        if (!mainWindow.isDisposed()) {
            mainWindow.setVisible(true);
            mainWindow.forceActive();
        }
    }
}
