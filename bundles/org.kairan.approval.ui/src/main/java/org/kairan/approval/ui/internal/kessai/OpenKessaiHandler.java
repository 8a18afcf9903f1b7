package org.kairan.approval.ui.internal.kessai;


import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.ui.HitParameters;

import jakarta.inject.Named;

/**
 * {@link ApprovalUiConstants#COMMAND_OPEN_KESSAI}: brings the 決裁 tab to the front and shows the 案件 there
 * (how a search hit or a link elsewhere opens a 決裁 without knowing the 決裁 screens); given an attachment, shows
 * it in the 文書 tab at the page asked for with the words highlighted (a search hit inside an attached PDF).
 */
public final class OpenKessaiHandler {

    @Execute
    void execute(EPartService parts, @Named(ApprovalUiConstants.PARAM_KESSAI_ID) String kessaiId,
            @Optional @Named(ApprovalUiConstants.PARAM_KESSAI_ATTACHMENT) String attachmentId,
            @Optional @Named(ApprovalUiConstants.PARAM_KESSAI_PAGE) String page,
            @Optional @Named(ApprovalUiConstants.PARAM_KESSAI_WORDS) String words) {
        MPart part = parts.showPart(ApprovalUiConstants.PART_KESSAI, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof KessaiPart kessai) {
            if (attachmentId == null || attachmentId.isBlank()) {
                kessai.open(kessaiId);
            } else {
                kessai.open(kessaiId, attachmentId.strip(), HitParameters.page(page), HitParameters.words(words));
            }
        }
    }
}
