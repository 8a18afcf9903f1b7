package org.kairan.client;

import java.nio.file.Path;

/**
 * The files of a roster import (docs/API.md, "Roster CSV"): {@code units.csv} (組織) and/or
 * {@code staff.csv} (職員), UTF-8 or Shift_JIS as Excel writes them. Either may be {@code null}, not both.
 */
public record RosterFiles(Path units, Path staff) {

    public RosterFiles {
        if (units == null && staff == null) {
            throw new IllegalArgumentException("a roster import needs units.csv, staff.csv or both");
        }
    }
}
