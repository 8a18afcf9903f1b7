package org.kairan.minutes.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;

/**
 * 話者の割り当て: each speaker label of the meeting (話者 1, 話者 2 …, in the order they first speak, with how often
 * they speak and their first words) mapped to a person — an attendee or anyone of the directory found by 氏名 or
 * かな — once for the whole meeting. A label left blank stays as it is.
 */
final class SpeakerDialog extends org.kairan.ui.TitledDialog {

    private final Messages messages;
    private final Minutes minutes;
    private final Function<String, List<StaffMember>> directory;
    private final List<PersonPicker> pickers = new ArrayList<>();
    private Map<String, Attendee> result;

    SpeakerDialog(Shell parent, Messages messages, Minutes minutes, Function<String, List<StaffMember>> directory) {
        super(parent, messages.minutes_speakersTitle);
        this.messages = messages;
        this.minutes = minutes;
        this.directory = directory;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.minutes_speakersTitle);
        setMessage(messages.minutes_speakersMessage);
        Composite page = page(area, 3);
        List<String> labels = minutes.speakerLabels();
        if (labels.isEmpty()) {
            new Label(page, SWT.WRAP).setText(messages.minutes_noSpeakers);
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            PersonPicker picker = PersonPicker.row(page, label, MinutesUiConstants.ID_SPEAKER_PREFIX + i,
                    minutes.header().attendees(), directory, 260);
            picker.set(minutes.speakers().get(label));
            pickers.add(picker);
            Label sample = new Label(page, SWT.NONE);
            sample.setText(sample(label));
            sample.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).applyTo(sample);
        }
        return area;
    }

    /** 「発言 212件：では始めます…」. */
    private String sample(String label) {
        long count = minutes.utterances().stream().filter(u -> u.speaker().equals(label)).count();
        String first = minutes.utterances().stream().filter(u -> u.speaker().equals(label)).findFirst()
                .map(u -> u.text()).orElse("");
        if (first.length() > 18) {
            first = first.substring(0, 18) + "…";
        }
        return MessageFormat.format(messages.minutes_speakerSample, count, first);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.minutes_ok, messages.minutes_cancel);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            Map<String, Attendee> chosen = new LinkedHashMap<>();
            List<String> labels = minutes.speakerLabels();
            for (int i = 0; i < pickers.size(); i++) {
                PersonPicker picker = pickers.get(i);
                Optional<Attendee> person = picker.chosen();
                if (person.isEmpty() && !picker.text().isEmpty()) {
                    setErrorMessage(MessageFormat.format(messages.minutes_speakerUnknown, labels.get(i), picker.text()));
                    return;
                }
                chosen.put(labels.get(i), person.orElse(null));
            }
            result = chosen;
        }
        super.buttonPressed(buttonId);
    }

    /** Label → person (null: not mapped), for every label; empty when cancelled. */
    Optional<Map<String, Attendee>> result() {
        return Optional.ofNullable(result);
    }
}
