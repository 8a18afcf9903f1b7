package org.kairan.app.handlers;

import java.text.MessageFormat;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.login.LoginPrompt;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.client.sync.SyncService;
import org.kairan.ui.BackgroundCall;

/**
 * ログアウト: ends the session on the server and on this computer, hides the main window and asks for a
 * new login; cancelling that login closes the application. The confirmation says how many actions wait to be
 * sent (they stay queued for the same person's next login).
 */
public final class LogoutHandler {

    @CanExecute
    boolean canExecute(KairanServerClient client) {
        return client.session().isPresent();
    }

    @Execute
    void execute(Shell shell, KairanServerClient client, SyncService sync, UISynchronize ui, MApplication application,
            IWorkbench workbench, @Translation Messages messages) {
        int queued = sync.status().queued();
        String question = queued == 0 ? messages.logout_confirm
                : MessageFormat.format(messages.logout_confirmQueued, queued) + "\n\n" + messages.logout_confirm;
        MessageDialog confirm = new MessageDialog(shell, messages.logout_confirmTitle, null, question,
                MessageDialog.QUESTION, 0, messages.logout_button, messages.common_cancel);
        if (confirm.open() != 0) {
            return;
        }
        shell.setVisible(false);
        LoginPrompt prompt = ContextInjectionFactory.make(LoginPrompt.class, application.getContext());
        BackgroundCall.named(messages.logout_job, monitor -> {
            client.logout();
            return Boolean.TRUE;
        }).onSuccess(done -> prompt.loginAgain(shell, application, workbench, null))
                .onFailure(failure -> prompt.loginAgain(shell, application, workbench, null))
                .start(ui);
    }
}
