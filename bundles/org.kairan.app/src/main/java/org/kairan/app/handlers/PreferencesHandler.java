package org.kairan.app.handlers;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.nls.Messages;
import org.kairan.app.preferences.AppPreferences;
import org.kairan.app.preferences.PreferencesDialog;

/** 設定: server address and display language. */
public final class PreferencesHandler {

    @Execute
    void execute(Shell shell, IEclipseContext context, @Translation Messages messages) {
        AppPreferences preferences = ContextInjectionFactory.make(AppPreferences.class, context);
        new PreferencesDialog(shell, messages, preferences).open();
    }
}
