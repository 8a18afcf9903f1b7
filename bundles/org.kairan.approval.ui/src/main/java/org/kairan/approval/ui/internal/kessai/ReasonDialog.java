package org.kairan.approval.ui.internal.kessai;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.ui.TitledDialog;

/**
 * Asks for a reason (差戻し, 却下) or a comment; for 差戻し also where to send it back. OK stays disabled
 * until there is text when the reason is mandatory.
 */
final class ReasonDialog extends TitledDialog {

    /** Where a 差戻し may go: the label shown and the step index (−1 = the drafter). */
    record Target(String label, int step) {
    }

    private final Messages messages;
    private final String title;
    private final String message;
    private final String reasonLabel;
    private final String okLabel;
    private final String missing;
    private final List<Target> targets;
    private Text text;
    private Combo target;
    private String reason = "";
    private String targetLabel = "";
    private int chosenStep = -1;

    /**
     * @param okLabel  the words of the OK button (差戻し, 却下 …)
     * @param required whether the text is mandatory
     * @param targets  the 差戻し targets, the default first; empty for no choice
     */
    ReasonDialog(Shell parent, Messages messages, String title, String message, String reasonLabel, String okLabel,
            boolean required, List<Target> targets) {
        super(parent, title);
        this.messages = messages;
        this.title = title;
        this.message = message;
        this.reasonLabel = reasonLabel;
        this.okLabel = okLabel;
        this.missing = required ? messages.kessai_reason_required : null;
        this.targets = List.copyOf(targets);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        Composite page = page(area, 2);
        if (!targets.isEmpty()) {
            new Label(page, SWT.NONE).setText(targetLabel);
            target = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
            target.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_SEND_BACK_TARGET);
            targets.forEach(t -> target.add(t.label()));
            target.select(0);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(target);
        }
        Label label = new Label(page, SWT.NONE);
        label.setText(reasonLabel);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        text = new Text(page, SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
        text.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_REASON_TEXT);
        GridDataFactory.fillDefaults().grab(true, true).hint(460, 120).applyTo(text);
        text.addListener(SWT.Modify, e -> check());
        return area;
    }

    /** The label of the 差戻し target choice. */
    ReasonDialog targetLabel(String label) {
        targetLabel = label;
        return this;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, okLabel, messages.kessai_cancel);
        check();
    }

    private void check() {
        boolean ok = missing == null || !text.getText().isBlank();
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(ok);
        }
        setErrorMessage(ok ? null : missing);
    }

    @Override
    protected void okPressed() {
        reason = text.getText().strip();
        chosenStep = target == null ? -1 : targets.get(target.getSelectionIndex()).step();
        super.okPressed();
    }

    String reason() {
        return reason;
    }

    int step() {
        return chosenStep;
    }
}
