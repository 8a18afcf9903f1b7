package org.kairan.app.circular;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.DateDisplay;
import org.kairan.ui.ViewerColumns;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 回覧: the notices addressed to the person's units (and their own), read from the local replica, so the
 * list works offline. 確認 and 取下げ are queued actions: they show at once and reach the server when it
 * can be reached. 新規回覧 writes one to any unit.
 */
public final class CircularPart {

    private final SyncService sync;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final Messages messages;
    private final DateDisplay dates = new DateDisplay(Locale.getDefault());
    private TableViewer viewer;
    private Label count;
    private Button unreadOnly;
    private Button acknowledge;
    private Button withdraw;
    private Text detail;
    private List<CircularRow> rows = List.of();
    /** Counts reloads; a read whose number is no longer the newest is dropped. */
    private long reloads;
    private OrganisationDirectory directory;

    @Inject
    public CircularPart(SyncService sync, KairanServerClient client, UISynchronize ui, @Translation Messages messages) {
        this.sync = sync;
        this.client = client;
        this.ui = ui;
        this.messages = messages;
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(5).margins(8, 6).applyTo(bar);
        Button write = button(bar, messages.circular_new, AppConstants.ID_CIRCULAR_NEW);
        write.addListener(SWT.Selection, e -> write());
        acknowledge = button(bar, messages.circular_acknowledge, AppConstants.ID_CIRCULAR_ACKNOWLEDGE);
        acknowledge.addListener(SWT.Selection, e -> act(CommandTypes.ACKNOWLEDGE_CIRCULAR));
        withdraw = button(bar, messages.circular_withdraw, AppConstants.ID_CIRCULAR_WITHDRAW);
        withdraw.addListener(SWT.Selection, e -> act(CommandTypes.WITHDRAW_CIRCULAR));
        unreadOnly = new Button(bar, SWT.CHECK);
        unreadOnly.setText(messages.circular_unreadOnly);
        unreadOnly.addListener(SWT.Selection, e -> show());
        count = new Label(bar, SWT.NONE);
        count.setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_COUNT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        detail = new Text(sash, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        detail.setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_DETAIL);
        sash.setWeights(55, 45);
        reload();
    }

    private static Button button(Composite bar, String text, String id) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        button.setData(AppConstants.WIDGET_ID, id);
        return button;
    }

    private void createTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_TABLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(messages.circular_columnState, 130, row -> stateText(row.state()));
        column(messages.circular_columnTitle, 320, row -> row.circular().title());
        column(messages.circular_columnTo, 200, row -> unitName(row.circular().unitCode()));
        column(messages.circular_columnAuthor, 200, row -> nonEmpty(row.circular().authorName()));
        column(messages.circular_columnPosted, 170, row -> row.circular().postedAt() == null ? ""
                : dates.moment(row.circular().postedAt(), sync.officeZone(), sync.officeToday()));
        column(messages.circular_columnAcknowledged, 90, row -> MessageFormat.format(messages.circular_people,
                row.circular().acknowledgements().size()));
        viewer.addSelectionChangedListener(e -> showDetail());
    }

    private void column(String title, int width, java.util.function.Function<CircularRow, String> text) {
        ViewerColumns.add(viewer, CircularRow.class, title, width, text, null);
    }

    /**
     * Reads the replica and the queue in a job and shows the result. Several events can ask at once: only the
     * newest read is shown, so an older answer arriving late never undoes a newer one.
     */
    void reload() {
        java.util.Optional<Session> session = client.session().or(sync::session);
        long generation = ++reloads;
        if (session.isEmpty()) {
            rows = List.of();
            show();
            return;
        }
        SessionUser me = session.get().user();
        BackgroundCall.named(messages.circular_loadJob, monitor -> {
            OrganisationDirectory read = new OrganisationDirectory(sync.replica().directory(sync.officeToday()));
            List<Circular> replicated = sync.replica().all(EntityTypes.CIRCULAR, Circular.class);
            List<CircularRow> built = CircularRows.of(replicated, pending(), me.staffNo(), me.name(), me.unitName());
            return new Loaded(read, built);
        }).onSuccess(loaded -> {
            if (generation == reloads) {
                directory = loaded.directory();
                rows = loaded.rows();
                show();
            }
        }).onFailure(failure -> {
            if (generation == reloads && !detail.isDisposed()) {
                detail.setText(MessageFormat.format(messages.circular_loadFailed, failure.getMessage()));
            }
        }).start(ui);
    }

    private record Loaded(OrganisationDirectory directory, List<CircularRow> rows) {
    }

    private List<PendingCircularAction> pending() {
        List<PendingCircularAction> pending = new ArrayList<>();
        for (QueuedAction action : sync.actions()) {
            if (action.state().isSettled()) {
                continue;
            }
            switch (action.type()) {
                case CommandTypes.POST_CIRCULAR -> {
                    PostCircular post = sync.payloadOf(action, PostCircular.class);
                    pending.add(new PendingCircularAction(action.type(), post.circularId(), post, action.queuedAt()));
                }
                case CommandTypes.ACKNOWLEDGE_CIRCULAR, CommandTypes.WITHDRAW_CIRCULAR -> pending.add(
                        new PendingCircularAction(action.type(), sync.payloadOf(action, CircularRef.class).circularId(),
                                null, action.queuedAt()));
                default -> {
                    // another area's action
                }
            }
        }
        return pending;
    }

    private void show() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        String selected = selectedRow().map(row -> row.circular().id()).orElse(null);
        List<CircularRow> shown = unreadOnly.getSelection()
                ? rows.stream().filter(row -> row.state().canAcknowledge()).toList() : rows;
        viewer.setInput(shown);
        count.setText(MessageFormat.format(messages.circular_count, rows.size(), CircularRows.unread(rows)));
        count.getParent().layout(true);
        shown.stream().filter(row -> row.circular().id().equals(selected)).findFirst()
                .ifPresent(row -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(row), true));
        showDetail();
    }

    private java.util.Optional<CircularRow> selectedRow() {
        if (viewer == null) {
            return java.util.Optional.empty();
        }
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof CircularRow row ? java.util.Optional.of(row) : java.util.Optional.empty();
    }

    private void showDetail() {
        java.util.Optional<CircularRow> row = selectedRow();
        acknowledge.setEnabled(row.map(r -> r.state().canAcknowledge()).orElse(false));
        withdraw.setEnabled(row.map(CircularRow::canWithdraw).orElse(false));
        detail.setText(row.map(this::describe).orElse(messages.circular_selectHint));
    }

    private String describe(CircularRow row) {
        Circular c = row.circular();
        StringBuilder text = new StringBuilder();
        text.append(c.title()).append("\n\n");
        text.append(MessageFormat.format(messages.circular_detailTo, unitName(c.unitCode()))).append('\n');
        text.append(MessageFormat.format(messages.circular_detailAuthor, nonEmpty(c.authorName()),
                nonEmpty(c.authorUnitName()))).append('\n');
        if (c.postedAt() != null) {
            text.append(MessageFormat.format(messages.circular_detailPosted,
                    dates.moment(c.postedAt(), sync.officeZone(), sync.officeToday()))).append('\n');
        }
        text.append(MessageFormat.format(messages.circular_detailState, stateText(row.state()))).append("\n\n");
        text.append(c.body()).append("\n\n");
        String who = c.acknowledgements().stream().map(a -> nonEmpty(a.name())).collect(Collectors.joining("、"));
        text.append(MessageFormat.format(messages.circular_detailAcknowledged, c.acknowledgements().size(),
                who.isEmpty() ? "—" : who));
        return text.toString();
    }

    private void act(String commandType) {
        selectedRow().ifPresent(row -> enqueue(commandType, new CircularRef(row.circular().id()), null));
    }

    private void write() {
        write(null);
    }

    /** Opens 新規回覧 (again with the text of {@code draft} when queuing it failed). */
    private void write(PostCircular draft) {
        java.util.Optional<Session> session = client.session().or(sync::session);
        if (session.isEmpty() || directory == null) {
            return;
        }
        NewCircularDialog dialog = new NewCircularDialog(viewer.getControl().getShell(), messages, directory,
                session.get().user(), sync.officeToday(), draft);
        if (dialog.open() == Window.OK) {
            enqueue(CommandTypes.POST_CIRCULAR, dialog.circular(), dialog.circular());
        }
    }

    /**
     * Queues the action off the UI thread (the queue is a database on disk). If it cannot be queued the person
     * is told, and a written 回覧 comes back in its dialog instead of being lost.
     */
    private void enqueue(String commandType, Record payload, PostCircular draft) {
        BackgroundCall.named(messages.circular_queueJob, monitor -> sync.enqueue(commandType, payload))
                .onSuccess(queued -> reload())
                .onFailure(failure -> {
                    if (viewer.getControl().isDisposed()) {
                        return;
                    }
                    MessageDialog.openError(viewer.getControl().getShell(), messages.circular_queueFailedTitle,
                            MessageFormat.format(messages.circular_queueFailed, failure.getMessage()));
                    if (draft != null) {
                        write(draft);
                    }
                })
                .start(ui);
    }

    String stateText(CircularState state) {
        return switch (state) {
            case UNREAD -> messages.circular_stateUnread;
            case ACKNOWLEDGE_PENDING -> messages.circular_stateAcknowledgePending;
            case ACKNOWLEDGED -> messages.circular_stateAcknowledged;
            case OWN -> messages.circular_stateOwn;
            case POST_PENDING -> messages.circular_statePostPending;
            case WITHDRAW_PENDING -> messages.circular_stateWithdrawPending;
            case WITHDRAWN -> messages.circular_stateWithdrawn;
        };
    }

    private String unitName(String code) {
        return directory == null ? code : directory.unit(code).map(u -> directory.unitDisplayName(code)).orElse(code);
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    @Inject
    @Optional
    void replicaChanged(@UIEventTopic(SyncTopics.REPLICA_CHANGED) Set<String> types) {
        if (viewer != null && !viewer.getControl().isDisposed()
                && (types.isEmpty() || types.contains(EntityTypes.CIRCULAR) || types.contains(EntityTypes.UNIT))) {
            reload();
        }
    }

    @Inject
    @Optional
    void actionChanged(@UIEventTopic(SyncTopics.ACTION) QueuedAction action) {
        if (viewer != null && !viewer.getControl().isDisposed() && action.type().startsWith("circular.")) {
            reload();
        }
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object event) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            reload();
        }
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }
}
