package org.kairan.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.admin.Administrators;
import org.kairan.app.admin.RosterImportDialog;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;

/** 職員名簿の取込み (administrators only): uploads units.csv and/or staff.csv and shows the report. */
public final class ImportRosterHandler {

    @CanExecute
    boolean canExecute(KairanServerClient client) {
        return Administrators.isAdministrator(client);
    }

    @Execute
    void execute(Shell shell, KairanServerClient client, UISynchronize ui, IEventBroker events,
            @Translation Messages messages) {
        new RosterImportDialog(shell, messages, client, ui, events).open();
    }
}
