package org.kairan.approval.ui.internal.kessai;

import java.time.LocalDate;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.DayPicker;

/** 不在の設定: first and last day away and why; while away, 代決者 act and the person 後閲s afterwards. */
final class AbsenceDialog extends TitledDialog {

    private final Messages messages;
    private final LocalDate today;
    private DateTime from;
    private DateTime to;
    private Text reason;
    private LocalDate first;
    private LocalDate last;
    private String why = "";

    /** @param today the office's today, where both days start */
    AbsenceDialog(Shell parent, Messages messages, LocalDate today) {
        super(parent, messages.kessai_absence_title);
        this.messages = messages;
        this.today = today;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.kessai_absence_title);
        setMessage(messages.kessai_absence_message);
        Composite page = page(area, 2);
        from = date(page, messages.kessai_absence_from, ApprovalUiConstants.ID_ABSENCE_FROM);
        to = date(page, messages.kessai_absence_to, ApprovalUiConstants.ID_ABSENCE_TO);
        new Label(page, SWT.NONE).setText(messages.kessai_absence_reason);
        reason = new Text(page, SWT.BORDER);
        reason.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_ABSENCE_REASON);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(reason);
        return area;
    }

    private DateTime date(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        DateTime date = DayPicker.create(page, today);
        date.setData(ApprovalUiConstants.WIDGET_ID, id);
        date.addListener(SWT.Selection, e -> check());
        return date;
    }

    private static LocalDate day(DateTime date) {
        return DayPicker.dayOf(date);
    }

    private void check() {
        boolean ok = !day(to).isBefore(day(from));
        setErrorMessage(ok ? null : messages.kessai_absence_toBeforeFrom);
        getButton(IDialogConstants.OK_ID).setEnabled(ok);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.kessai_set, messages.kessai_cancel);
    }

    @Override
    protected void okPressed() {
        first = day(from);
        last = day(to);
        why = reason.getText().strip();
        super.okPressed();
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    String reason() {
        return why;
    }
}
