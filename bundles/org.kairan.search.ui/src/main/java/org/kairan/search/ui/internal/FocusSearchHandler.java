package org.kairan.search.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.search.ui.SearchUiConstants;

/** Ctrl+K ({@link SearchUiConstants#COMMAND_FOCUS}): shows the search tab and puts the cursor in its box. */
public final class FocusSearchHandler {

    @Execute
    void execute(EPartService parts) {
        MPart part = parts.showPart(SearchUiConstants.PART_SEARCH, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof SearchPart search) {
            search.focusSearch();
        }
    }
}
