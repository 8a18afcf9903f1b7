package org.kairan.minutes.ui.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.DayPicker;
import org.kairan.ui.TitledDialog;

/**
 * The head of a 会議録: 会議名, 日時 (a day, 開始 and 終了), 場所, 出席者 (members of staff found by 氏名 or かな, or
 * guests by name) and 議題 (one a line). Refuses an empty 会議名 and times that are not times, in words.
 */
final class HeaderDialog extends TitledDialog {

    private final Messages messages;
    private final MinutesTexts texts;
    private final MeetingHeader initial;
    private final Function<String, List<StaffMember>> directory;
    private final List<Attendee> attendees = new ArrayList<>();
    private Text title;
    private DateTime day;
    private Text start;
    private Text end;
    private Text place;
    private PersonPicker person;
    private org.eclipse.swt.widgets.List attendeeList;
    private Text agenda;
    private MeetingHeader result;

    HeaderDialog(Shell parent, Messages messages, MinutesTexts texts, MeetingHeader initial,
            Function<String, List<StaffMember>> directory) {
        super(parent, messages.minutes_headerTitle);
        this.messages = messages;
        this.texts = texts;
        this.initial = initial;
        this.directory = directory;
        attendees.addAll(initial.attendees());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.minutes_headerTitle);
        setMessage(messages.minutes_headerMessage);
        Composite page = page(area, 2);
        title = field(page, messages.minutes_header_title, MinutesUiConstants.ID_HEADER_TITLE, initial.title());
        new Label(page, SWT.NONE).setText(messages.minutes_header_when);
        Composite when = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(when);
        day = DayPicker.create(when, initial.startsAt().toLocalDate());
        day.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_HEADER_DATE);
        start = time(when, MinutesUiConstants.ID_HEADER_START, initial.startsAt().toLocalTime());
        new Label(when, SWT.NONE).setText("～");
        end = time(when, MinutesUiConstants.ID_HEADER_END,
                initial.endsAt() == null ? null : initial.endsAt().toLocalTime());
        place = field(page, messages.minutes_header_place, MinutesUiConstants.ID_HEADER_PLACE, initial.place());

        Label who = new Label(page, SWT.NONE);
        who.setText(messages.minutes_header_attendees);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(who);
        Composite people = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(people);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(people);
        person = new PersonPicker(people, MinutesUiConstants.ID_HEADER_PERSON, List.of(), directory);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(person.control());
        Button add = new Button(people, SWT.PUSH);
        add.setText(messages.minutes_header_add);
        add.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_HEADER_ADD);
        add.addListener(SWT.Selection, e -> addPerson());
        Button remove = new Button(people, SWT.PUSH);
        remove.setText(messages.minutes_header_remove);
        remove.addListener(SWT.Selection, e -> removePeople());
        attendeeList = new org.eclipse.swt.widgets.List(people, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        attendeeList.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_HEADER_ATTENDEES);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(SWT.DEFAULT, 110).applyTo(attendeeList);
        fillAttendees();

        Label what = new Label(page, SWT.NONE);
        what.setText(messages.minutes_header_agenda);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(what);
        agenda = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        agenda.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_HEADER_AGENDA);
        agenda.setText(String.join("\n", initial.agenda()));
        GridDataFactory.fillDefaults().grab(true, false).hint(460, 70).applyTo(agenda);
        return area;
    }

    private static Text field(Composite page, String label, String id, String value) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(MinutesUiConstants.WIDGET_ID, id);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private static Text time(Composite parent, String id, LocalTime value) {
        Text text = new Text(parent, SWT.BORDER | SWT.CENTER);
        text.setData(MinutesUiConstants.WIDGET_ID, id);
        text.setText(value == null ? "" : MinutesTexts.time(value));
        GridDataFactory.swtDefaults().hint(56, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private void addPerson() {
        String typed = person.text();
        if (typed.isEmpty()) {
            return;
        }
        Attendee chosen = person.chosen().orElseGet(() -> Attendee.guest(typed)); // nobody of the city: a guest
        if (!attendees.contains(chosen)) {
            attendees.add(chosen);
        }
        person.set(null);
        fillAttendees();
    }

    private void removePeople() {
        int[] selected = attendeeList.getSelectionIndices();
        for (int i = selected.length - 1; i >= 0; i--) {
            attendees.remove(selected[i]);
        }
        fillAttendees();
    }

    private void fillAttendees() {
        attendeeList.setItems(attendees.stream().map(texts::attendee).toArray(String[]::new));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.minutes_ok, messages.minutes_cancel);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            Optional<MeetingHeader> header = read();
            if (header.isEmpty()) {
                return;
            }
            result = header.get();
        }
        super.buttonPressed(buttonId);
    }

    private Optional<MeetingHeader> read() {
        if (title.getText().isBlank()) {
            setErrorMessage(messages.minutes_header_noTitle);
            return Optional.empty();
        }
        LocalTime from = MinutesTexts.parseTime(start.getText());
        LocalTime to = end.getText().isBlank() ? null : MinutesTexts.parseTime(end.getText());
        if (from == null || (!end.getText().isBlank() && to == null)) {
            setErrorMessage(messages.minutes_header_badTime);
            return Optional.empty();
        }
        LocalDate date = DayPicker.dayOf(day);
        LocalDateTime startsAt = date.atTime(from);
        LocalDateTime endsAt = to == null ? null : date.atTime(to);
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            endsAt = endsAt.plusDays(1); // a meeting past midnight
        }
        if (!person.text().isEmpty()) {
            addPerson(); // typed but not added: meant to be
        }
        List<String> items = agenda.getText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return Optional.of(new MeetingHeader(title.getText().strip(), startsAt, endsAt, place.getText().strip(),
                attendees, items));
    }

    /** The head as accepted; empty when cancelled. */
    Optional<MeetingHeader> result() {
        return Optional.ofNullable(result);
    }
}
