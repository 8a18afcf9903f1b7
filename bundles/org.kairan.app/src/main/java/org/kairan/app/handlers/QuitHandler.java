package org.kairan.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** 終了: closes the workbench (the session stays stored for the next start). */
public final class QuitHandler {

    @Execute
    void execute(IWorkbench workbench) {
        workbench.close();
    }
}
