package org.kairan.core.kessai;

import java.time.LocalDate;

/**
 * Payload of {@code absence.set}: one's own 不在 (or anyone's, by an administrator), or calling it off.
 *
 * @param absenceId UUID chosen by the client; the same id again changes or cancels it
 * @param staffNo   who is away
 * @param from      first day away
 * @param to        last day away
 * @param reason    出張, 年次休暇 …
 * @param cancel    call it off
 */
public record AbsenceNotice(String absenceId, String staffNo, LocalDate from, LocalDate to, String reason,
        boolean cancel) {

    public static final int MAX_DAYS = 366;
}
