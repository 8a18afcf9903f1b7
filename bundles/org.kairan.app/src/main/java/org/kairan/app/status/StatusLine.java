package org.kairan.app.status;

import java.text.MessageFormat;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.ConnectionState;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.sync.SyncPhase;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncStatus;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.protocol.SessionUser;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.DateDisplay;
import org.kairan.ui.GridVisibility;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status line at the bottom of the main window: who is logged in with their 所属 and 役職; the link to
 * the server (a coloured dot and a word: オンライン, 同期中, オフライン); actions not yet sent and actions the
 * server refused; the last time the replica caught up; the first sync's progress; today's date (和暦 in
 * Japanese). Observes the client's and the sync service's events; never calls the server itself.
 */
public final class StatusLine {

    private static final Color GREEN = new Color(40, 140, 60);
    private static final Color BLUE = new Color(30, 90, 200);
    private static final Color RED = new Color(200, 40, 40);
    private static final Color GREY = new Color(120, 120, 120);

    private final KairanServerClient client;
    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final DateDisplay dates = new DateDisplay(Locale.getDefault());
    private Label user;
    private Label dot;
    private Label connection;
    private Label queued;
    private Label conflicts;
    private Label lastSync;
    private ProgressBar progress;
    /** The sync state as last posted: reading it from the service could wait on its databases. */
    private SyncStatus syncStatus = SyncStatus.STOPPED;
    private boolean statusPosted;

    @Inject
    public StatusLine(KairanServerClient client, SyncService sync, UISynchronize ui, @Translation Messages messages) {
        this.client = client;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
    }

    @PostConstruct
    void create(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(11).margins(6, 2).spacing(8, 0).applyTo(line);
        user = new Label(line, SWT.NONE);
        user.setData(AppConstants.WIDGET_ID, AppConstants.ID_STATUS_USER);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(user);
        separator(line);
        dot = new Label(line, SWT.NONE);
        dot.setText("●");
        connection = label(line, AppConstants.ID_STATUS_CONNECTION);
        queued = label(line, AppConstants.ID_STATUS_QUEUED);
        conflicts = label(line, AppConstants.ID_STATUS_CONFLICTS);
        conflicts.setForeground(RED);
        lastSync = label(line, AppConstants.ID_STATUS_LAST_SYNC);
        lastSync.setForeground(GREY);
        progress = new ProgressBar(line, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setData(AppConstants.WIDGET_ID, AppConstants.ID_STATUS_PROGRESS);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(160, 14).applyTo(progress);
        show(progress, false);
        separator(line);
        Label today = new Label(line, SWT.NONE);
        today.setText(dates.withWeekday(client.officeToday()));
        showUser(client.session().or(sync::session).orElse(null));
        showState();
        BackgroundCall.named(messages.status_checkJob, monitor -> sync.status()).onSuccess(status -> {
            if (!statusPosted) { // an event that came meanwhile is newer
                syncStatus = status;
                showState();
            }
        }).quiet().start(ui);
    }

    private static Label label(Composite line, String id) {
        Label label = new Label(line, SWT.NONE);
        label.setData(AppConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
        return label;
    }

    private static void separator(Composite line) {
        new Label(line, SWT.SEPARATOR | SWT.VERTICAL).setLayoutData(GridDataFactory.fillDefaults().hint(2, 16).create());
    }

    /*
     * Connection and session events only say "look again": the line shows what the client knows now. Sync
     * status events carry the state (asking the service would wait on its databases); the engine posts them
     * from its worker in order.
     */
    @Inject
    @Optional
    void connectionChanged(@UIEventTopic(ClientTopics.CONNECTION) ConnectionState state) {
        showState();
    }

    @Inject
    @Optional
    void syncChanged(@UIEventTopic(SyncTopics.STATUS) SyncStatus status) {
        syncStatus = status;
        statusPosted = true;
        showState();
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object session) {
        showUser(client.session().or(sync::session).orElse(null));
        showState();
    }

    /** The first sync's progress: {@code [done, total]}, or {@code null} when it ended. */
    @Inject
    @Optional
    void progressChanged(@UIEventTopic(AppConstants.TOPIC_SYNC_PROGRESS) long[] doneOfTotal) {
        if (progress == null || progress.isDisposed()) {
            return;
        }
        boolean running = doneOfTotal.length == 2 && doneOfTotal[0] >= 0;
        if (running) {
            progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, doneOfTotal[1])));
            progress.setSelection((int) Math.min(Integer.MAX_VALUE, doneOfTotal[0]));
        }
        show(progress, running);
        relayout();
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

    private void showState() {
        if (connection == null || connection.isDisposed()) {
            return;
        }
        ConnectionState state = client.connectionState();
        SyncStatus status = syncStatus;
        // a replica opened offline (no session checked yet) has a phase too: it says more than "logged out"
        if (state == ConnectionState.SESSION_EXPIRED || status.phase() == SyncPhase.STOPPED) {
            connection.setText(switch (state) {
                case CONNECTED -> messages.status_connected;
                case UNREACHABLE -> messages.status_unreachable;
                case SESSION_EXPIRED -> messages.status_expired;
                case LOGGED_OUT -> messages.status_loggedOut;
            });
            dot.setForeground(switch (state) {
                case CONNECTED -> GREEN;
                case UNREACHABLE, SESSION_EXPIRED -> RED;
                case LOGGED_OUT -> GREY;
            });
        } else {
            connection.setText(switch (status.phase()) {
                case ONLINE -> messages.status_online;
                case SYNCING -> messages.status_syncing;
                case OFFLINE -> messages.status_offline;
                case STOPPED -> messages.status_loggedOut;
            });
            dot.setForeground(switch (status.phase()) {
                case ONLINE -> GREEN;
                case SYNCING -> BLUE;
                case OFFLINE -> RED;
                case STOPPED -> GREY;
            });
        }
        boolean syncing = status.phase() != SyncPhase.STOPPED;
        queued.setText(MessageFormat.format(messages.status_queued, status.queued()));
        show(queued, syncing && status.queued() > 0);
        conflicts.setText(MessageFormat.format(messages.status_conflicts, status.conflicts()));
        show(conflicts, syncing && status.conflicts() > 0);
        lastSync.setText(status.lastSync() == null ? messages.status_neverSynced
                : MessageFormat.format(messages.status_lastSync,
                        dates.moment(status.lastSync(), client.officeZone(), client.officeToday())));
        show(lastSync, syncing);
        relayout();
    }

    private static void show(Control control, boolean visible) {
        GridVisibility.set(control, visible);
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
