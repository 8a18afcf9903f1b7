package org.kairan.server.roster;

import java.time.LocalDate;
import java.util.Set;

import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Role;

/** Rows of a roster that passed validation. */
final class RosterRows {

    private RosterRows() {
    }

    /** A valid row of units.csv. */
    record UnitLine(int line, OrgUnit unit) {
    }

    /** A valid row of staff.csv: a person and one 発令. */
    record StaffLine(int line, String staffNo, String name, String kana, String email, String unitCode,
            String position, LocalDate effectiveFrom, AssignmentKind kind, Set<Role> roles) {
    }
}
