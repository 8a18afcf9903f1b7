package org.kairan.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.account.PasswordChangeDialog;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;

/** パスワードの変更: the logged-in person changes their own password; afterwards says what happened. */
public final class ChangePasswordHandler {

    @CanExecute
    boolean canExecute(KairanServerClient client) {
        return client.session().isPresent();
    }

    @Execute
    void execute(Shell shell, KairanServerClient client, UISynchronize ui, @Translation Messages messages) {
        Session session = client.session().orElse(null);
        if (session == null) {
            return;
        }
        PasswordChangeDialog dialog = new PasswordChangeDialog(shell, messages, client, ui, session.user().staffNo());
        if (dialog.open() == Window.OK) {
            new MessageDialog(shell, messages.password_doneTitle, null, messages.password_done,
                    MessageDialog.INFORMATION, 0, messages.common_ok).open();
        }
    }
}
