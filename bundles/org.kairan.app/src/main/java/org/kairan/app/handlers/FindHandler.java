package org.kairan.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.app.AppConstants;
import org.kairan.app.directory.DirectoryPart;

/** Ctrl+F: shows the organisation directory and puts the cursor in its search box. */
public final class FindHandler {

    @Execute
    void execute(EPartService parts) {
        MPart part = parts.showPart(AppConstants.PART_DIRECTORY, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof DirectoryPart directory) {
            directory.focusSearch();
        }
    }
}
