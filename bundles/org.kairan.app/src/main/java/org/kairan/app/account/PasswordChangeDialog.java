package org.kairan.app.account;

import java.text.MessageFormat;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.account.PasswordRules.Problem;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;
import org.kairan.client.AccountLockedException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.Session;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.BackgroundCall;

/**
 * パスワードの変更: current password, new password twice. The server's rule is shown from the start and
 * checked while typing and before anything is sent ({@link PasswordRules}); the server's own answers
 * (wrong current password, a wait after repeated failures, a refused password) are explained in the
 * dialog. The change runs in a job; the dialog closes with OK once the server has accepted it. The
 * server keeps this session and ends the person's others.
 */
public final class PasswordChangeDialog extends TitledDialog {

    private static final Color RULE_BROKEN = new Color(170, 30, 30);
    private static final Color RULE_MET = new Color(30, 120, 50);

    private final Messages messages;
    private final ErrorTexts errors;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final String staffNo;

    private Text currentText;
    private Text newText;
    private Text repeatText;
    private Label rule;
    private boolean busy;

    public PasswordChangeDialog(Shell parent, Messages messages, KairanServerClient client, UISynchronize ui,
            String staffNo) {
        super(parent, messages.password_shellTitle);
        this.messages = messages;
        this.errors = new ErrorTexts(messages);
        this.client = client;
        this.ui = ui;
        this.staffNo = staffNo;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite page = page(area, 2);
        currentText = field(page, messages.password_current, AppConstants.ID_PASSWORD_CURRENT);
        newText = field(page, messages.password_new, AppConstants.ID_PASSWORD_NEW);
        new Label(page, SWT.NONE);
        rule = new Label(page, SWT.WRAP);
        rule.setData(AppConstants.WIDGET_ID, AppConstants.ID_PASSWORD_RULE);
        rule.setText(messages.password_rule);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(rule);
        repeatText = field(page, messages.password_repeat, AppConstants.ID_PASSWORD_REPEAT);
        newText.addModifyListener(e -> showRule());
        setTitle(messages.password_title);
        setMessage(messages.password_intro);
        return area;
    }

    private static Text field(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER | SWT.PASSWORD);
        text.setData(AppConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.password_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.common_cancel, false);
    }

    /** A compact width; the explanation at the top wraps instead of stretching the dialog. */
    @Override
    protected Point getInitialSize() {
        int width = 640;
        return new Point(width, getShell().computeSize(width, SWT.DEFAULT, true).y);
    }

    @Override
    public void create() {
        super.create();
        currentText.setFocus();
    }

    /** The rule turns red while the typed password breaks it and green once it is met. */
    private void showRule() {
        String typed = newText.getText();
        Optional<Problem> problem = typed.isEmpty() ? Optional.empty()
                : PasswordRules.check("-", typed, typed, staffNo)
                        .filter(p -> p == Problem.TOO_SHORT || p == Problem.SAME_AS_USER_ID);
        rule.setForeground(typed.isEmpty() ? null : problem.isPresent() ? RULE_BROKEN : RULE_MET);
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        String current = currentText.getText();
        String wanted = newText.getText();
        Optional<Problem> problem = PasswordRules.check(current, wanted, repeatText.getText(), staffNo);
        if (problem.isPresent()) {
            setErrorMessage(text(problem.get(), wanted));
            Text field = switch (problem.get()) {
                case CURRENT_EMPTY -> currentText;
                case MISMATCH -> repeatText;
                default -> newText;
            };
            field.setFocus();
            field.selectAll();
            return;
        }
        setBusy(true);
        PasswordChangeRequest request = new PasswordChangeRequest(current, wanted);
        BackgroundCall.named(messages.password_busy, monitor -> {
            client.changePassword(request);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            if (!isClosed()) {
                setReturnCode(OK);
                close();
            }
        }).onFailure(this::failed).start(ui);
    }

    private void failed(Exception failure) {
        if (isClosed()) {
            return;
        }
        setBusy(false);
        switch (failure) {
            case WrongCredentialsException e -> {
                setErrorMessage(messages.password_wrongCurrent);
                currentText.setText("");
                currentText.setFocus();
            }
            case AccountLockedException e -> {
                setErrorMessage(e.lockedOut()
                        ? MessageFormat.format(messages.error_locked, errors.duration(e.retryAfter()))
                        : MessageFormat.format(messages.password_throttled, errors.duration(e.retryAfter())));
                currentText.setFocus();
            }
            case RequestRejectedException e when e.code() == ErrorCode.UNPROCESSABLE -> {
                setErrorMessage(messages.password_weak);
                newText.setFocus();
                newText.selectAll();
            }
            case SessionExpiredException e -> close(); // the connection monitor asks for a new login
            default -> {
                setErrorMessage(errors.of(failure, client.session().map(Session::server).orElse(null)));
                getButton(IDialogConstants.OK_ID).setFocus(); // to try again with Enter
            }
        }
    }

    private String text(Problem problem, String wanted) {
        return switch (problem) {
            case CURRENT_EMPTY -> messages.password_currentEmpty;
            case NEW_EMPTY -> messages.password_newEmpty;
            case TOO_SHORT -> MessageFormat.format(messages.password_tooShort, PasswordRules.length(wanted));
            case SAME_AS_USER_ID -> messages.password_sameAsUserId;
            case SAME_AS_CURRENT -> messages.password_sameAsCurrent;
            case MISMATCH -> messages.password_mismatch;
        };
    }

    private void setBusy(boolean on) {
        busy = on;
        for (Text text : new Text[] { currentText, newText, repeatText }) {
            text.setEnabled(!on);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
        getShell().setCursor(on ? getShell().getDisplay().getSystemCursor(SWT.CURSOR_APPSTARTING) : null);
        if (on) {
            setErrorMessage(null);
            setMessage(messages.password_busy, IMessageProvider.INFORMATION);
        } else {
            setMessage(messages.password_intro);
        }
    }

    @Override
    public boolean close() {
        if (busy && getReturnCode() != OK) {
            return false; // the server is changing the password: wait for its answer (Esc and the close box too)
        }
        return super.close();
    }

    private boolean isClosed() {
        return getShell() == null || getShell().isDisposed();
    }
}
