package org.kairan.minutes.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;

/**
 * The utterances: 時刻 (in the recording), 話者 (the person the label was mapped to, else the label) and 発言. The
 * selected utterance's text is edited in place, in a field over its 発言 cell; a correction is handed on when the field
 * is left, Enter is pressed or another row is chosen. 分割 cuts at that field's caret. While the recording plays, the
 * utterance being heard is marked (▶ and a background).
 */
final class UtteranceTable {

    /** Before the 時刻 of the utterance being heard. */
    static final String HEARD_MARK = "▶ ";

    private final Table table;
    private final TableEditor editor;
    private final BiConsumer<String, String> corrected;
    private Text field;
    private String fieldUtterance;
    private boolean editable = true;
    private boolean committing;
    private String lastText;
    /** The utterance being heard while the recording plays, or null. */
    private String heard;

    /** @param corrected (utterance id, new text) when an utterance's text was changed in place */
    UtteranceTable(Composite parent, Messages messages, BiConsumer<String, String> corrected) {
        this.corrected = corrected;
        table = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_UTTERANCES);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(messages.minutes_col_time, 70);
        column(messages.minutes_col_speaker, 110);
        column(messages.minutes_col_text, 560);
        editor = new TableEditor(table);
        editor.grabHorizontal = true;
        editor.minimumHeight = 0;
        table.addListener(SWT.Selection, e -> placeField());
    }

    private void column(String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    Table control() {
        return table;
    }

    /**
     * Shows the minutes' utterances, keeping the selected one (by id). Rows are rewritten in place, so the view does
     * not move (GTK's top index can be stale just after a scroll: it is never restored from a reading of it).
     */
    void show(Minutes minutes) {
        String selected = selected().map(MinutesUtterance::id).orElse(null);
        List<MinutesUtterance> utterances = minutes.utterances();
        int selectedIndex = -1;
        table.setRedraw(false);
        try {
            int i = 0;
            for (MinutesUtterance u : utterances) {
                TableItem item = i < table.getItemCount() ? table.getItem(i) : new TableItem(table, SWT.NONE);
                item.setText(new String[] { time(u), minutes.speakerName(u.speaker()), u.text().replace('\n', ' ') });
                item.setData(u);
                item.setBackground(u.id().equals(heard) ? heardBackground() : null);
                if (u.id().equals(fieldUtterance) && field != null && !field.isDisposed()
                        && !field.getText().equals(u.text())) {
                    field.setText(u.text()); // the minutes are the truth: edits commit before they change
                }
                if (u.id().equals(selected)) {
                    selectedIndex = i;
                }
                i++;
            }
            if (table.getItemCount() > utterances.size()) {
                table.remove(utterances.size(), table.getItemCount() - 1);
            }
            if (selectedIndex < 0) {
                table.deselectAll();
            } else if (table.getSelectionIndex() != selectedIndex) {
                table.setSelection(selectedIndex);
            }
        } finally {
            table.setRedraw(true);
        }
        placeField();
    }

    void clear() {
        disposeField();
        heard = null;
        table.removeAll();
    }

    /** The 時刻 cell: the utterance's time in the recording, marked ▶ while it is being heard. */
    private String time(MinutesUtterance u) {
        return (u.id().equals(heard) ? HEARD_MARK : "") + MinutesTexts.offset(u.start());
    }

    private org.eclipse.swt.graphics.Color heardBackground() {
        return table.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND);
    }

    /**
     * Marks the utterance being heard as the recording plays (empty: none) and scrolls it into view when it is
     * not, without touching the selection or the text being edited.
     */
    void heard(Optional<String> utteranceId) {
        String next = utteranceId.orElse(null);
        if (java.util.Objects.equals(next, heard)) {
            return;
        }
        String before = heard;
        heard = next;
        for (TableItem item : table.getItems()) {
            MinutesUtterance u = (MinutesUtterance) item.getData();
            if (u.id().equals(before) || u.id().equals(next)) {
                item.setText(0, time(u));
                item.setBackground(u.id().equals(next) ? heardBackground() : null);
                if (u.id().equals(next)) {
                    table.showItem(item);
                }
            }
        }
    }

    /** Editing in place allowed (not for minutes sent for 決裁). */
    void setEditable(boolean editable) {
        this.editable = editable;
        placeField();
    }

    Optional<MinutesUtterance> selected() {
        int at = table.getSelectionIndex();
        return at < 0 ? Optional.empty() : Optional.of((MinutesUtterance) table.getItem(at).getData());
    }

    /** Where the caret is in the selected utterance's text, or -1 when it is not being edited. */
    int caret() {
        return field == null || field.isDisposed() ? -1 : field.getCaretPosition();
    }

    /** Selects an utterance by id and shows it. */
    void select(String utteranceId) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (((MinutesUtterance) table.getItem(i).getData()).id().equals(utteranceId)) {
                table.setSelection(i);
                table.showSelection();
                placeField();
                return;
            }
        }
    }

    /** Hands on the text being edited, if it changed (before any other edit of the minutes). */
    void commit() {
        if (committing || field == null || field.isDisposed() || fieldUtterance == null) {
            return;
        }
        String id = fieldUtterance;
        String text = field.getText();
        committing = true;
        try {
            for (TableItem item : table.getItems()) {
                MinutesUtterance u = (MinutesUtterance) item.getData();
                if (u.id().equals(id)) {
                    if (!u.text().equals(text)) {
                        corrected.accept(id, text);
                    }
                    return;
                }
            }
        } finally {
            committing = false;
        }
    }

    private void placeField() {
        Optional<MinutesUtterance> u = selected();
        if (u.isEmpty() || !editable) {
            disposeField();
            return;
        }
        if (field != null && !field.isDisposed() && u.get().id().equals(fieldUtterance)
                && editor.getItem() == table.getItem(table.getSelectionIndex())) {
            if (!field.getText().equals(u.get().text()) && !field.isFocusControl()) {
                field.setText(u.get().text());
            }
            return;
        }
        if (fieldUtterance != null && !u.get().id().equals(fieldUtterance)) {
            String chosen = u.get().id();
            commitLeft(); // the row left: its correction first
            select(chosen);
            return;
        }
        disposeField();
        field = new Text(table, SWT.SINGLE);
        field.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_UTTERANCE_TEXT);
        field.setText(u.get().text());
        fieldUtterance = u.get().id();
        lastText = field.getText();
        field.addListener(SWT.Modify, e -> lastText = field.getText());
        field.addListener(SWT.FocusOut, e -> commit());
        field.addListener(SWT.DefaultSelection, e -> commit());
        field.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_ESCAPE) {
                selected().ifPresent(s -> field.setText(s.text()));
                e.doit = false;
            }
        });
        editor.setEditor(field, table.getItem(table.getSelectionIndex()), 2);
        // just after a scroll GTK may report the row where it was, and the field is first drawn there (over the
        // header): place it again once the scroll has been done, hidden while it moves, and repaint the table
        Text placed = field;
        table.getDisplay().timerExec(120, () -> {
            if (!table.isDisposed() && placed == field && !placed.isDisposed()) {
                placed.setVisible(false);
                editor.layout();
                table.redraw();
                table.update();
                placed.setVisible(true);
            }
        });
    }

    /** Commits the text of the row the field is on, whichever row is selected now. */
    private void commitLeft() {
        String id = fieldUtterance;
        disposeField();
        if (committing || id == null) {
            return;
        }
        // the field is gone; its text was kept in lastText by the Modify listener
        for (TableItem item : table.getItems()) {
            MinutesUtterance u = (MinutesUtterance) item.getData();
            if (u.id().equals(id) && lastText != null && !u.text().equals(lastText)) {
                committing = true;
                try {
                    corrected.accept(id, lastText);
                } finally {
                    committing = false;
                }
                return;
            }
        }
    }

    private void disposeField() {
        Text old = field;
        field = null;
        fieldUtterance = null;
        if (old != null && !old.isDisposed()) {
            editor.setEditor(null, null, 2);
            old.dispose();
        }
    }
}
