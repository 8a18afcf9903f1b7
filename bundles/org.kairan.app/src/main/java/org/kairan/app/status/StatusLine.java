package org.kairan.app.status;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.core.protocol.SessionUser;
import org.kairan.ui.DateDisplay;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status line at the bottom of the main window: who is logged in with their 所属 and 役職, the
 * state of the connection to the server (a coloured dot and a word) and today's date (和暦 in Japanese).
 * Observes the client's events; never calls the server itself.
 */
public final class StatusLine {

    private static final Color GREEN = new Color(40, 140, 60);
    private static final Color RED = new Color(200, 40, 40);
    private static final Color GREY = new Color(120, 120, 120);

    private final KairanServerClient client;
    private final Messages messages;
    private Label user;
    private Label dot;
    private Label connection;

    @Inject
    public StatusLine(KairanServerClient client, @Translation Messages messages) {
        this.client = client;
        this.messages = messages;
    }

    @PostConstruct
    void create(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).margins(6, 2).spacing(8, 0).applyTo(line);
        user = new Label(line, SWT.NONE);
        user.setData(AppConstants.WIDGET_ID, AppConstants.ID_STATUS_USER);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(user);
        new Label(line, SWT.SEPARATOR | SWT.VERTICAL).setLayoutData(GridDataFactory.fillDefaults().hint(2, 16).create());
        dot = new Label(line, SWT.NONE);
        dot.setText("●");
        connection = new Label(line, SWT.NONE);
        connection.setData(AppConstants.WIDGET_ID, AppConstants.ID_STATUS_CONNECTION);
        new Label(line, SWT.SEPARATOR | SWT.VERTICAL).setLayoutData(GridDataFactory.fillDefaults().hint(2, 16).create());
        Label today = new Label(line, SWT.NONE);
        today.setText(new DateDisplay(Locale.getDefault()).withWeekday(LocalDate.now()));
        showUser(client.session().orElse(null));
        showState(client.connectionState());
    }

    /*
     * Events from different worker threads may arrive in any order: each one only says "look again", and
     * the line shows what the client knows now.
     */
    @Inject
    @Optional
    void connectionChanged(@UIEventTopic(ClientTopics.CONNECTION) ConnectionState state) {
        showState(client.connectionState());
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object session) {
        showUser(client.session().orElse(null));
        showState(client.connectionState());
    }

    private void showUser(Session session) {
        if (user == null || user.isDisposed()) {
            return;
        }
        if (session == null) {
            user.setText(messages.status_loggedOut);
            user.setToolTipText(null);
        } else {
            SessionUser who = session.user();
            user.setText(MessageFormat.format(messages.status_user, who.name(), nonEmpty(who.unitName()),
                    nonEmpty(who.position())));
            user.setToolTipText(MessageFormat.format(messages.status_server, session.server()));
        }
        relayout();
    }

    private void showState(ConnectionState state) {
        if (connection == null || connection.isDisposed() || state == null) {
            return;
        }
        String text = switch (state) {
            case CONNECTED -> messages.status_connected;
            case UNREACHABLE -> messages.status_unreachable;
            case SESSION_EXPIRED -> messages.status_expired;
            case LOGGED_OUT -> messages.status_loggedOut;
        };
        connection.setText(text);
        dot.setForeground(switch (state) {
            case CONNECTED -> GREEN;
            case UNREACHABLE, SESSION_EXPIRED -> RED;
            case LOGGED_OUT -> GREY;
        });
        relayout();
    }

    private void relayout() {
        Composite line = user.getParent();
        line.layout(true);
        line.getParent().layout(true, true);
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
