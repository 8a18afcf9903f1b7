package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@code kessai.save-draft}: a new 起案 or the drafter's edit of one that is 起案中 or
 * 差戻し中. The server checks the route against the 事務決裁規程 as of {@code draftDate}; a
 * {@code null} route asks for the one the rules give.
 *
 * @param kessaiId       UUID chosen by the drafter's client
 * @param title          件名
 * @param classification 文書分類
 * @param body           本文
 * @param decisionKind   決裁区分
 * @param amountYen      金額 (0 when none)
 * @param restricted     専決の制限 applies: no 代決 of the decision
 * @param draftDate      起案日
 * @param route          the drafter's route (the rules' route plus 合議, 回議 and 供覧 they added)
 * @param files          the files of the draft, in order; files once submitted must stay
 */
public record KessaiDraft(String kessaiId, String title, String classification, String body, String decisionKind,
        long amountYen, boolean restricted, LocalDate draftDate, ApprovalRoute route, List<FileRef> files) {

    public KessaiDraft {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
