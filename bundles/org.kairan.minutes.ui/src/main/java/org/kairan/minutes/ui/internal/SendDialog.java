package org.kairan.minutes.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;

/**
 * 決裁に回付: the 文書分類 of the 起案 the minutes become (the city's list, with its 保存年限). The server prints the
 * minutes and makes a 起案中 起案 of the user with the PDF attached; its route is checked and submitted in the 決裁 tab.
 */
final class SendDialog extends org.kairan.ui.TitledDialog {

    private final Messages messages;
    private final String title;
    private final List<DocumentClass> classes;
    private Combo classification;
    private String result;

    SendDialog(Shell parent, Messages messages, String title, List<DocumentClass> classes) {
        super(parent, messages.minutes_sendTitle);
        this.messages = messages;
        this.title = title;
        this.classes = classes;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.minutes_sendTitle);
        setMessage(MessageFormat.format(messages.minutes_sendMessage, title));
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(messages.minutes_send_classification);
        classification = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        classification.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_SEND_CLASSIFICATION);
        classification.setVisibleItemCount(15);
        for (DocumentClass c : classes) {
            classification.add(MessageFormat.format(messages.minutes_send_class, c.name(),
                    c.retentionYears() == DocumentClass.PERMANENT ? messages.minutes_send_permanent
                            : MessageFormat.format(messages.minutes_send_years, c.retentionYears())));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(classification);
        if (classes.isEmpty()) {
            setErrorMessage(messages.minutes_send_noClasses);
        } else {
            classification.select(0);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.minutes_send_ok, messages.minutes_cancel);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            int at = classification.getSelectionIndex();
            if (at < 0) {
                return;
            }
            result = classes.get(at).name();
        }
        super.buttonPressed(buttonId);
    }

    /** The 文書分類's name; empty when cancelled. */
    Optional<String> result() {
        return Optional.ofNullable(result);
    }
}
