package org.kairan.ui;

import java.time.LocalDate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;

/**
 * SWT's date field (a drop-down calendar) in days: SWT counts months from 0 and starts at the machine's own today,
 * while Kairan's screens start at the office's today ({@code SyncService.officeToday()}) — the two differ for a
 * laptop whose clock runs in UTC between 0:00 and 9:00 JST.
 */
public final class DayPicker {

    private DayPicker() {
    }

    /** A date field showing {@code day}. */
    public static DateTime create(Composite parent, LocalDate day) {
        DateTime picker = new DateTime(parent, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        show(picker, day);
        return picker;
    }

    public static LocalDate dayOf(DateTime picker) {
        return LocalDate.of(picker.getYear(), picker.getMonth() + 1, picker.getDay());
    }

    public static void show(DateTime picker, LocalDate day) {
        picker.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
    }
}
