package org.kairan.core.protocol;

import java.util.List;

/**
 * What a roster import did. An import is all or nothing: when any row is rejected nothing is
 * written and {@code applied} is false.
 *
 * @param applied        whether the data was written
 * @param encoding       the character set the file was read with (UTF-8 or Shift_JIS/windows-31j)
 * @param unitsAccepted  organisation rows that were valid
 * @param staffAccepted  staff rows that were valid
 * @param rejected       rows that were not, with reasons
 */
public record ImportReport(boolean applied, String encoding, int unitsAccepted, int staffAccepted,
        List<RejectedRow> rejected) {
    public ImportReport {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }
}
