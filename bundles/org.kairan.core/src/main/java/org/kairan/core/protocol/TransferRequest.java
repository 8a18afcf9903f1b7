package org.kairan.core.protocol;

import java.time.LocalDate;

import org.kairan.core.organisation.AssignmentKind;

/**
 * One 人事異動: the person takes the post from the date; a 本務 ends their previous 本務 the day
 * before.
 *
 * @param staffNo       職員番号
 * @param unitCode      組織コード of the new unit
 * @param position      役職
 * @param effectiveFrom 発令日
 * @param kind          本務 or 兼務
 */
public record TransferRequest(String staffNo, String unitCode, String position, LocalDate effectiveFrom,
        AssignmentKind kind) {
}
