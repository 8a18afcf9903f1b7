package org.kairan.minutes.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.organisation.NameMatcher;
import org.kairan.core.organisation.StaffMember;

/**
 * A person chosen by typing part of their 氏名 or かな: an editable Combo whose list is the meeting's attendees that
 * match, then the directory's staff that match (from the replica, so it works offline).
 */
final class PersonPicker {

    private final Combo combo;
    private final Function<String, List<StaffMember>> directory;
    private final List<Attendee> attendees;
    private final List<Attendee> offered = new ArrayList<>();
    private boolean filling;

    PersonPicker(Composite parent, String widgetId, List<Attendee> attendees,
            Function<String, List<StaffMember>> directory) {
        this.directory = directory;
        this.attendees = List.copyOf(attendees);
        combo = new Combo(parent, SWT.DROP_DOWN);
        combo.setData(org.kairan.minutes.ui.MinutesUiConstants.WIDGET_ID, widgetId);
        combo.setVisibleItemCount(12);
        combo.addListener(SWT.Modify, e -> {
            if (!filling && combo.getSelectionIndex() < 0) {
                offer(combo.getText());
            }
        });
        offer("");
    }

    /**
     * A person row of a dialog's grid: {@code label}, then the picker, growing with the dialog ({@code width}: its width
     * hint, or {@code SWT.DEFAULT}).
     */
    static PersonPicker row(Composite grid, String label, String widgetId, List<Attendee> attendees,
            Function<String, List<StaffMember>> directory, int width) {
        new Label(grid, SWT.NONE).setText(label);
        PersonPicker picker = new PersonPicker(grid, widgetId, attendees, directory);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(picker.control());
        return picker;
    }

    Combo control() {
        return combo;
    }

    /** Shows a person as chosen. */
    void set(Attendee person) {
        filling = true;
        try {
            combo.setText(person == null ? "" : person.name());
        } finally {
            filling = false;
        }
        if (person != null) {
            offer(person.name());
            int at = offered.indexOf(person);
            if (at >= 0) {
                combo.select(at);
            }
        }
    }

    private void offer(String typed) {
        offered.clear();
        String query = typed.strip();
        String wanted = NameMatcher.normalise(query);
        for (Attendee a : attendees) {
            if (query.isEmpty() || NameMatcher.normalise(a.name()).contains(wanted)) {
                offered.add(a);
            }
        }
        if (!query.isEmpty()) {
            for (StaffMember m : directory.apply(query)) {
                Attendee a = new Attendee(m.staffNo(), m.name());
                if (!offered.contains(a) && offered.size() < 30) {
                    offered.add(a);
                }
            }
        }
        List<String> items = new ArrayList<>();
        for (Attendee a : offered) {
            items.add(a.isStaff() ? describe(a) : a.name());
        }
        filling = true;
        try {
            combo.setItems(items.toArray(String[]::new));
            combo.setText(typed);
            combo.setSelection(new Point(typed.length(), typed.length()));
        } finally {
            filling = false;
        }
    }

    private String describe(Attendee a) {
        return directory.apply(a.staffNo()).stream().filter(m -> m.staffNo().equals(a.staffNo())).findFirst()
                .map(MinutesTexts::person).orElse(a.name());
    }

    /**
     * The person chosen: the list's selected line, else the one attendee or member of staff the text names; empty
     * when the text is blank or names nobody or several.
     */
    Optional<Attendee> chosen() {
        int at = combo.getSelectionIndex();
        if (at >= 0 && at < offered.size()) {
            return Optional.of(offered.get(at));
        }
        String typed = combo.getText().strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItem(i).equals(typed) && i < offered.size()) {
                return Optional.of(offered.get(i));
            }
        }
        offer(typed);
        return offered.size() == 1 ? Optional.of(offered.getFirst()) : Optional.empty();
    }

    /** What was typed. */
    String text() {
        return combo.getText().strip();
    }
}
