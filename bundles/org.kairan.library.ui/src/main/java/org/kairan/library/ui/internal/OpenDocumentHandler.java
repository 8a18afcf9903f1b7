package org.kairan.library.ui.internal;


import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.library.ui.LibraryUiConstants;
import org.kairan.search.ui.SearchUiConstants;
import org.kairan.ui.HitParameters;

import jakarta.inject.Named;

/**
 * {@link SearchUiConstants#COMMAND_OPEN_DOCUMENT}: brings the 文書庫 tab forward and shows the hit's document — its
 * 課 chosen, its line selected, its current version at the hit's page with the hit's words highlighted.
 */
public final class OpenDocumentHandler {

    @Execute
    void execute(EPartService parts, @Named(SearchUiConstants.PARAM_HIT_ID) String documentId,
            @Optional @Named(SearchUiConstants.PARAM_HIT_PAGE) String page,
            @Optional @Named(SearchUiConstants.PARAM_HIT_WORDS) String words) {
        MPart part = parts.showPart(LibraryUiConstants.PART_LIBRARY, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof LibraryPart library) {
            library.open(documentId, HitParameters.page(page), HitParameters.words(words));
        }
    }
}
