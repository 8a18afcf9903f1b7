package org.kairan.app.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.ErrorTexts;
import org.kairan.app.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.client.RosterFiles;
import org.kairan.client.Session;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.RejectedRow;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.BackgroundCall;

/**
 * 職員名簿の取込み: choose units.csv and/or staff.csv, upload them, and read the server's report: applied or
 * not, the encoding it read, the rows accepted and a table of the rejected rows (行, 理由, 内容). The import
 * is all or nothing, and the dialog says so plainly when a row stops it. It stays open after an import so
 * the person can correct the file and import again; after a successful import the directory reloads.
 */
public final class RosterImportDialog extends TitledDialog {

    private static final String WINDOWS_31J = "windows-31j";

    private final Messages messages;
    private final ErrorTexts errors;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final IEventBroker events;

    private Text unitsText;
    private Text staffText;
    private Composite reportArea;
    private Label summary;
    private Label details;
    private Table rejected;
    private boolean busy;
    /** The file field the person was in when the import started, to return to it afterwards. */
    private Text lastField;

    public RosterImportDialog(Shell parent, Messages messages, KairanServerClient client, UISynchronize ui,
            IEventBroker events) {
        super(parent, messages.roster_shellTitle);
        this.messages = messages;
        this.errors = new ErrorTexts(messages);
        this.client = client;
        this.ui = ui;
        this.events = events;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite page = page(area, 3);
        unitsText = fileField(page, messages.roster_units, AppConstants.ID_ROSTER_UNITS, "units.csv");
        staffText = fileField(page, messages.roster_staff, AppConstants.ID_ROSTER_STAFF, "staff.csv");

        reportArea = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).indent(0, 8).applyTo(reportArea);
        GridLayoutFactory.fillDefaults().numColumns(1).spacing(0, 6).applyTo(reportArea);
        summary = new Label(reportArea, SWT.WRAP);
        summary.setData(AppConstants.WIDGET_ID, AppConstants.ID_ROSTER_SUMMARY);
        summary.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(summary);
        details = new Label(reportArea, SWT.WRAP);
        details.setData(AppConstants.WIDGET_ID, AppConstants.ID_ROSTER_DETAILS);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(details);
        rejected = new Table(reportArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        rejected.setData(AppConstants.WIDGET_ID, AppConstants.ID_ROSTER_REJECTED);
        rejected.setHeaderVisible(true);
        rejected.setLinesVisible(true);
        column(messages.roster_columnLine, 56, SWT.RIGHT);
        column(messages.roster_columnReason, 330, SWT.LEFT);
        column(messages.roster_columnText, 380, SWT.LEFT);
        GridDataFactory.fillDefaults().grab(true, true).hint(760, rejected.getItemHeight() * 8).applyTo(rejected);
        showReportArea(false, false);

        setTitle(messages.roster_title);
        setMessage(messages.roster_intro);
        return area;
    }

    private Text fileField(Composite page, String label, String id, String suggestedName) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(AppConstants.WIDGET_ID, id);
        text.setMessage(suggestedName);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(text);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(messages.roster_browse);
        browse.addListener(SWT.Selection, e -> choose(text, suggestedName));
        return text;
    }

    private void column(String title, int width, int alignment) {
        TableColumn column = new TableColumn(rejected, alignment);
        column.setText(title);
        column.setWidth(width);
        column.setResizable(true);
    }

    private void choose(Text target, String suggestedName) {
        FileDialog files = new FileDialog(getShell(), SWT.OPEN);
        files.setFilterExtensions(new String[] { "*.csv;*.CSV", "*.*" });
        files.setFilterNames(new String[] { messages.roster_filterCsv, messages.roster_filterAll });
        String typed = target.getText().strip();
        if (!typed.isEmpty()) {
            try {
                Path current = Path.of(typed);
                if (current.getParent() != null) {
                    files.setFilterPath(current.getParent().toString());
                }
                files.setFileName(current.getFileName().toString());
            } catch (InvalidPathException e) {
                files.setFileName(suggestedName);
            }
        } else {
            files.setFileName(suggestedName);
        }
        String chosen = files.open();
        if (chosen != null) {
            target.setText(chosen);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.roster_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.common_close, false);
    }

    /** Wide enough for the table of rejected rows; the long explanation at the top wraps. */
    @Override
    protected Point getInitialSize() {
        int width = 860;
        return new Point(width, getShell().computeSize(width, SWT.DEFAULT, true).y);
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        String problem = null;
        Path units = null;
        Path staff = null;
        try {
            units = file(unitsText);
            staff = file(staffText);
            if (units == null && staff == null) {
                problem = messages.roster_noFile;
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            setErrorMessage(problem);
            return;
        }
        RosterFiles files = new RosterFiles(units, staff);
        lastField = unitsText.isFocusControl() || staff == null ? unitsText : staffText;
        setBusy(true);
        BackgroundCall.named(messages.roster_busy, monitor -> client.importRoster(files))
                .onSuccess(this::showReport)
                .onFailure(failure -> {
                    if (isClosed()) {
                        return;
                    }
                    setBusy(false);
                    setErrorMessage(failure instanceof IOException e
                            ? MessageFormat.format(messages.roster_fileUnreadable, e.getMessage())
                            : errors.of(failure, client.session().map(Session::server).orElse(null)));
                })
                .start(ui);
    }

    /** The typed path, or null when empty; an IllegalArgumentException with the sentence to show when unusable. */
    private Path file(Text field) {
        String typed = field.getText().strip();
        if (typed.isEmpty()) {
            return null;
        }
        Path path;
        try {
            path = Path.of(typed);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(MessageFormat.format(messages.roster_fileMissing, typed));
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(MessageFormat.format(messages.roster_fileMissing, typed));
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(MessageFormat.format(messages.roster_fileUnreadable, typed));
        }
        return path;
    }

    private void showReport(ImportReport report) {
        if (isClosed()) {
            return;
        }
        setBusy(false);
        String encoding = WINDOWS_31J.equalsIgnoreCase(report.encoding()) ? messages.roster_shiftJis
                : String.valueOf(report.encoding());
        if (report.applied()) {
            summary.setText(MessageFormat.format(messages.roster_applied, report.unitsAccepted(),
                    report.staffAccepted()));
            summary.setForeground(null);
            setMessage(messages.roster_intro);
            events.post(AppConstants.TOPIC_DIRECTORY_CHANGED, report);
        } else {
            summary.setText(MessageFormat.format(messages.roster_rejected, report.rejected().size()));
            summary.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        String counts = MessageFormat.format(messages.roster_details, encoding, report.unitsAccepted(),
                report.staffAccepted());
        details.setText(report.applied() ? counts : messages.roster_allOrNothing + "\n" + counts);
        rejected.removeAll();
        for (RejectedRow row : report.rejected()) {
            TableItem item = new TableItem(rejected, SWT.NONE);
            item.setText(new String[] { Integer.toString(row.line()), row.reason(), row.text() });
        }
        showReportArea(true, !report.rejected().isEmpty());
        Point now = getShell().getSize();
        Point wanted = getShell().computeSize(now.x, SWT.DEFAULT, true);
        getShell().setSize(now.x, Math.max(now.y, wanted.y));
        getShell().layout(true, true);
    }

    private void showReportArea(boolean report, boolean table) {
        ((GridData) reportArea.getLayoutData()).exclude = !report;
        reportArea.setVisible(report);
        ((GridData) rejected.getLayoutData()).exclude = !table;
        rejected.setVisible(table);
        reportArea.getParent().layout(true, true);
    }

    private void setBusy(boolean on) {
        busy = on;
        unitsText.setEnabled(!on);
        staffText.setEnabled(!on);
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
        getShell().setCursor(on ? getShell().getDisplay().getSystemCursor(SWT.CURSOR_APPSTARTING) : null);
        if (on) {
            setErrorMessage(null);
            setMessage(messages.roster_busy, IMessageProvider.INFORMATION);
        } else {
            setMessage(messages.roster_intro);
            // the disabled fields lost the focus; without this it lands on a 参照 button, which Enter would press
            (lastField != null ? lastField : staffText).setFocus();
        }
    }

    @Override
    public boolean close() {
        if (busy) {
            return false; // the server is importing: wait for its report (Esc and the close box too)
        }
        return super.close();
    }

    private boolean isClosed() {
        return getShell() == null || getShell().isDisposed();
    }
}
