package org.kairan.core.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The organisation as the server sends it: every unit, every member of staff and every assignment
 * (past, present and future), so that the directory can be read as of any date.
 *
 * @param asOf        the day the server considered "today" when it answered
 * @param positions   the 役職 table with ranks
 * @param units       all units
 * @param staff       all staff
 * @param assignments all assignments, including ended and future ones
 */
public record DirectorySnapshot(LocalDate asOf, List<Position> positions, List<OrgUnit> units, List<StaffMember> staff,
        List<Assignment> assignments) {

    public DirectorySnapshot {
        Objects.requireNonNull(asOf, "asOf");
        positions = List.copyOf(positions);
        units = List.copyOf(units);
        staff = List.copyOf(staff);
        assignments = List.copyOf(assignments);
    }
}
