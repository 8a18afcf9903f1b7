package org.kairan.server.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the PDF of record of one final 決裁 shows: the title block of the 起案用紙, the 決裁欄 in route
 * order, the body and the attachments. The workflow fills it from the 決裁 as decided; nothing here is
 * looked up again.
 *
 * @param documentNumber 文書番号, e.g. 伊財第12号; {@code null} prints 「（未採番）」
 * @param title          件名
 * @param classification 文書分類 label, e.g. 財務－契約－物品購入
 * @param retention      保存年限 label, e.g. 5年, 永年
 * @param drafter        起案者
 * @param draftDate      起案日
 * @param decidedAt      決裁日時 (the last seal of the 決裁 or 専決)
 * @param decisionKind   決裁区分, e.g. 物品購入
 * @param amountYen      金額 in yen; 0 when the 決裁 has none (the field then prints 「－」)
 * @param body           本文, plain text; lines are wrapped and the 鑑 continues on further pages
 * @param route          the 決裁欄, in route order (起案 first)
 * @param attachments    添付ファイル, in the order they are listed and appended
 */
public record RecordSheet(String documentNumber, String title, String classification, String retention,
        PersonOnRecord drafter, LocalDate draftDate, Instant decidedAt, String decisionKind, long amountYen, String body,
        List<SealEntry> route, List<RecordAttachment> attachments) {

    /** What the 文書番号 field shows when the 決裁 has none yet. */
    public static final String UNNUMBERED = "（未採番）";

    public RecordSheet {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(drafter, "drafter");
        Objects.requireNonNull(draftDate, "draftDate");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (documentNumber != null && documentNumber.isBlank()) {
            documentNumber = null;
        }
        classification = classification == null ? "" : classification;
        retention = retention == null ? "" : retention;
        decisionKind = decisionKind == null ? "" : decisionKind;
        body = body == null ? "" : body;
        if (amountYen < 0) {
            throw new IllegalArgumentException("金額は0円以上です (amount must not be negative): " + amountYen);
        }
        route = List.copyOf(route);
        attachments = List.copyOf(attachments);
        if (route.isEmpty()) {
            throw new IllegalArgumentException("決裁欄が空です (the route has no entry)");
        }
    }

    /** The 文書番号 as printed. */
    public String documentNumberLabel() {
        return documentNumber == null ? UNNUMBERED : documentNumber;
    }
}
