package org.kairan.core.kessai;

import java.util.List;
import java.util.Optional;

import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;

/**
 * The 課 a unit belongs to: itself for a 課, the 課 above it for a 係, none for a 部 or 部局. 文書番号 are
 * counted per 課, and 合議 is asked of other 課.
 */
public final class Divisions {

    private Divisions() {
    }

    /** The 課 on the path to the unit, nearest first. */
    public static Optional<OrgUnit> divisionOf(OrganisationDirectory directory, String unitCode) {
        List<OrgUnit> path = directory.pathTo(unitCode);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == UnitKind.DIVISION) {
                return Optional.of(path.get(i));
            }
        }
        return Optional.empty();
    }
}
