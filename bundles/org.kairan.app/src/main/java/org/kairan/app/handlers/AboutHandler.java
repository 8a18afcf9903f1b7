package org.kairan.app.handlers;

import java.text.MessageFormat;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.osgi.framework.FrameworkUtil;

/** About: product, version, server and Java in use. */
public final class AboutHandler {

    @Execute
    void execute(Shell shell, KairanServerClient client, @Translation Messages messages) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        String server = client.session().map(Session::server).map(Object::toString).orElse("—");
        String text = MessageFormat.format(messages.about_text, version, server,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        new MessageDialog(shell, messages.about_title, null, text, MessageDialog.INFORMATION, 0, messages.common_ok)
                .open();
    }
}
