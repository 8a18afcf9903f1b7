package org.kairan.library.ui.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.library.ui.LibraryUiConstants;
import org.kairan.search.ui.SearchUiConstants;

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
            library.open(documentId, pageOf(page), wordsOf(words));
        }
    }

    static int pageOf(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static List<String> wordsOf(String words) {
        return words == null ? List.of() : Arrays.stream(words.split("\n")).map(String::strip).filter(w -> !w.isEmpty())
                .toList();
    }
}
