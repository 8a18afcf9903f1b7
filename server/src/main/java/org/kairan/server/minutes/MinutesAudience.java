package org.kairan.server.minutes;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;
import org.kairan.server.sync.Audience;

/**
 * Who may see 議事録: the members of its 課 and of the 係 below it, whoever manages the units above the 課 (as with
 * its library and its 決裁), the attendees from the directory (a meeting with another 課) and whoever made them.
 */
final class MinutesAudience {

    private MinutesAudience() {
    }

    static String of(Minutes minutes, String createdBy, OrganisationDirectory directory) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(Audience.unit(minutes.unitCode()));
        for (OrgUnit unit : directory.pathTo(minutes.unitCode())) {
            if (!unit.code().equals(minutes.unitCode()) && unit.kind() != UnitKind.SECTION) {
                tokens.add(Audience.manages(unit.code()));
            }
        }
        tokens.add(Audience.staff(createdBy));
        for (Attendee attendee : minutes.header().attendees()) {
            if (attendee.isStaff()) {
                tokens.add(Audience.staff(attendee.staffNo()));
            }
        }
        return String.join(" ", tokens);
    }
}
