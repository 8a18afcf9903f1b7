package org.kairan.minutes.ui.internal;



import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.core.minutes.ActionItem;
import org.kairan.core.minutes.Decision;
import org.kairan.core.minutes.Minutes;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;

/**
 * What the meeting came to: 決定事項 and 今後の対応 (内容, 担当者, 期限) as marked from utterances, each removable; and
 * the 要旨, written or drafted from the minutes (「要旨の下書き」). A double-click on a mark selects the utterance it came
 * from.
 */
final class MarksPanel {

    /** What the panel asks of the editor. */
    interface Edits {
        void unmark(String markId);

        void summaryChanged(String summary);

        void showUtterance(String utteranceId);

        /** 要旨の下書き: the editor drafts the 要旨 from the minutes (asking before it replaces one written). */
        void draftSummary();
    }

    private final MinutesTexts texts;
    private final Table decisions;
    private final Table actions;
    private final Button removeDecision;
    private final Button removeAction;
    private final Text summary;
    private final Button draft;
    private boolean filling;
    private boolean editable = true;

    MarksPanel(Composite parent, Messages messages, MinutesTexts texts, Edits edits) {
        this.texts = texts;
        Composite panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(false).margins(0, 4).spacing(8, 2).applyTo(panel);

        Composite decided = column(panel, 28);
        heading(decided, messages.minutes_decisions);
        removeDecision = remove(decided, messages.minutes_removeDecision, MinutesUiConstants.ID_REMOVE_DECISION);
        decisions = table(decided, MinutesUiConstants.ID_DECISIONS);
        decisions.setHeaderVisible(false); // one column: the heading above says what it is
        showWholeText(decisions);
        column(decisions, messages.minutes_col_decision, 600);

        Composite todo = column(panel, 50);
        heading(todo, messages.minutes_actions);
        removeAction = remove(todo, messages.minutes_removeAction, MinutesUiConstants.ID_REMOVE_ACTION);
        actions = table(todo, MinutesUiConstants.ID_ACTIONS);
        showWholeText(actions);
        column(actions, messages.minutes_col_action, 200);
        column(actions, messages.minutes_col_assignee, 85);
        column(actions, messages.minutes_col_due, 125);

        Composite summed = column(panel, 22);
        heading(summed, messages.minutes_summary);
        draft = remove(summed, messages.minutes_draftSummary, MinutesUiConstants.ID_DRAFT_SUMMARY);
        draft.setToolTipText(messages.minutes_draftSummary_tooltip);
        draft.addListener(SWT.Selection, e -> edits.draftSummary());
        summary = new Text(summed, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        summary.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_SUMMARY);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(100, 60).applyTo(summary);
        summary.addListener(SWT.Modify, e -> {
            if (!filling) {
                edits.summaryChanged(summary.getText());
            }
        });

        removeDecision.addListener(SWT.Selection, e -> selectedId(decisions).ifPresent(edits::unmark));
        removeAction.addListener(SWT.Selection, e -> selectedId(actions).ifPresent(edits::unmark));
        decisions.addListener(SWT.Selection, e -> enable());
        actions.addListener(SWT.Selection, e -> enable());
        decisions.addListener(SWT.DefaultSelection, e -> selectedItem(decisions)
                .ifPresent(i -> edits.showUtterance(((Decision) i.getData()).utteranceId())));
        actions.addListener(SWT.DefaultSelection, e -> selectedItem(actions)
                .ifPresent(i -> edits.showUtterance(((ActionItem) i.getData()).utteranceId())));
        enable();
    }

    /** One of the three columns, {@code percent} of the width (by width hints on an equal footing). */
    private static Composite column(Composite panel, int percent) {
        Composite c = new Composite(panel, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 2).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).hint(percent * 10, SWT.DEFAULT).applyTo(c);
        return c;
    }

    private static Label heading(Composite panel, String text) {
        Label label = new Label(panel, SWT.NONE);
        label.setText(text);
        label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.BEGINNING, SWT.END).applyTo(label);
        return label;
    }

    private static Button remove(Composite panel, String text, String id) {
        Button b = new Button(panel, SWT.PUSH);
        b.setText(text);
        b.setData(MinutesUiConstants.WIDGET_ID, id);
        return b;
    }

    private static Table table(Composite panel, String id) {
        Table t = new Table(panel, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        t.setData(MinutesUiConstants.WIDGET_ID, id);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(100, 60).applyTo(t);
        return t;
    }

    /** The whole text of a cell the column cuts short, as the tooltip of the cell under the pointer. */
    private static void showWholeText(Table table) {
        table.addListener(SWT.MouseHover, e -> {
            TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            table.setToolTipText(item == null ? null : item.getText(0));
        });
    }

    private static void column(Table table, String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    private static java.util.Optional<TableItem> selectedItem(Table table) {
        int at = table.getSelectionIndex();
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(table.getItem(at));
    }

    private static java.util.Optional<String> selectedId(Table table) {
        return selectedItem(table).map(i -> i.getData() instanceof Decision d ? d.id() : ((ActionItem) i.getData()).id());
    }

    void show(Minutes minutes) {
        // the minutes are shown again after every sync: a mark chosen to be removed stays chosen
        java.util.Optional<String> decision = selectedId(decisions);
        java.util.Optional<String> action = selectedId(actions);
        decisions.removeAll();
        for (Decision d : minutes.decisions()) {
            TableItem item = new TableItem(decisions, SWT.NONE);
            item.setText(d.text());
            item.setData(d);
            if (decision.filter(d.id()::equals).isPresent()) {
                decisions.setSelection(item);
            }
        }
        actions.removeAll();
        for (ActionItem a : minutes.actionItems()) {
            TableItem item = new TableItem(actions, SWT.NONE);
            item.setText(new String[] { a.text(), a.assignee() == null ? "" : a.assignee().name(), texts.day(a.due()) });
            item.setData(a);
            if (action.filter(a.id()::equals).isPresent()) {
                actions.setSelection(item);
            }
        }
        if (!summary.getText().equals(minutes.summary())) {
            filling = true;
            try {
                summary.setText(minutes.summary());
            } finally {
                filling = false;
            }
        }
        enable();
    }

    void clear() {
        decisions.removeAll();
        actions.removeAll();
        filling = true;
        try {
            summary.setText("");
        } finally {
            filling = false;
        }
        enable();
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        summary.setEditable(editable);
        enable();
    }

    private void enable() {
        removeDecision.setEnabled(editable && decisions.getSelectionIndex() >= 0);
        removeAction.setEnabled(editable && actions.getSelectionIndex() >= 0);
        draft.setEnabled(editable);
    }

}
