package org.kairan.search.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.kairan.search.SearchService;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.BackgroundCall;

/**
 * The search box with suggestions as one types: a moment after the last keystroke the index is asked (in a
 * job) for title words starting with the word being typed, and a list opens under the box — first the text
 * as typed, then its completions. An answer that comes after the text changed again is dropped. Enter
 * searches for the line chosen in the list (the text as typed unless one arrowed down), or for the text
 * when the list is closed; Down with the list closed moves to the hits; Ctrl+Space opens the list.
 */
final class SearchBox {

    static final int SUGGEST_DELAY_MS = 250;
    static final int MAX_SUGGESTIONS = 8;

    private final Text text;
    private final ContentProposalAdapter adapter;
    private final SearchService service;
    private final UISynchronize ui;
    private final SearchTexts texts;
    private final Runnable onSearch;
    private final Runnable fetch = this::fetch;
    /** The index's last answer, for the word it was asked about. */
    private List<String> suggested = List.of();
    private long asked;
    private boolean quiet;

    SearchBox(Composite parent, SearchService service, UISynchronize ui, SearchTexts texts, Runnable onSearch,
            Runnable onDown) {
        this.service = service;
        this.ui = ui;
        this.texts = texts;
        this.onSearch = onSearch;
        text = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        text.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_BOX);
        text.setMessage(texts.messages().search_box_hint);
        text.setToolTipText(texts.messages().search_box_tooltip);
        adapter = new ContentProposalAdapter(text, new TextContentAdapter(), (contents, position) -> proposals(contents),
                KeyStroke.getInstance(SWT.CTRL, ' '), new char[0]);
        adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
        adapter.setFilterStyle(ContentProposalAdapter.FILTER_NONE);
        adapter.setPropagateKeys(true);
        adapter.addContentProposalListener((IContentProposal accepted) -> search());
        text.addListener(SWT.Modify, e -> {
            if (!quiet) {
                text.getDisplay().timerExec(-1, fetch);
                text.getDisplay().timerExec(SUGGEST_DELAY_MS, fetch);
            }
        });
        text.addListener(SWT.DefaultSelection, e -> {
            if (!adapter.isProposalPopupOpen()) {
                search();
            }
        });
        text.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN && !adapter.isProposalPopupOpen()) {
                e.doit = false;
                onDown.run();
            }
        });
        text.addListener(SWT.Dispose, e -> text.getDisplay().timerExec(-1, fetch));
    }

    Text control() {
        return text;
    }

    String text() {
        return text.getText();
    }

    /** Puts text into the box without offering suggestions (a saved search being run). */
    void setText(String value) {
        quiet = true;
        try {
            text.setText(value);
        } finally {
            quiet = false;
        }
        forgetSuggestions();
    }

    void focus() {
        text.setFocus();
        text.selectAll();
    }

    private void search() {
        forgetSuggestions();
        onSearch.run();
    }

    /** Drops the suggestions and any answer still to come. */
    private void forgetSuggestions() {
        asked++;
        text.getDisplay().timerExec(-1, fetch);
        suggested = List.of();
        if (adapter.isProposalPopupOpen()) {
            adapter.closeProposalPopup();
        }
    }

    private IContentProposal[] proposals(String contents) {
        List<String> offers = Suggestions.offers(contents, suggested);
        if (offers.size() < 2) {
            return new IContentProposal[0]; // the text alone is no suggestion: the list stays closed
        }
        return offers.stream().map(o -> new ContentProposal(o, o, null)).toArray(IContentProposal[]::new);
    }

    /** As high as its lines (JFace's default is a fixed, much taller box), at most as wide as the box. */
    private Point popupSize(int lines) {
        GC gc = new GC(text);
        try {
            int line = gc.textExtent("件名Ag").y + 8;
            return new Point(Math.max(240, Math.min(text.getSize().x, 480)), lines * line + 8);
        } finally {
            gc.dispose();
        }
    }

    /** Asks the index about the word being typed, in a job; shows the answer if it still applies. */
    private void fetch() {
        if (text.isDisposed()) {
            return;
        }
        String word = Suggestions.wordBeingTyped(text.getText());
        long question = ++asked;
        if (word.isBlank()) {
            suggested = List.of();
            if (adapter.isProposalPopupOpen()) {
                adapter.closeProposalPopup();
            }
            return;
        }
        BackgroundCall.named(texts.messages().search_suggestJob, monitor -> service.suggest(word, MAX_SUGGESTIONS))
                .quiet().onSuccess(words -> {
                    if (question != asked || text.isDisposed() || !word.equals(Suggestions.wordBeingTyped(text.getText()))) {
                        return; // the person typed on, or searched, meanwhile
                    }
                    int before = proposals(text.getText()).length;
                    suggested = words;
                    int lines = proposals(text.getText()).length;
                    if (adapter.isProposalPopupOpen() && (lines == 0 || lines != before)) {
                        adapter.closeProposalPopup(); // reopened below at its new height
                    }
                    if (adapter.isProposalPopupOpen()) {
                        adapter.refresh();
                    } else if (lines > 0 && text.isFocusControl()) {
                        adapter.setPopupSize(popupSize(lines));
                        adapter.openProposalPopup();
                    }
                }).start(ui);
    }
}
