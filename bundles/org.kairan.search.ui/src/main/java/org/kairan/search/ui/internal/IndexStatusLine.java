package org.kairan.search.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.kairan.search.IndexState;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.GridVisibility;

/**
 * The index at the foot of the view: 「索引 1,234件」; while it is built (at the first login, after a damaged
 * index was set aside, after 「索引を再構築」) a progress bar and 「索引を作成しています（250 / 1,000件）」; the problem
 * in words when the last run failed; and 「索引を再構築…」.
 */
final class IndexStatusLine {

    private final SearchTexts texts;
    private final Label status;
    private final ProgressBar progress;
    private final Label problem;
    private final Button rebuild;

    IndexStatusLine(Composite parent, SearchTexts texts, Runnable onRebuild) {
        this.texts = texts;
        Composite line = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(line);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(8, 4).spacing(10, 0).applyTo(line);
        status = new Label(line, SWT.NONE);
        status.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_INDEX_STATUS);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(status);
        progress = new ProgressBar(line, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_INDEX_PROGRESS);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(220, SWT.DEFAULT).applyTo(progress);
        problem = new Label(line, SWT.WRAP);
        problem.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_INDEX_PROBLEM);
        problem.setForeground(line.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(problem);
        rebuild = new Button(line, SWT.PUSH);
        rebuild.setText(texts.messages().index_rebuild);
        rebuild.setToolTipText(texts.messages().index_rebuild_tooltip);
        rebuild.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_INDEX_REBUILD);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(rebuild);
        rebuild.addListener(SWT.Selection, e -> onRebuild.run());
    }

    void show(IndexState state, boolean loggedIn) {
        status.setText(texts.index(state, loggedIn));
        visible(progress, state.busy());
        if (state.busy()) {
            progress.setMaximum(Math.max(1, state.total()));
            progress.setSelection(state.done());
        }
        String why = state.problem() == null ? "" : java.text.MessageFormat.format(texts.messages().index_problem,
                state.problem());
        problem.setText(why);
        problem.setToolTipText(why.isEmpty() ? null : why);
        rebuild.setEnabled(loggedIn && !state.busy());
        status.getParent().layout(true);
    }

    private static void visible(Control control, boolean visible) {
        GridVisibility.set(control, visible);
    }
}
