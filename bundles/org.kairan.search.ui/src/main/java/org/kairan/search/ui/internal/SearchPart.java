package org.kairan.search.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.kairan.client.ClientTopics;
import org.kairan.client.Session;
import org.kairan.client.sync.SyncService;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.sync.EntityTypes;
import org.kairan.search.IndexState;
import org.kairan.search.SavedSearch;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchService;
import org.kairan.search.SearchTopics;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.search.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 検索: full-text search over everything the person's desktop holds (決裁 now; documents, 議事録 and chat appear
 * as more 種別 when they are indexed). The search box with suggestions as one types; the hits with their
 * matched words highlighted, 種別, 状態, 課, date (和暦) and page; the count; narrowing by facet and period,
 * each change searching again; 関連度順 or 新しい順; saved searches; the index's state with a progress bar while
 * it is built, and 「索引を再構築」. Searches run in jobs; an answer to an older search is dropped. The hits
 * follow the index: when it has taken in new items the search shown is run again.
 * <p>
 * Keys: Ctrl+K from anywhere in the window comes here; Enter searches; Down moves from the box to the hits,
 * Up from the first hit back; Enter (or a double-click) opens a hit — a 決裁 in the 決裁 tab, selected.
 */
public final class SearchPart {

    /** Hits asked for per search. */
    static final int LIMIT = 200;

    private final SearchService search;
    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final SearchTexts texts;
    private final HitOpener opener;
    private SearchBox box;
    private Combo sort;
    private ResultTable results;
    private Label count;
    private Button open;
    private FacetPanel facets;
    private SavedSearchPanel saved;
    private IndexStatusLine index;
    /** The newest query asked for (its hits shown or coming), or null. */
    private SearchQuery asked;
    private long runs;
    private Job running;
    private String shownFor;

    @Inject
    public SearchPart(SearchService search, SyncService sync, UISynchronize ui, @Translation Messages messages,
            ECommandService commands, EHandlerService handlers) {
        this.search = search;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.texts = new SearchTexts(messages, Locale.getDefault());
        this.opener = new HitOpener(commands, handlers);
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        createBar(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite left = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(left);
        saved = new SavedSearchPanel(left, texts, this::runSaved, this::forget);
        facets = new FacetPanel(left, texts, sync.officeToday(), this::searchAgain);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(facets.control());
        createResults(sash);
        sash.setWeights(21, 79);
        index = new IndexStatusLine(parent, texts, this::rebuild);
        shownFor = user();
        showIndex(search.state());
        clearResults(messages.search_enterWords);
        loadSaved();
    }

    private void createBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(6).margins(8, 6).applyTo(bar);
        new Label(bar, SWT.NONE).setText(messages.search_box_label);
        box = new SearchBox(bar, search, ui, texts, this::searchAgain, this::intoResults);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(420, SWT.DEFAULT)
                .applyTo(box.control());
        Button run = new Button(bar, SWT.PUSH);
        run.setText(messages.search_run);
        run.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_RUN);
        run.addListener(SWT.Selection, e -> searchAgain());
        Label sortLabel = new Label(bar, SWT.NONE);
        sortLabel.setText(messages.search_sort_label);
        GridDataFactory.swtDefaults().indent(12, 0).applyTo(sortLabel);
        sort = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        sort.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SORT);
        for (SearchQuery.Sort order : SearchQuery.Sort.values()) {
            sort.add(texts.sort(order));
        }
        sort.select(SearchQuery.Sort.RELEVANCE.ordinal());
        sort.addListener(SWT.Selection, e -> searchAgain());
        Button save = new Button(bar, SWT.PUSH);
        save.setText(messages.search_save);
        save.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SAVE);
        GridDataFactory.swtDefaults().indent(12, 0).applyTo(save);
        save.addListener(SWT.Selection, e -> save());
    }

    private void createResults(Composite parent) {
        Composite right = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(0, 4).spacing(8, 4).applyTo(right);
        count = new Label(right, SWT.NONE);
        count.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_COUNT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(4, 0).applyTo(count);
        open = new Button(right, SWT.PUSH);
        open.setText(messages.search_open);
        open.setToolTipText(messages.search_openTooltip);
        open.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_OPEN);
        GridDataFactory.swtDefaults().indent(0, 0).applyTo(open);
        open.addListener(SWT.Selection, e -> openSelected());
        results = new ResultTable(right, texts);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(results.control());
        results.control().addListener(SWT.Selection, e -> enableOpen());
        results.control().addListener(SWT.DefaultSelection, e -> openSelected());
        results.control().addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_UP && results.control().getSelectionIndex() <= 0) {
                e.doit = false;
                box.focus();
            }
        });
    }

    // --- searching

    /**
     * Searches with what the box, the facets, the period and the order say now: Enter in the box, a suggestion
     * chosen, 「検索」, a facet or the period changed, another order.
     */
    private void searchAgain() {
        String text = box.text().strip();
        if (text.isEmpty()) {
            clearResults(messages.search_enterWords);
            return;
        }
        start(new SearchQuery(text, facets.filters(), facets.from(), facets.to(), chosenSort(), LIMIT));
    }

    private SearchQuery.Sort chosenSort() {
        return SearchQuery.Sort.values()[Math.max(0, sort.getSelectionIndex())];
    }

    /** Runs the query in a job; only the answer to the newest one is shown. */
    private void start(SearchQuery query) {
        asked = query;
        long run = ++runs;
        if (running != null) {
            running.cancel();
        }
        running = BackgroundCall.named(messages.search_job, monitor -> SearchRun.of(search, query,
                id -> sync.replica().get(EntityTypes.KESSAI, id, Kessai.class))).onSuccess(done -> {
            if (run == runs && !count.isDisposed()) {
                show(done);
            }
        }).onFailure(failure -> {
            if (run == runs && !count.isDisposed()) {
                count.setText(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        }).start(ui);
    }

    private void show(SearchRun run) {
        List<SearchHit> hits = run.results().hits();
        if (!hits.equals(results.hits()) || !run.files().equals(results.files())) {
            results.show(hits, run.files());
        }
        results.control().setData(SearchUiConstants.DATA_QUERY, run.query());
        count.setText(hits.isEmpty() ? messages.search_noHits : texts.count(run.results().total(), hits.size()));
        count.getParent().layout(true);
        facets.show(run.facets());
        enableOpen();
    }

    private void clearResults(String why) {
        runs++;
        if (running != null) {
            running.cancel();
        }
        asked = null;
        results.show(List.of(), Map.of());
        results.control().setData(SearchUiConstants.DATA_QUERY, null);
        count.setText(why);
        facets.show(Map.of());
        enableOpen();
    }

    private void intoResults() {
        if (!results.hits().isEmpty()) {
            results.control().setFocus();
            results.selectFirstIfNone();
        }
    }

    // --- opening a hit

    private void enableOpen() {
        open.setEnabled(results.selected().map(opener::canOpen).orElse(false));
    }

    private void openSelected() {
        results.selected().ifPresent(hit -> {
            if (!opener.open(hit)) {
                MessageDialog.openInformation(shell(), messages.search_error_title,
                        MessageFormat.format(messages.search_cannotOpen, texts.kind(hit.kind())));
            }
        });
    }

    // --- saved searches

    private void loadSaved() {
        BackgroundCall.named(messages.search_savedJob, monitor -> search.savedSearches()).quiet()
                .onSuccess(list -> {
                    if (!count.isDisposed()) {
                        saved.show(list);
                    }
                }).start(ui);
    }

    private void save() {
        String text = box.text().strip();
        if (text.isEmpty()) {
            MessageDialog.openInformation(shell(), messages.search_save_title, messages.search_save_nothing);
            return;
        }
        SaveSearchDialog dialog = new SaveSearchDialog(shell(), texts, text);
        if (dialog.open() != Window.OK) {
            return;
        }
        String name = dialog.name();
        if (saved.searches().stream().anyMatch(s -> s.name().equals(name)) && !ask(messages.search_save_title,
                MessageFormat.format(messages.search_save_replace, name))) {
            return;
        }
        SavedSearch keep = new SavedSearch(name, new SearchQuery(text, facets.filters(), facets.from(), facets.to(),
                chosenSort(), LIMIT));
        BackgroundCall.named(messages.search_savedJob, monitor -> {
            search.save(keep);
            return search.savedSearches();
        }).onSuccess(saved::show).onFailure(this::failed).start(ui);
    }

    private void runSaved(SavedSearch chosen) {
        SearchQuery query = chosen.query();
        box.setText(query.text());
        facets.set(query);
        sort.select(query.sort().ordinal());
        start(new SearchQuery(query.text(), query.filters(), query.from(), query.to(), query.sort(), LIMIT));
    }

    private void forget(SavedSearch chosen) {
        if (!ask(messages.search_saved_deleteTitle, MessageFormat.format(messages.search_saved_confirmDelete, chosen.name()))) {
            return;
        }
        BackgroundCall.named(messages.search_savedJob, monitor -> {
            search.forget(chosen.name());
            return search.savedSearches();
        }).onSuccess(saved::show).onFailure(this::failed).start(ui);
    }

    // --- the index

    private void rebuild() {
        if (ask(messages.index_rebuild_title, messages.index_rebuild_confirm)) {
            search.rebuild();
        }
    }

    private void showIndex(IndexState state) {
        index.show(state, user() != null);
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void indexChanged(@UIEventTopic(SearchTopics.INDEX) IndexState state) {
        if (count == null || count.isDisposed()) {
            return;
        }
        showIndex(state);
        if (!state.busy() && asked != null) {
            start(asked); // the hits follow the index (a new 決裁, a changed state …)
        }
    }

    /** Another person logged in (or nobody is): nothing of the previous person's search stays on screen. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object event) {
        if (count == null || count.isDisposed()) {
            return;
        }
        String now = user();
        if (!Objects.equals(now, shownFor)) {
            shownFor = now;
            box.setText("");
            facets.clear(false);
            clearResults(messages.search_enterWords);
            saved.show(List.of());
        }
        loadSaved();
        showIndex(search.state());
    }

    private String user() {
        return sync.session().map(Session::user).map(u -> u.staffNo()).orElse(null);
    }

    // --- focus and dialogs

    /** Puts the cursor in the search box, its text selected (Ctrl+K). */
    public void focusSearch() {
        box.focus();
    }

    @Focus
    void focus() {
        box.focus();
    }

    private boolean ask(String title, String question) {
        MessageDialog dialog = new MessageDialog(shell(), title, null, question, MessageDialog.QUESTION, 0,
                messages.search_ok, messages.search_cancel);
        return dialog.open() == 0;
    }

    private void failed(Exception failure) {
        if (!count.isDisposed()) {
            MessageDialog dialog = new MessageDialog(shell(), messages.search_error_title, null, failure.getMessage(),
                    MessageDialog.ERROR, 0, messages.search_ok);
            dialog.open();
        }
    }

    private Shell shell() {
        return count.getShell();
    }
}
