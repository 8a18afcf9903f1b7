package org.kairan.server.kessai;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteStep;
import org.kairan.core.kessai.StandIn;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;
import org.kairan.server.sync.Audience;

/**
 * Who may see a 案件: until it is first submitted (起案中, or discarded by 取下げ before that) only its drafter;
 * once submitted the drafter, everyone on the route
 * and 供覧, the 代決者 of the day, anyone who ever acted on it, and those with rights over the drafter's
 * 課 (the holders of the chain-of-command posts of the 課 and the units above it).
 */
final class KessaiAudience {

    private KessaiAudience() {
    }

    static String of(Kessai kessai, OrganisationDirectory directory) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(Audience.staff(kessai.drafterNo()));
        if (kessai.status() == KessaiStatus.DRAFT || kessai.round() == 0) {
            return String.join(" ", tokens);
        }
        for (RouteStep step : kessai.route().steps()) {
            for (PostHolder approver : step.approvers()) {
                tokens.add(Audience.staff(approver.staffNo()));
            }
        }
        kessai.route().readers().forEach(r -> tokens.add(Audience.staff(r.staffNo())));
        for (StandIn standIn : kessai.standIns()) {
            tokens.add(Audience.staff(standIn.substitute().staffNo()));
        }
        for (KessaiEvent event : kessai.history()) {
            tokens.add(Audience.staff(event.actor().staffNo()));
        }
        for (OrgUnit unit : directory.pathTo(kessai.divisionCode())) {
            if (unit.kind() != UnitKind.SECTION) {
                tokens.add(Audience.manages(unit.code()));
            }
        }
        return String.join(" ", tokens);
    }

    /** The tokens of {@code before} that {@code after} no longer has. */
    static String lost(String before, String after) {
        Set<String> gone = new LinkedHashSet<>(Set.of(before.split(" ")));
        gone.removeAll(Set.of(after.split(" ")));
        return String.join(" ", gone);
    }
}
