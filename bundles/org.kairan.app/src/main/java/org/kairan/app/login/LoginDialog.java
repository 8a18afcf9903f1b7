package org.kairan.app.login;

import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;
import org.kairan.app.preferences.AppPreferences;
import org.kairan.client.KairanServerClient;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerAddress.InvalidServerAddressException;
import org.kairan.client.Session;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.QrCodeView;
import org.kairan.ui.GridVisibility;

/**
 * The login window shown before the workbench (and after a logout): server, 職員番号 or user id,
 * password and TOTP code. At the first login it switches to the enrolment page with the QR code and the
 * secret in text, and asks for a code to confirm. Server calls run in jobs; the dialog stays responsive.
 * Ends with {@link #getSession()} set, or cancelled.
 */
public final class LoginDialog extends TitledDialog {

    private final Messages messages;
    private final ErrorTexts errors;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final AppPreferences preferences;
    private final Optional<Session> toResume;
    private final String initialProblem;

    private StackLayout pages;
    private Composite credentialsPage;
    private Composite enrolmentPage;
    private Text serverText;
    private Text userText;
    private Text passwordText;
    private Text totpText;
    private QrCodeView qrCode;
    private Text secretText;
    private Label accountLabel;
    private Text enrolCodeText;

    private ServerAddress server;
    private String enrolmentToken;
    private Session session;
    private boolean busy;
    private boolean offline;
    private long confirmedAt;
    /** 「オフラインで開く」: shown when the stored session cannot be checked because the server is unreachable. */
    static final int OFFLINE_ID = IDialogConstants.CLIENT_ID + 1;

    public LoginDialog(Shell parent, Messages messages, KairanServerClient client, UISynchronize ui,
            AppPreferences preferences, Optional<Session> toResume, String initialProblem) {
        super(parent, messages.login_shellTitle);
        this.messages = messages;
        this.errors = new ErrorTexts(messages);
        this.client = client;
        this.ui = ui;
        this.preferences = preferences;
        this.toResume = toResume;
        this.initialProblem = initialProblem;
    }

    /** {@link System#nanoTime()} of the last OK (login or enrolment confirmation), 0 when never pressed. */
    public long confirmedAt() {
        return confirmedAt;
    }

    /**
     * Whether the person chose to work offline with the stored session (the server could not be reached to
     * check it); {@link #getSession()} is then that stored session.
     */
    public boolean isOffline() {
        return offline;
    }

    /** The session after a successful login or resume; empty when cancelled. */
    public Optional<Session> getSession() {
        return Optional.ofNullable(session);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite stack = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(stack);
        pages = new StackLayout() {
            @Override
            protected Point computeSize(Composite composite, int wHint, int hHint, boolean flushCache) {
                // only the page on top decides the size: the credentials page stays compact
                Point size = topControl == null ? new Point(0, 0) : topControl.computeSize(wHint, hHint, flushCache);
                return new Point(size.x + 2 * marginWidth, size.y + 2 * marginHeight);
            }
        };
        stack.setLayout(pages);
        credentialsPage = createCredentialsPage(stack);
        enrolmentPage = createEnrolmentPage(stack);
        pages.topControl = credentialsPage;
        showCredentialsTitle();
        return area;
    }

    private Composite createCredentialsPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 8).applyTo(page);
        serverText = field(page, messages.login_server, SWT.BORDER, AppConstants.ID_LOGIN_SERVER);
        serverText.setMessage(messages.login_serverHint);
        serverText.setText(toResume.map(s -> s.server().toString()).orElse(preferences.serverUrl()));
        userText = field(page, messages.login_user, SWT.BORDER, AppConstants.ID_LOGIN_USER);
        userText.setText(toResume.map(s -> s.user().staffNo()).orElse(preferences.lastUser()));
        passwordText = field(page, messages.login_password, SWT.BORDER | SWT.PASSWORD, AppConstants.ID_LOGIN_PASSWORD);
        totpText = field(page, messages.login_totp, SWT.BORDER, AppConstants.ID_LOGIN_TOTP);
        totpText.setMessage(messages.login_totpHint);
        totpText.setTextLimit(7);
        return page;
    }

    private Composite createEnrolmentPage(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(16, 8).applyTo(page);
        qrCode = new QrCodeView(page, SWT.BORDER);
        qrCode.setData(AppConstants.WIDGET_ID, AppConstants.ID_ENROL_QR);
        qrCode.setAccessibleName(messages.enrol_qrName);
        qrCode.setToolTipText(messages.enrol_qrName);
        GridDataFactory.fillDefaults().hint(246, 246).applyTo(qrCode);

        Composite right = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(right);
        GridLayoutFactory.fillDefaults().numColumns(1).spacing(4, 6).applyTo(right);
        new Label(right, SWT.NONE).setText(messages.enrol_account);
        accountLabel = new Label(right, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(accountLabel);
        new Label(right, SWT.NONE).setText(messages.enrol_secret);
        secretText = new Text(right, SWT.READ_ONLY | SWT.BORDER);
        secretText.setData(AppConstants.WIDGET_ID, AppConstants.ID_ENROL_SECRET);
        secretText.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(secretText);
        Label codeLabel = new Label(right, SWT.NONE);
        codeLabel.setText(messages.enrol_code);
        GridDataFactory.fillDefaults().indent(0, 12).applyTo(codeLabel);
        enrolCodeText = new Text(right, SWT.BORDER);
        enrolCodeText.setData(AppConstants.WIDGET_ID, AppConstants.ID_ENROL_CODE);
        enrolCodeText.setTextLimit(7);
        GridDataFactory.swtDefaults().hint(120, SWT.DEFAULT).applyTo(enrolCodeText);
        return page;
    }

    private static Text field(Composite page, String label, int style, String id) {
        Label caption = new Label(page, SWT.NONE);
        caption.setText(label);
        Text text = new Text(page, style);
        text.setData(AppConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, OFFLINE_ID, messages.login_offline, false)
                .setData(AppConstants.WIDGET_ID, AppConstants.ID_LOGIN_OFFLINE);
        createButton(parent, IDialogConstants.BACK_ID, messages.enrol_back, false);
        createButton(parent, IDialogConstants.OK_ID, messages.login_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.common_cancel, false);
        setBackVisible(false);
        setOfflineVisible(false);
    }

    @Override
    public void create() {
        super.create();
        StartupTiming.afterFirstEvents(getShell(), "login dialog interactive");
        if (toResume.isPresent()) {
            resume(toResume.get());
        } else {
            setErrorMessage(initialProblem);
            focusFirstEmpty();
        }
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 560), size.y);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.BACK_ID) {
            showCredentials(null);
        } else if (buttonId == OFFLINE_ID && toResume.isPresent() && !busy) {
            offline = true;
            session = toResume.get();
            setReturnCode(OK);
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        confirmedAt = System.nanoTime();
        if (pages.topControl == enrolmentPage) {
            confirmEnrolment();
        } else {
            login();
        }
    }

    @Override
    protected void cancelPressed() {
        session = null;
        super.cancelPressed();
    }

    // --- the three server calls

    private void resume(Session stored) {
        server = stored.server();
        setBusy(true, messages.login_resuming);
        BackgroundCall.named(messages.login_resuming, monitor -> client.resumeSession())
                .onSuccess(this::finish)
                .onFailure(failure -> {
                    setBusy(false, null);
                    if (failure instanceof ServerUnreachableException) {
                        setErrorMessage(MessageFormat.format(messages.login_offlineOffer, stored.server()));
                        setOfflineVisible(true);
                    } else {
                        setErrorMessage(failure instanceof SessionExpiredException ? messages.error_sessionExpired
                                : errors.of(failure, server));
                    }
                    focusFirstEmpty();
                })
                .start(ui);
    }

    private void login() {
        String problem = null;
        try {
            server = ServerAddress.parse(serverText.getText());
        } catch (InvalidServerAddressException e) {
            problem = errors.serverAddress(e);
        }
        String userId = userText.getText().strip();
        String password = passwordText.getText();
        String code = digits(totpText.getText());
        if (problem == null && userId.isEmpty()) {
            problem = messages.error_userEmpty;
        } else if (problem == null && password.isEmpty()) {
            problem = messages.error_passwordEmpty;
        } else if (problem == null && !code.isEmpty() && !code.matches("\\d{6}")) {
            problem = messages.error_codeFormat;
        }
        if (problem != null) {
            setErrorMessage(problem);
            return;
        }
        setBusy(true, messages.login_busy);
        LoginRequest request = new LoginRequest(userId, password, code.isEmpty() ? null : code);
        ServerAddress target = server;
        BackgroundCall.named(messages.login_busy, monitor -> client.login(target, request))
                .onSuccess(this::loginAnswered)
                .onFailure(failure -> {
                    setBusy(false, null);
                    setErrorMessage(errors.of(failure, target));
                    if (failure instanceof WrongCredentialsException) {
                        passwordText.setText("");
                        passwordText.setFocus();
                    } else if (failure instanceof WrongTotpException) {
                        totpText.setText("");
                        totpText.setFocus();
                    }
                })
                .start(ui);
    }

    private void loginAnswered(LoginResponse response) {
        if (isClosed()) {
            return;
        }
        setBusy(false, null);
        switch (response.status()) {
            case AUTHENTICATED -> finish(client.session().orElse(null));
            case TOTP_REQUIRED -> {
                setMessage(messages.login_totpRequired, IMessageProvider.WARNING);
                totpText.setFocus();
            }
            case TOTP_ENROLMENT_REQUIRED -> showEnrolment(response);
        }
    }

    private void confirmEnrolment() {
        String code = digits(enrolCodeText.getText());
        if (!code.matches("\\d{6}")) {
            setErrorMessage(messages.error_codeFormat);
            return;
        }
        setBusy(true, messages.enrol_busy);
        TotpEnrolmentRequest request = new TotpEnrolmentRequest(enrolmentToken, code);
        ServerAddress target = server;
        BackgroundCall.named(messages.enrol_busy, monitor -> client.confirmEnrolment(target, request))
                .onSuccess(response -> finish(client.session().orElse(null)))
                .onFailure(failure -> {
                    setBusy(false, null);
                    if (failure instanceof SessionExpiredException) {
                        showCredentials(messages.error_enrolmentExpired);
                    } else {
                        setErrorMessage(errors.of(failure, target));
                        enrolCodeText.setText("");
                        enrolCodeText.setFocus();
                    }
                })
                .start(ui);
    }

    private void finish(Session started) {
        if (isClosed() || started == null) {
            return;
        }
        session = started;
        preferences.setServerUrl(started.server().toString());
        preferences.setLastUser(userText.getText().strip().isEmpty() ? started.user().staffNo()
                : userText.getText().strip());
        setReturnCode(OK);
        close();
    }

    // --- pages and state

    private void showEnrolment(LoginResponse response) {
        enrolmentToken = response.enrolmentToken();
        EnrolmentUri uri = EnrolmentUri.parse(response.otpauthUri());
        qrCode.setText(uri.uri());
        secretText.setText(uri.groupedSecret());
        accountLabel.setText(uri.issuer().isEmpty() ? uri.account() : uri.issuer() + " (" + uri.account() + ")");
        enrolCodeText.setText("");
        pages.topControl = enrolmentPage;
        enrolmentPage.getParent().layout(true, true);
        setTitle(messages.enrol_title);
        setErrorMessage(null);
        setMessage(messages.enrol_intro, IMessageProvider.INFORMATION);
        setOkLabel(messages.enrol_button);
        setBackVisible(true);
        getShell().layout(true, true);
        Point wanted = getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT);
        Point now = getShell().getSize();
        getShell().setSize(Math.max(now.x, wanted.x), Math.max(now.y, wanted.y));
        enrolCodeText.setFocus();
    }

    private void showCredentials(String error) {
        pages.topControl = credentialsPage;
        credentialsPage.getParent().layout(true, true);
        showCredentialsTitle();
        setOkLabel(messages.login_button);
        setBackVisible(false);
        totpText.setText("");
        passwordText.setText("");
        setErrorMessage(error);
        passwordText.setFocus();
    }

    private void showCredentialsTitle() {
        setTitle(messages.login_title);
        setMessage(messages.login_intro);
    }

    private void setOkLabel(String label) {
        Button ok = getButton(IDialogConstants.OK_ID);
        ok.setText(label);
        setButtonLayoutData(ok);
        ok.getParent().layout(true);
    }

    private void setBackVisible(boolean visible) {
        setButtonVisible(IDialogConstants.BACK_ID, visible);
    }

    private void setOfflineVisible(boolean visible) {
        setButtonVisible(OFFLINE_ID, visible);
    }

    private void setButtonVisible(int id, boolean visible) {
        Button button = getButton(id);
        if (button != null) {
            GridVisibility.show(button, visible);
        }
    }

    private void setBusy(boolean on, String message) {
        if (isClosed()) {
            return;
        }
        busy = on;
        for (Text text : new Text[] { serverText, userText, passwordText, totpText, enrolCodeText }) {
            text.setEnabled(!on);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.BACK_ID).setEnabled(!on);
        getButton(OFFLINE_ID).setEnabled(!on);
        getShell().setCursor(on ? getShell().getDisplay().getSystemCursor(SWT.CURSOR_APPSTARTING) : null);
        if (on) {
            setErrorMessage(null);
            setMessage(message, IMessageProvider.INFORMATION);
        } else if (pages.topControl == credentialsPage) {
            setMessage(messages.login_intro);
        } else {
            setMessage(messages.enrol_intro, IMessageProvider.INFORMATION);
        }
    }

    private void focusFirstEmpty() {
        if (serverText.getText().isBlank()) {
            serverText.setFocus();
        } else if (userText.getText().isBlank()) {
            userText.setFocus();
        } else {
            passwordText.setFocus();
        }
    }

    private boolean isClosed() {
        return getShell() == null || getShell().isDisposed();
    }

    /**
     * The digits of a code as typed: full-width digits from a Japanese input method become ASCII and
     * spaces go ("１２３ ４５６" → "123456"); other characters are kept so that the code is refused.
     */
    static String digits(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).replace(" ", "").strip();
    }
}
