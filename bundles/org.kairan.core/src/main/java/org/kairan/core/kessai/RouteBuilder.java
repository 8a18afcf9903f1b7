package org.kairan.core.kessai;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;

/**
 * Makes the initial route of a 起案 from the 事務決裁規程 and the drafter's organisation as of the
 * draft date: from the drafter's 本務 unit up the {@link CommandChain} (係長, 課長, 部長, 副市長, 市長),
 * stopping at the deciding 役職. Posts that are vacant that day, held by the drafter, or not senior to
 * the drafter are skipped; if the deciding post is vacant or not in the chain, nobody can decide and a
 * {@link RouteException} says so.
 */
public final class RouteBuilder {

    private final DecisionRules rules;
    private final CommandChain chain;
    private final OrganisationDirectory directory;

    public RouteBuilder(DecisionRules rules, CommandChain chain, OrganisationDirectory directory) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * @param drafterNo 起案者 職員番号
     * @param draftDate 起案日: the organisation is read as of this day
     * @param kind      決裁区分
     * @param amountYen 金額 (0 when the matter has none)
     */
    public ApprovalRoute build(String drafterNo, LocalDate draftDate, String kind, long amountYen) {
        String deciding = rules.decidingPosition(kind, amountYen);
        PostHolder drafter = drafter(directory, drafterNo, draftDate);
        int drafterRank = directory.rank(drafter.position());
        List<RouteStep> steps = new ArrayList<>();
        List<OrgUnit> path = directory.pathTo(drafter.unitCode());
        for (OrgUnit unit : path.reversed()) {
            for (String position : chain.positionsAt(unit.kind())) {
                List<StaffMember> holders = directory.holders(unit.code(), position, draftDate);
                Optional<StaffMember> other = holders.stream().filter(h -> !h.staffNo().equals(drafterNo)).findFirst();
                if (position.equals(deciding)) {
                    if (other.isEmpty()) {
                        throw noDecider(unit, position, drafter, !holders.isEmpty(), draftDate);
                    }
                    PostHolder decider = holder(unit.code(), position, other.get());
                    steps.removeIf(s -> s.involves(decider.staffNo()));
                    steps.add(RouteStep.decision(decider, chain.isDelegated(position)));
                    return new ApprovalRoute(drafter, draftDate, steps, List.of());
                }
                boolean senior = directory.rank(position) > drafterRank;
                if (senior && other.isPresent() && steps.stream().noneMatch(s -> s.involves(other.get().staffNo()))) {
                    steps.add(RouteStep.review(holder(unit.code(), position, other.get())));
                }
            }
        }
        throw new RouteException(RouteException.Reason.NOT_IN_CHAIN, "決裁権者の「" + deciding + "」が起案者（" + drafter.label()
                + "）の決裁系統にいません (the deciding post " + deciding + " is not in the drafter's chain of command)");
    }

    private RouteException noDecider(OrgUnit unit, String position, PostHolder drafter, boolean drafterHolds, LocalDate day) {
        if (drafterHolds) {
            return new RouteException(RouteException.Reason.DRAFTER_DECIDES, "起案者（" + drafter.label() + "）自身が決裁権者の"
                    + unit.name() + position + "です (the drafter holds the deciding post " + position + ")");
        }
        return new RouteException(RouteException.Reason.VACANT_POST, "決裁権者の" + unit.name() + position + "が" + day
                + "に欠員のため決裁できる者がいません (the deciding post " + position + " of " + unit.name()
                + " is vacant on " + day + ")");
    }

    private PostHolder holder(String unitCode, String position, StaffMember member) {
        return new PostHolder(unitCode, directory.unitDisplayName(unitCode), position, member.staffNo(), member.name());
    }

    /** The drafter with their 本務 on the day. */
    static PostHolder drafter(OrganisationDirectory directory, String staffNo, LocalDate day) {
        StaffMember member = directory.member(staffNo).orElseThrow(() -> new RouteException(
                RouteException.Reason.UNKNOWN_REFERENCE, "職員番号「" + staffNo + "」の職員がいません (no staff member " + staffNo + ")"));
        Assignment post = directory.primaryPost(staffNo, day).orElseThrow(() -> new RouteException(
                RouteException.Reason.NO_PRIMARY_POST, member.name() + "には" + day + "時点の本務がありません (no 本務 on " + day + ")"));
        return new PostHolder(post.unitCode(), directory.unitDisplayName(post.unitCode()), post.position(), staffNo,
                member.name());
    }
}
