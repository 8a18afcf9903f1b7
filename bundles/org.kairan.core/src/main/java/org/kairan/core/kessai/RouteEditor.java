package org.kairan.core.kessai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;

/**
 * The drafter's edits of a route before submission: add a 合議 of other 課, add 供覧 readers, insert a
 * 回議 step. Posts and people are resolved as of the route's date; each edit returns a new route and
 * is refused with a {@link RouteException} when it would put someone on the route twice, ask the
 * drafter's own 課 for 合議, name a vacant post, or move the 決裁 from the end.
 */
public final class RouteEditor {

    private final OrganisationDirectory directory;

    public RouteEditor(OrganisationDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Adds a 合議 just before the 決裁. */
    public ApprovalRoute addConsultation(ApprovalRoute route, List<ApproverPost> posts, Consent consent) {
        return addConsultation(route, route.steps().size() - 1, posts, consent);
    }

    /**
     * Adds a 合議 of other 課 at a position (0 = first step; at most the index of the 決裁).
     *
     * @throws RouteException when a post is in the drafter's own 課, vacant, or its holder is already on the route
     */
    public ApprovalRoute addConsultation(ApprovalRoute route, int index, List<ApproverPost> posts, Consent consent) {
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("合議先がありません (a 合議 needs at least one post)");
        }
        List<PostHolder> members = new ArrayList<>();
        for (ApproverPost post : posts) {
            requireOtherDivision(route, post.unitCode());
            members.add(resolve(route, post));
        }
        return route.withStepAt(index, RouteStep.consultation(members, consent));
    }

    private void requireOtherDivision(ApprovalRoute route, String unitCode) {
        Optional<String> ownDivision = Divisions.divisionOf(directory, route.drafter().unitCode()).map(OrgUnit::code);
        Optional<OrgUnit> division = Divisions.divisionOf(directory, unitCode);
        if (ownDivision.isPresent() && division.map(OrgUnit::code).equals(ownDivision)) {
            throw new RouteException(RouteException.Reason.OWN_DIVISION, "合議は他の課に求めるものです。"
                    + division.get().name() + "は起案者の課です (a 合議 is asked of another 課, not the drafter's own "
                    + division.get().name() + ")");
        }
    }

    /** Inserts a 回議 step by the holder of a post at a position (at most the index of the 決裁). */
    public ApprovalRoute insertReview(ApprovalRoute route, int index, ApproverPost post) {
        return route.withStepAt(index, RouteStep.review(resolve(route, post)));
    }

    /** Adds 供覧 readers by 職員番号, each with their 本務 as of the route's date. */
    public ApprovalRoute addReaders(ApprovalRoute route, List<String> staffNos) {
        ApprovalRoute result = route;
        for (String staffNo : staffNos) {
            result = result.withReader(RouteBuilder.drafter(directory, staffNo, route.asOf()));
        }
        return result;
    }

    /**
     * The route a drafter proposes, checked against the route the 事務決裁規程 gives ({@code base}, built
     * for the same drafter, day, kind and amount): every step of the base is still there, in order, and
     * the 決裁 is the base's; added steps name people who hold the post on the day, and 合議 asks other 課.
     * Returns the route with 所属 and 氏名 as the directory has them.
     *
     * @throws RouteException when the proposal drops or reorders a step of the base, or names someone
     *                        who does not hold the post on the day
     */
    public ApprovalRoute confirm(ApprovalRoute proposed, ApprovalRoute base) {
        List<RouteStep> steps = new ArrayList<>();
        int matched = 0;
        for (RouteStep step : proposed.steps()) {
            if (matched < base.steps().size() && samePeople(step, base.steps().get(matched))) {
                steps.add(base.steps().get(matched++));
                continue;
            }
            if (step.kind().isDecision()) {
                break;
            }
            List<PostHolder> people = new ArrayList<>();
            for (PostHolder person : step.approvers()) {
                if (step.kind() == StepKind.CONSULTATION) {
                    requireOtherDivision(base, person.unitCode());
                }
                people.add(holding(base, person));
            }
            steps.add(new RouteStep(step.kind(), people, step.consent()));
        }
        if (matched != base.steps().size() || steps.size() != proposed.steps().size()) {
            throw new RouteException(RouteException.Reason.DECISION_NOT_LAST, "事務決裁規程による回議先（" + base.steps().stream()
                    .map(s -> s.approver().label()).collect(Collectors.joining("、")) + "）は外せず、順序も変えられません"
                    + " (the steps the rules require cannot be removed or reordered)");
        }
        ApprovalRoute result = new ApprovalRoute(base.drafter(), base.asOf(), steps, List.of());
        return addReaders(result, proposed.readers().stream().map(PostHolder::staffNo).toList());
    }

    private PostHolder holding(ApprovalRoute route, PostHolder person) {
        PostHolder post = resolve(route, new ApproverPost(person.unitCode(), person.position()));
        boolean holds = directory.holders(person.unitCode(), person.position(), route.asOf()).stream()
                .anyMatch(m -> m.staffNo().equals(person.staffNo()));
        if (!holds) {
            throw new RouteException(RouteException.Reason.UNKNOWN_REFERENCE, person.name() + "は" + route.asOf() + "に"
                    + post.unitName() + person.position() + "ではありません (" + person.staffNo() + " does not hold that post"
                    + " on " + route.asOf() + ")");
        }
        return new PostHolder(post.unitCode(), post.unitName(), post.position(), person.staffNo(),
                directory.member(person.staffNo()).map(StaffMember::name).orElse(person.name()));
    }

    private static boolean samePeople(RouteStep a, RouteStep b) {
        return a.kind() == b.kind() && a.approvers().stream().map(PostHolder::staffNo).toList()
                .equals(b.approvers().stream().map(PostHolder::staffNo).toList());
    }

    /** The holder of the post on the route's date (the most senior, 本務 first, when several hold it). */
    public PostHolder resolve(ApprovalRoute route, ApproverPost post) {
        OrgUnit unit = directory.unit(post.unitCode()).orElseThrow(() -> new RouteException(
                RouteException.Reason.UNKNOWN_REFERENCE, "組織コード「" + post.unitCode() + "」の組織がありません (no unit "
                        + post.unitCode() + ")"));
        List<StaffMember> holders = directory.holders(post.unitCode(), post.position(), route.asOf());
        if (holders.isEmpty()) {
            throw new RouteException(RouteException.Reason.VACANT_POST, unit.name() + post.position() + "は" + route.asOf()
                    + "に欠員です (the post " + post.position() + " of " + unit.name() + " is vacant on " + route.asOf() + ")");
        }
        StaffMember member = holders.getFirst();
        return new PostHolder(unit.code(), directory.unitDisplayName(unit.code()), post.position(), member.staffNo(),
                member.name());
    }
}
