package org.kairan.minutes.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.minutes.ui.MinutesUiConstants;

import jakarta.inject.Named;

/**
 * The search's {@code org.kairan.search.ui.command.openMinutes}: brings the 議事録 tab forward with the hit's minutes
 * open, and for a hit on an utterance (id {@code <minutes>/<utterance>}) that utterance selected and in view.
 */
public final class OpenMinutesHandler {

    /** The search's hit id parameter ({@code SearchUiConstants.PARAM_HIT_ID}). */
    static final String PARAM_HIT_ID = "org.kairan.search.ui.hit.id";

    @Execute
    void execute(EPartService parts, @Named(PARAM_HIT_ID) String hitId) {
        MPart part = parts.showPart(MinutesUiConstants.PART_MINUTES, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof MinutesPart minutes) {
            int slash = hitId.indexOf('/');
            minutes.open(slash < 0 ? hitId : hitId.substring(0, slash), slash < 0 ? null : hitId.substring(slash + 1));
        }
    }
}
