package org.kairan.app.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kairan.app.directory.DirectoryNode.PostNode;
import org.kairan.app.directory.DirectoryNode.UnitNode;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.NameMatcher;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;

/**
 * The organisation as a tree on one day, optionally narrowed by a search for 氏名, かな or 職員番号:
 * each unit lists the people posted in it (most senior first), then its sub-units. While a search is
 * active only matching people and the units that lead to them are shown. No SWT: tested on its own.
 */
public final class DirectoryTreeModel {

    private final OrganisationDirectory directory;
    private final LocalDate day;
    private final NameMatcher matcher;
    private final Set<String> visibleUnits;
    private final int staffOnDay;
    private final int matchingStaff;

    public DirectoryTreeModel(OrganisationDirectory directory, LocalDate day, String query) {
        this.directory = directory;
        this.day = day;
        this.matcher = new NameMatcher(query);
        Set<String> everyone = new HashSet<>();
        Set<String> matching = new HashSet<>();
        Set<String> units = new HashSet<>();
        for (OrgUnit top : directory.topLevelUnits()) {
            collect(top, everyone, matching, units);
        }
        this.visibleUnits = units;
        this.staffOnDay = everyone.size();
        this.matchingStaff = matching.size();
    }

    /** Walks the tree once: who is posted anywhere, who matches, which units have a match below them. */
    private boolean collect(OrgUnit unit, Set<String> everyone, Set<String> matching, Set<String> units) {
        boolean visible = false;
        for (Assignment post : directory.postsIn(unit.code(), day)) {
            everyone.add(post.staffNo());
            StaffMember member = directory.member(post.staffNo()).orElse(null);
            if (member != null && matcher.matches(member)) {
                matching.add(member.staffNo());
                visible = true;
            }
        }
        for (OrgUnit child : directory.childrenOf(unit.code())) {
            visible |= collect(child, everyone, matching, units);
        }
        if (visible || matcher.isBlank()) {
            units.add(unit.code());
        }
        return visible;
    }

    public boolean isFiltered() {
        return !matcher.isBlank();
    }

    public LocalDate day() {
        return day;
    }

    public OrganisationDirectory directory() {
        return directory;
    }

    /** People with at least one post on the day. */
    public int staffCount() {
        return staffOnDay;
    }

    /** People shown (all of them without a search). */
    public int matchingCount() {
        return matchingStaff;
    }

    public List<DirectoryNode> roots() {
        return directory.topLevelUnits().stream().filter(u -> visibleUnits.contains(u.code()))
                .map(u -> (DirectoryNode) new UnitNode(u)).toList();
    }

    public List<DirectoryNode> children(DirectoryNode node) {
        if (!(node instanceof UnitNode(OrgUnit unit))) {
            return List.of();
        }
        List<DirectoryNode> children = new ArrayList<>();
        for (Assignment post : directory.postsIn(unit.code(), day)) {
            directory.member(post.staffNo()).filter(matcher::matches)
                    .ifPresent(member -> children.add(new PostNode(post, member)));
        }
        for (OrgUnit child : directory.childrenOf(unit.code())) {
            if (visibleUnits.contains(child.code())) {
                children.add(new UnitNode(child));
            }
        }
        return children;
    }

    public boolean hasChildren(DirectoryNode node) {
        return !children(node).isEmpty();
    }

    /** The parent row of a node (for reveal and expand). */
    public DirectoryNode parent(DirectoryNode node) {
        String unitCode = switch (node) {
            case UnitNode(OrgUnit unit) -> unit.isTopLevel() ? null : unit.parentCode();
            case PostNode(Assignment post, StaffMember member) -> post.unitCode();
        };
        return unitCode == null ? null : directory.unit(unitCode).map(u -> (DirectoryNode) new UnitNode(u)).orElse(null);
    }

    /** All posts a person holds on the day (本務 first), for the detail panel. */
    public List<Assignment> postsOf(String staffNo) {
        List<Assignment> posts = new ArrayList<>();
        collectPosts(staffNo, directory.topLevelUnits(), posts);
        posts.sort((a, b) -> a.kind().compareTo(b.kind()));
        return posts;
    }

    private void collectPosts(String staffNo, List<OrgUnit> units, List<Assignment> out) {
        for (OrgUnit unit : units) {
            for (Assignment post : directory.postsIn(unit.code(), day)) {
                if (post.staffNo().equals(staffNo)) {
                    out.add(post);
                }
            }
            collectPosts(staffNo, directory.childrenOf(unit.code()), out);
        }
    }

    /** Number of people posted in the unit and all its sub-units on the day. */
    public int headcount(String unitCode) {
        Set<String> people = new HashSet<>();
        countPeople(unitCode, people);
        return people.size();
    }

    private void countPeople(String unitCode, Set<String> people) {
        directory.postsIn(unitCode, day).forEach(p -> people.add(p.staffNo()));
        directory.childrenOf(unitCode).forEach(child -> countPeople(child.code(), people));
    }
}
