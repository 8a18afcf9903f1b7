package org.kairan.core.kessai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        Optional<String> ownDivision = Divisions.divisionOf(directory, route.drafter().unitCode()).map(OrgUnit::code);
        List<PostHolder> members = new ArrayList<>();
        for (ApproverPost post : posts) {
            Optional<OrgUnit> division = Divisions.divisionOf(directory, post.unitCode());
            if (ownDivision.isPresent() && division.map(OrgUnit::code).equals(ownDivision)) {
                throw new RouteException(RouteException.Reason.OWN_DIVISION, "合議は他の課に求めるものです。"
                        + division.get().name() + "は起案者の課です (a 合議 is asked of another 課, not the drafter's own "
                        + division.get().name() + ")");
            }
            members.add(resolve(route, post));
        }
        return route.withStepAt(index, RouteStep.consultation(members, consent));
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
