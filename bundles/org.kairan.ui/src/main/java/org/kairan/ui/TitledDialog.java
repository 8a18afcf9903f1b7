package org.kairan.ui;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

/**
 * The desktop's dialogs with a title area (login, password change, roster import, 新規回覧): the window
 * title, resizable, no help button, and a page laid out the same way in each.
 */
public abstract class TitledDialog extends TitleAreaDialog {

    private final String shellTitle;

    protected TitledDialog(Shell parent, String shellTitle) {
        super(parent);
        this.shellTitle = shellTitle;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(shellTitle);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The page below the title area: a grid of {@code columns} filling the dialog, with the usual margins. */
    protected static Composite page(Composite area, int columns) {
        Composite page = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(page);
        GridLayoutFactory.swtDefaults().numColumns(columns).margins(12, 12).spacing(10, 8).applyTo(page);
        return page;
    }

    /** The OK and cancel buttons with the screen's own words (JFace's are English only). */
    protected void buttons(Composite bar, String ok, String cancel) {
        createButton(bar, org.eclipse.jface.dialogs.IDialogConstants.OK_ID, ok, true);
        createButton(bar, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_ID, cancel, false);
    }
}
