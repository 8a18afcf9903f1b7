package org.kairan.approval.ui.internal.kessai;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.DayPicker;

/**
 * 決裁簿の出力: a 課, a period (the 年度 so far by default) and the encoding Excel needs; the server decides
 * who may (those with rights over the 課, administrators).
 */
final class RegisterDialog extends TitledDialog {

    private final Messages messages;
    private final OrganisationDirectory directory;
    private final List<OrgUnit> divisions;
    private final String ownDivision;
    private Combo unit;
    private DateTime from;
    private DateTime to;
    private Button shiftJis;
    private String chosenUnit;
    private LocalDate first;
    private LocalDate last;
    private boolean sjis;
    private final LocalDate today;

    RegisterDialog(Shell parent, Messages messages, OrganisationDirectory directory, List<OrgUnit> divisions,
            String ownDivision, LocalDate today) {
        super(parent, messages.kessai_register_title);
        this.today = today;
        this.messages = messages;
        this.directory = directory;
        this.divisions = List.copyOf(divisions);
        this.ownDivision = ownDivision;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.kessai_register_title);
        setMessage(messages.kessai_register_message);
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(messages.kessai_register_unit);
        unit = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        divisions.forEach(d -> unit.add(directory.unitDisplayName(d.code())));
        unit.setVisibleItemCount(20);
        int own = divisions.stream().map(OrgUnit::code).toList().indexOf(ownDivision);
        unit.select(Math.max(0, own));
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(unit);
        from = date(page, messages.kessai_absence_from, LocalDate.of(today.getMonthValue() >= 4 ? today.getYear()
                : today.getYear() - 1, 4, 1));
        to = date(page, messages.kessai_absence_to, today);
        Button utf8 = new Button(page, SWT.RADIO);
        utf8.setText(messages.kessai_register_utf8);
        utf8.setSelection(true);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(utf8);
        shiftJis = new Button(page, SWT.RADIO);
        shiftJis.setText(messages.kessai_register_sjis);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(shiftJis);
        return area;
    }

    private static DateTime date(Composite page, String label, LocalDate day) {
        new Label(page, SWT.NONE).setText(label);
        return DayPicker.create(page, day);
    }

    private static LocalDate day(DateTime date) {
        return DayPicker.dayOf(date);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.kessai_register_save, messages.kessai_cancel);
    }

    @Override
    protected void okPressed() {
        if (unit.getSelectionIndex() < 0 || day(to).isBefore(day(from))) {
            setErrorMessage(messages.kessai_absence_toBeforeFrom);
            return;
        }
        chosenUnit = divisions.get(unit.getSelectionIndex()).code();
        first = day(from);
        last = day(to);
        sjis = shiftJis.getSelection();
        super.okPressed();
    }

    String unitCode() {
        return chosenUnit;
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    boolean shiftJis() {
        return sjis;
    }
}
