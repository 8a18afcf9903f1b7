package org.kairan.approval.ui.internal.kessai;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.approval.ui.ApprovalUiConstants;

import jakarta.inject.Named;

/**
 * {@link ApprovalUiConstants#COMMAND_OPEN_KESSAI}: brings the 決裁 tab to the front and shows the 案件 there
 * (how a search hit or a link elsewhere opens a 決裁 without knowing the 決裁 screens).
 */
public final class OpenKessaiHandler {

    @Execute
    void execute(EPartService parts, @Named(ApprovalUiConstants.PARAM_KESSAI_ID) String kessaiId) {
        MPart part = parts.showPart(ApprovalUiConstants.PART_KESSAI, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof KessaiPart kessai) {
            kessai.open(kessaiId);
        }
    }
}
