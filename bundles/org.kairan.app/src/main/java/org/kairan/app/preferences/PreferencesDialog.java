package org.kairan.app.preferences;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;

/** 設定: the server address used at the next login, and the display language (from the next start). */
public final class PreferencesDialog extends Dialog {

    private static final String[] LANGUAGES = { "", "ja", "en" };

    private final Messages messages;
    private final AppPreferences preferences;
    private Text server;
    private Combo language;
    private Label problem;

    public PreferencesDialog(Shell parent, Messages messages, AppPreferences preferences) {
        super(parent);
        this.messages = messages;
        this.preferences = preferences;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.prefs_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 8).applyTo(area);
        new Label(area, SWT.NONE).setText(messages.prefs_server);
        server = new Text(area, SWT.BORDER);
        server.setText(preferences.storedServerUrl().orElse(preferences.serverUrl()));
        server.setMessage(messages.login_serverHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(340, SWT.DEFAULT).applyTo(server);
        new Label(area, SWT.NONE).setText(messages.prefs_language);
        language = new Combo(area, SWT.READ_ONLY);
        language.setItems(messages.prefs_languageSystem, messages.prefs_languageJa, messages.prefs_languageEn);
        language.select(Math.max(0, java.util.Arrays.asList(LANGUAGES).indexOf(preferences.language())));
        Label note = new Label(area, SWT.WRAP);
        note.setText(messages.prefs_restartNote);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(340, SWT.DEFAULT).applyTo(note);
        problem = new Label(area, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(340, SWT.DEFAULT).applyTo(problem);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.common_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.common_cancel, false);
    }

    @Override
    protected void okPressed() {
        String error = new ErrorTexts(messages).checkServerAddress(server.getText());
        if (error != null) {
            problem.setText(error);
            problem.getParent().layout(true);
            getButton(IDialogConstants.OK_ID).setFocus();
            return;
        }
        preferences.setServerUrl(server.getText().strip());
        preferences.setLanguage(LANGUAGES[Math.max(0, language.getSelectionIndex())]);
        super.okPressed();
    }
}
