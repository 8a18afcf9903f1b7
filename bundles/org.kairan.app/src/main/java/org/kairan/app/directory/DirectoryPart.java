package org.kairan.app.directory;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.admin.AccountActions;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.ViewerColumns;
import org.kairan.ui.DateDisplay;
import org.kairan.ui.DayPicker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The organisation directory: a tree of 部局/部/課/係 with the people posted in each, a search box that
 * narrows it by 氏名, かな or 職員番号 as you type (locally, no server round trip), and the selected
 * person or unit on the right. Loaded from the server in a job when the part opens and after each login.
 * The 基準日 (today unless the user picks another day) decides who is posted where: the tree, the count
 * and the detail panel show the organisation as it is, was or will be on that day.
 */
public final class DirectoryPart {

    private static final int SEARCH_DELAY_MS = 200;

    private final KairanServerClient client;
    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final ErrorTexts errors;
    private final DateDisplay dates = new DateDisplay(Locale.getDefault());

    private Text search;
    private Label count;
    private Label asOfLabel;
    private DateTime asOfPicker;
    private Button today;
    /** The 基準日 the tree is built for; null means today (following the clock past midnight). */
    private LocalDate chosenDay;
    private Label status;
    private TreeViewer viewer;
    private DirectoryDetail detail;
    private OrganisationDirectory directory;
    private DirectoryTreeModel model;
    private Job loading;
    private Session shownFor;
    private final Runnable applySearch = this::applySearch;
    private static final Set<String> DIRECTORY_TYPES = Set.of(EntityTypes.POSITION, EntityTypes.UNIT, EntityTypes.STAFF,
            EntityTypes.ASSIGNMENT);

    @Inject
    public DirectoryPart(KairanServerClient client, SyncService sync, UISynchronize ui,
            @Translation Messages messages) {
        this.client = client;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.errors = new ErrorTexts(messages);
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(1).spacing(0, 0).applyTo(parent);

        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(6).margins(8, 6).applyTo(bar);
        search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        search.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_SEARCH);
        search.setMessage(messages.directory_search);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(search);
        search.addModifyListener(e -> {
            search.getDisplay().timerExec(-1, applySearch);
            search.getDisplay().timerExec(SEARCH_DELAY_MS, applySearch);
        });
        count = new Label(bar, SWT.NONE);
        count.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_COUNT);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(180, SWT.DEFAULT).applyTo(count);
        createAsOf(bar);
        Button reload = new Button(bar, SWT.PUSH);
        reload.setText(messages.directory_reload);
        reload.setToolTipText(messages.directory_reloadTooltip);
        reload.addListener(SWT.Selection, e -> sync.requestSync());

        status = new Label(parent, SWT.WRAP);
        status.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_STATUS);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(status);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTree(sash);
        detail = new DirectoryDetail(sash, messages, dates, new AccountActions(client, ui, messages));
        sash.setWeights(62, 38);
        load();
    }

    /** The 基準日: its 和暦 text, a date picker and 「今日」. */
    private void createAsOf(Composite bar) {
        asOfLabel = new Label(bar, SWT.NONE);
        asOfLabel.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_AS_OF_LABEL);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(asOfLabel);
        asOfPicker = DayPicker.create(bar, sync.officeToday());
        asOfPicker.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_AS_OF);
        asOfPicker.setToolTipText(messages.directory_asOfTooltip);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(asOfPicker);
        asOfPicker.addListener(SWT.Selection, e -> dayPicked());
        asOfPicker.addListener(SWT.DefaultSelection, e -> dayPicked());
        today = new Button(bar, SWT.PUSH);
        today.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_TODAY);
        today.setText(messages.directory_today);
        today.setToolTipText(messages.directory_todayTooltip);
        today.addListener(SWT.Selection, e -> showDay(null));
        showAsOf();
    }

    /** The day the tree is built for. */
    private LocalDate day() {
        return chosenDay == null ? sync.officeToday() : chosenDay;
    }

    private void dayPicked() {
        LocalDate picked = DayPicker.dayOf(asOfPicker);
        showDay(picked.equals(sync.officeToday()) ? null : picked);
    }

    /** Shows the organisation on {@code day} (null: today), keeping the search. */
    private void showDay(LocalDate day) {
        chosenDay = day;
        showAsOf();
        if (model == null || !model.day().equals(day())) {
            applySearch();
        }
    }

    /** Puts the 基準日 into the label (和暦) and the picker; 「今日」 is enabled when another day is shown. */
    private void showAsOf() {
        LocalDate day = day();
        asOfLabel.setText(MessageFormat.format(messages.directory_asOf, dates.withWeekday(day)));
        if (!DayPicker.dayOf(asOfPicker).equals(day)) {
            DayPicker.show(asOfPicker, day);
        }
        today.setEnabled(chosenDay != null);
        asOfLabel.getParent().layout(true);
    }

    private void createTree(Composite parent) {
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTree().setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_TREE);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(false);
        viewer.setUseHashlookup(true);
        DirectoryLabels labels = new DirectoryLabels(messages);
        column(messages.directory_columnName, 340, labels::name);
        column(messages.directory_columnPosition, 150, labels::position);
        column(messages.directory_columnStaffNo, 90, labels::staffNo);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return model == null ? new Object[0] : model.roots().toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return model.children((DirectoryNode) parentElement).toArray();
            }

            @Override
            public Object getParent(Object element) {
                return model == null ? null : model.parent((DirectoryNode) element);
            }

            @Override
            public boolean hasChildren(Object element) {
                return model != null && model.hasChildren((DirectoryNode) element);
            }
        });
        viewer.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof DirectoryNode node && model != null) {
                detail.show(node, model);
            } else {
                detail.clear();
            }
        });
        viewer.addDoubleClickListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected != null) {
                viewer.setExpandedState(selected, !viewer.getExpandedState(selected));
            }
        });
    }

    private void column(String title, int width, java.util.function.Function<DirectoryNode, String> text) {
        ViewerColumns.add(viewer, DirectoryNode.class, title, width, text);
    }

    /**
     * Reads the directory from the local replica in a job (no network: it works offline); the tree keeps
     * what it shows until the answer arrives. Before the first sync has brought anything it says so.
     */
    void load() {
        if (loading != null) {
            loading.cancel();
        }
        if (client.session().or(sync::session).isEmpty()) {
            return;
        }
        shownFor = client.session().or(sync::session).orElse(null);
        loading = BackgroundCall.named(messages.directory_loadJob,
                monitor -> sync.replica().hasData() ? sync.replica().directory(sync.officeToday()) : null)
                .onSuccess(snapshot -> {
                    if (viewer.getControl().isDisposed()) {
                        return;
                    }
                    if (snapshot == null || snapshot.units().isEmpty()) {
                        showStatus(messages.directory_waitingForSync);
                        return;
                    }
                    directory = new OrganisationDirectory(snapshot);
                    showStatus("");
                    applySearch();
                })
                .onFailure(failure -> {
                    if (!status.isDisposed()) {
                        showStatus(MessageFormat.format(messages.directory_failed,
                                errors.of(failure, client.session().map(Session::server).orElse(null))));
                    }
                })
                .quiet()
                .start(ui);
    }

    private void applySearch() {
        if (search.isDisposed() || directory == null) {
            return;
        }
        String query = search.getText();
        // a sync or a new search keeps what the person selected when it is still there (records compare by value)
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        model = new DirectoryTreeModel(directory, day(), query);
        viewer.getTree().setRedraw(false);
        try {
            viewer.setInput(model);
            if (model.isFiltered()) {
                viewer.expandAll();
            } else {
                viewer.expandToLevel(2);
            }
            if (selected != null) {
                viewer.setSelection(new StructuredSelection(selected), true);
            }
        } finally {
            viewer.getTree().setRedraw(true);
        }
        count.setText(model.isFiltered()
                ? MessageFormat.format(messages.directory_countFiltered, model.staffCount(), model.matchingCount())
                : MessageFormat.format(messages.directory_count, model.staffCount()));
        showStatus(model.isFiltered() && model.matchingCount() == 0
                ? MessageFormat.format(messages.directory_noMatch, query.strip()) : "");
        if (viewer.getSelection().isEmpty()) {
            detail.clear();
        }
    }

    private void showStatus(String text) {
        status.setText(text);
        ((org.eclipse.swt.layout.GridData) status.getLayoutData()).exclude = text.isEmpty();
        status.setVisible(!text.isEmpty());
        status.getParent().layout(true);
    }

    /**
     * Reloads after a new login; empties the tree after a logout. Events may arrive out of order, so the
     * client's current session decides, not the event.
     */
    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object event) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        java.util.Optional<Session> session = client.session().or(sync::session);
        if (session.isPresent()) {
            if (!session.get().equals(shownFor)) {
                load();
            }
        } else {
            directory = null;
            model = null;
            shownFor = null;
            chosenDay = null;
            showAsOf();
            viewer.setInput(null);
            count.setText("");
            detail.clear();
        }
    }

    /** After the organisation was changed from this desktop (a roster import): fetch the change now. */
    @Inject
    @Optional
    void directoryChanged(@UIEventTopic(AppConstants.TOPIC_DIRECTORY_CHANGED) Object event) {
        sync.requestSync();
    }

    /**
     * Shows what a sync brought into the replica; no types means the whole replica, e.g. the one of the person who
     * just logged in was opened. That is what {@link #sessionChanged} cannot wait for: it runs when the session
     * changes, possibly before the sync service has switched to the new person's replica, and would then show
     * nothing (or the previous person's organisation) until the organisation itself changes.
     */
    @Inject
    @Optional
    void replicaChanged(@UIEventTopic(SyncTopics.REPLICA_CHANGED) Set<String> types) {
        if (viewer != null && !viewer.getControl().isDisposed() && (types.isEmpty()
                || !java.util.Collections.disjoint(types, DIRECTORY_TYPES))) {
            load();
        }
    }

    /** Puts the cursor in the search box (Ctrl+F). */
    public void focusSearch() {
        search.setFocus();
        search.selectAll();
    }

    @Focus
    void focus() {
        search.setFocus();
    }

    @PreDestroy
    void dispose() {
        if (loading != null) {
            loading.cancel();
        }
    }
}
