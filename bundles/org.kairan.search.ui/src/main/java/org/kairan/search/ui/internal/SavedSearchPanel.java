package org.kairan.search.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.search.SavedSearch;
import org.kairan.search.ui.SearchUiConstants;

/**
 * 保存した検索: the person's saved searches by name; Enter, a double-click or 「実行」 runs one, Delete or
 * 「削除」 deletes it (the view asks first).
 */
final class SavedSearchPanel {

    private final org.eclipse.swt.widgets.List list;
    private final Button run;
    private final Button delete;
    private List<SavedSearch> searches = List.of();

    SavedSearchPanel(Composite parent, SearchTexts texts, Consumer<SavedSearch> onRun, Consumer<SavedSearch> onDelete) {
        var m = texts.messages();
        Composite panel = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(panel);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 6).spacing(4, 3).applyTo(panel);
        Label label = new Label(panel, SWT.NONE);
        label.setText(m.search_saved_label);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(label);
        list = new org.eclipse.swt.widgets.List(panel, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
        list.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SAVED);
        list.setToolTipText(m.search_saved_tooltip);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, list.getItemHeight() * 4 + 4).applyTo(list);
        run = new Button(panel, SWT.PUSH);
        run.setText(m.search_saved_run);
        run.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SAVED_RUN);
        delete = new Button(panel, SWT.PUSH);
        delete.setText(m.search_saved_delete);
        delete.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SAVED_DELETE);
        run.addListener(SWT.Selection, e -> selected().ifPresent(onRun));
        delete.addListener(SWT.Selection, e -> selected().ifPresent(onDelete));
        list.addListener(SWT.DefaultSelection, e -> selected().ifPresent(onRun));
        list.addListener(SWT.Selection, e -> enable());
        list.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL) {
                selected().ifPresent(onDelete);
                e.doit = false;
            }
        });
        enable();
    }

    /** Shows the saved searches in the order saved, keeping the selected name selected. */
    void show(List<SavedSearch> next) {
        String was = selected().map(SavedSearch::name).orElse(null);
        searches = List.copyOf(next);
        list.setItems(searches.stream().map(SavedSearch::name).toArray(String[]::new));
        for (int i = 0; i < searches.size(); i++) {
            if (searches.get(i).name().equals(was)) {
                list.setSelection(i);
            }
        }
        enable();
    }

    List<SavedSearch> searches() {
        return searches;
    }

    Optional<SavedSearch> selected() {
        int index = list.isDisposed() ? -1 : list.getSelectionIndex();
        return index >= 0 && index < searches.size() ? Optional.of(searches.get(index)) : Optional.empty();
    }

    private void enable() {
        boolean any = list.getSelectionIndex() >= 0;
        run.setEnabled(any);
        delete.setEnabled(any);
    }
}
