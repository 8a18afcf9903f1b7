package org.kairan.app.admin;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.core.organisation.StaffMember;
import org.kairan.ui.BackgroundCall;

/**
 * The administrator's actions on the person shown in the directory's detail panel: reset the second
 * factor, unlock the login, end all sessions. Only for a logged-in 管理者, never on their own account.
 * Each asks for confirmation, runs in a job and reports its result under the buttons.
 */
public final class AccountActions {

    private static final Color FAILED = new Color(170, 30, 30);

    /** One action: what the button says, how it is confirmed and reported, and the server call. */
    private record Action(String widgetId, String label, String confirm, String confirmButton, String done,
            Call call) {
    }

    @FunctionalInterface
    private interface Call {
        void run(KairanServerClient client, String staffNo) throws Exception;
    }

    private final KairanServerClient client;
    private final UISynchronize ui;
    private final Messages messages;
    private final ErrorTexts errors;
    private final List<Action> actions;

    public AccountActions(KairanServerClient client, UISynchronize ui, Messages messages) {
        this.client = client;
        this.ui = ui;
        this.messages = messages;
        this.errors = new ErrorTexts(messages);
        this.actions = List.of(
                new Action(AppConstants.ID_ADMIN_RESET_TOTP, messages.admin_resetTotp, messages.admin_resetTotpConfirm,
                        messages.admin_resetTotpButton, messages.admin_resetTotpDone, KairanServerClient::resetSecondFactor),
                new Action(AppConstants.ID_ADMIN_UNLOCK, messages.admin_unlock, messages.admin_unlockConfirm,
                        messages.admin_unlockButton, messages.admin_unlockDone, KairanServerClient::unlockLogin),
                new Action(AppConstants.ID_ADMIN_REVOKE, messages.admin_revoke, messages.admin_revokeConfirm,
                        messages.admin_revokeButton, messages.admin_revokeDone, KairanServerClient::revokeSessions));
    }

    /** Adds the actions for {@code member} to the detail panel (two columns wide) when an administrator is logged in. */
    public void addTo(Composite panel, StaffMember member) {
        Session session = client.session().orElse(null);
        if (session == null || !Administrators.isAdministrator(client)) {
            return;
        }
        Group group = new Group(panel, SWT.NONE);
        group.setText(messages.admin_group);
        group.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_ADMIN);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 14).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(1).margins(10, 8).spacing(6, 6).applyTo(group);
        boolean self = member.staffNo().equals(session.user().staffNo());
        List<Button> buttons = new ArrayList<>();
        Label result = new Label(group, SWT.WRAP);
        for (Action action : actions) {
            Button button = new Button(group, SWT.PUSH);
            button.setText(action.label());
            button.setData(AppConstants.WIDGET_ID, action.widgetId());
            button.setEnabled(!self);
            GridDataFactory.swtDefaults().align(SWT.FILL, SWT.CENTER).applyTo(button);
            button.addListener(SWT.Selection, e -> run(action, member, buttons, result));
            buttons.add(button);
        }
        result.moveBelow(buttons.getLast());
        result.setData(AppConstants.WIDGET_ID, AppConstants.ID_ADMIN_RESULT);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).indent(0, 4).exclude(!self)
                .applyTo(result);
        if (self) {
            result.setText(messages.admin_self);
        }
    }

    private void run(Action action, StaffMember member, List<Button> buttons, Label result) {
        MessageDialog confirm = new MessageDialog(result.getShell(), action.label(), null,
                MessageFormat.format(action.confirm(), member.name(), member.staffNo()), MessageDialog.QUESTION, 0,
                action.confirmButton(), messages.common_cancel);
        if (confirm.open() != 0 || result.isDisposed()) {
            return;
        }
        buttons.forEach(b -> b.setEnabled(false));
        show(result, MessageFormat.format(messages.admin_busy, action.label()), null);
        BackgroundCall.named(action.label(), monitor -> {
            action.call().run(client, member.staffNo());
            return Boolean.TRUE;
        }).onSuccess(done -> {
            buttons.stream().filter(b -> !b.isDisposed()).forEach(b -> b.setEnabled(true));
            show(result, MessageFormat.format(action.done(), member.name()), null);
        }).onFailure(failure -> {
            buttons.stream().filter(b -> !b.isDisposed()).forEach(b -> b.setEnabled(true));
            show(result, MessageFormat.format(messages.admin_failed, action.label(),
                    errors.of(failure, client.session().map(Session::server).orElse(null))), FAILED);
        }).start(ui);
    }

    private static void show(Label result, String text, Color colour) {
        if (result.isDisposed()) {
            return; // another person was selected meanwhile
        }
        result.setText(text);
        result.setForeground(colour);
        ((GridData) result.getLayoutData()).exclude = false;
        result.getParent().getParent().layout(true, true);
    }
}
