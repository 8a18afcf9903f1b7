package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.StandIn;
import org.kairan.core.kessai.SubstituteRules;
import org.kairan.core.organisation.OrganisationDirectory;

/**
 * The 代決者 of a 案件's current step on a day: for each approver of the step who has not answered and
 * is away, the first person of the 代決 order who is present (never the drafter).
 */
final class StandIns {

    private final AbsenceStore absences;
    private final SubstituteRules rules;

    StandIns(AbsenceStore absences, SubstituteRules rules) {
        this.absences = absences;
        this.rules = rules;
    }

    /** The 案件 with its 代決者 as of {@code day}. */
    Kessai upToDate(Connection c, Kessai kessai, OrganisationDirectory directory, LocalDate day) throws SQLException {
        if (kessai.step().isEmpty()) {
            return kessai.standIns().isEmpty() ? kessai : kessai.withStandIns(List.of());
        }
        Set<String> away = absences.awayOn(c, day);
        List<StandIn> standIns = new ArrayList<>();
        for (PostHolder approver : kessai.step().get().approvers()) {
            if (away.contains(approver.staffNo()) && !kessai.consented().contains(approver.staffNo())) {
                rules.standIn(directory, approver, day, away::contains, no -> no.equals(kessai.drafterNo()))
                        .ifPresent(substitute -> standIns.add(new StandIn(approver.staffNo(), substitute)));
            }
        }
        return standIns.equals(kessai.standIns()) ? kessai : kessai.withStandIns(standIns);
    }
}
