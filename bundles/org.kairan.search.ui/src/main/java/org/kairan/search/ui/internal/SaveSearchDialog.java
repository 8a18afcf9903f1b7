package org.kairan.search.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.TitledDialog;

/** 検索の保存: the name to keep the search under (the search words to start with). */
final class SaveSearchDialog extends TitledDialog {

    private final SearchTexts texts;
    private final String initial;
    private Text name;
    private String chosen;

    SaveSearchDialog(Shell parent, SearchTexts texts, String initial) {
        super(parent, texts.messages().search_save_title);
        this.texts = texts;
        this.initial = initial;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(texts.messages().search_save_title);
        setMessage(texts.messages().search_save_message);
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(texts.messages().search_save_name);
        name = new Text(page, SWT.BORDER | SWT.SINGLE);
        name.setData(SearchUiConstants.WIDGET_ID, SearchUiConstants.ID_SAVE_NAME);
        name.setText(initial);
        name.selectAll();
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(name);
        name.addListener(SWT.Modify, e -> {
            if (getButton(IDialogConstants.OK_ID) != null) {
                getButton(IDialogConstants.OK_ID).setEnabled(!name.getText().isBlank());
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, texts.messages().search_save_button, texts.messages().search_cancel);
        getButton(IDialogConstants.OK_ID).setEnabled(!initial.isBlank());
    }

    @Override
    protected void okPressed() {
        chosen = name.getText().strip();
        super.okPressed();
    }

    /** The name typed, after OK. */
    String name() {
        return chosen;
    }
}
