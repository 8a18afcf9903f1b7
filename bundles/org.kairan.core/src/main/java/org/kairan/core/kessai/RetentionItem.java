package org.kairan.core.kessai;

import java.time.LocalDate;

/**
 * A decided 案件 past its 保存年限, awaiting 廃棄, 移管 or 継続.
 *
 * @param kessaiId       the 案件
 * @param documentNumber 文書番号
 * @param title          件名
 * @param divisionCode   the 課
 * @param classification 文書分類
 * @param retention      保存年限 as written (5年)
 * @param decidedOn      決裁日
 * @param keptUntil      the last day it had to be kept (or the end of a 継続)
 */
public record RetentionItem(String kessaiId, String documentNumber, String title, String divisionCode,
        String classification, String retention, LocalDate decidedOn, LocalDate keptUntil) {
}
