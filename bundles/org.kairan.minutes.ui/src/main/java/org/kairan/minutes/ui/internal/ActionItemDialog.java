package org.kairan.minutes.ui.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.DayPicker;

/** 対応事項にする: what is to be done (the utterance's words to start from), 担当者 and 期限. */
final class ActionItemDialog extends org.kairan.ui.TitledDialog {

    /** What the dialog gives. */
    record ActionChoice(String text, Attendee assignee, LocalDate due) {
    }

    private final Messages messages;
    private final String initialText;
    private final List<Attendee> attendees;
    private final Function<String, List<StaffMember>> directory;
    private final LocalDate today;
    private Text text;
    private PersonPicker assignee;
    private Button hasDue;
    private DateTime due;
    private ActionChoice result;

    ActionItemDialog(Shell parent, Messages messages, String initialText, List<Attendee> attendees,
            Function<String, List<StaffMember>> directory, LocalDate today) {
        super(parent, messages.minutes_actionTitle);
        this.messages = messages;
        this.initialText = initialText;
        this.attendees = attendees;
        this.directory = directory;
        this.today = today;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.minutes_actionTitle);
        setMessage(messages.minutes_actionMessage);
        Composite page = page(area, 2);
        Label what = new Label(page, SWT.NONE);
        what.setText(messages.minutes_action_text);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(what);
        text = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        text.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_ACTION_TEXT);
        text.setText(initialText);
        GridDataFactory.fillDefaults().grab(true, true).hint(440, 80).applyTo(text);
        assignee = PersonPicker.row(page, messages.minutes_action_assignee, MinutesUiConstants.ID_ACTION_ASSIGNEE,
                attendees, directory, SWT.DEFAULT);
        hasDue = new Button(page, SWT.CHECK);
        hasDue.setText(messages.minutes_action_due);
        hasDue.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_ACTION_HAS_DUE);
        hasDue.setSelection(true);
        due = DayPicker.create(page, today.plusWeeks(2));
        due.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_ACTION_DUE);
        hasDue.addListener(SWT.Selection, e -> due.setEnabled(hasDue.getSelection()));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.minutes_ok, messages.minutes_cancel);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            if (text.getText().isBlank()) {
                setErrorMessage(messages.minutes_action_noText);
                return;
            }
            Optional<Attendee> who = assignee.chosen();
            if (who.isEmpty() && !assignee.text().isEmpty()) {
                setErrorMessage(MessageFormat.format(messages.minutes_personUnknown, assignee.text()));
                return;
            }
            result = new ActionChoice(text.getText().strip(), who.orElse(null),
                    hasDue.getSelection() ? DayPicker.dayOf(due) : null);
        }
        super.buttonPressed(buttonId);
    }

    Optional<ActionChoice> result() {
        return Optional.ofNullable(result);
    }
}
