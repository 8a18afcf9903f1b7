package org.kairan.core.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a {@link DirectorySnapshot} as of a date: the unit tree, who works where, and who held a
 * post on a given day (人事異動 take effect on their 発令日). Immutable; build a new one per snapshot.
 */
public final class OrganisationDirectory {

    private static final Comparator<OrgUnit> UNIT_ORDER =
            Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::code);

    private final Map<String, OrgUnit> units;
    private final Map<String, StaffMember> staff;
    private final Map<String, List<OrgUnit>> children;
    private final List<Assignment> assignments;
    private final Map<String, Integer> positionRanks;

    /** @param snapshot the data; members are ordered by the rank of their 役職, unknown ones last */
    public OrganisationDirectory(DirectorySnapshot snapshot) {
        this.units = snapshot.units().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity(),
                (a, b) -> b, LinkedHashMap::new));
        this.staff = snapshot.staff().stream().collect(Collectors.toMap(StaffMember::staffNo, Function.identity(),
                (a, b) -> b, LinkedHashMap::new));
        this.children = snapshot.units().stream().filter(u -> !u.isTopLevel())
                .collect(Collectors.groupingBy(OrgUnit::parentCode));
        this.children.replaceAll((k, v) -> v.stream().sorted(UNIT_ORDER).toList());
        this.assignments = snapshot.assignments();
        this.positionRanks = snapshot.positions().stream()
                .collect(Collectors.toUnmodifiableMap(Position::name, Position::rank, Math::max));
    }

    public List<OrgUnit> topLevelUnits() {
        return units.values().stream().filter(OrgUnit::isTopLevel).sorted(UNIT_ORDER).toList();
    }

    /** Every unit, in 組織コード order. */
    public List<OrgUnit> allUnits() {
        return units.values().stream().sorted(Comparator.comparing(OrgUnit::code)).toList();
    }

    public List<OrgUnit> childrenOf(String unitCode) {
        return children.getOrDefault(unitCode, List.of());
    }

    public Optional<OrgUnit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Optional<StaffMember> member(String staffNo) {
        return Optional.ofNullable(staff.get(staffNo));
    }

    public List<StaffMember> allStaff() {
        return List.copyOf(staff.values());
    }

    /** The path from the 部局 down to the unit, e.g. 市長部局 › 企画財政部 › 財政課. */
    public List<OrgUnit> pathTo(String unitCode) {
        List<OrgUnit> path = new ArrayList<>();
        OrgUnit unit = units.get(unitCode);
        while (unit != null && path.size() < 16) {
            path.addFirst(unit);
            unit = unit.isTopLevel() ? null : units.get(unit.parentCode());
        }
        return path;
    }

    /** Assignments held in the unit itself (not its sub-units) on the day, most senior first. */
    public List<Assignment> postsIn(String unitCode, LocalDate day) {
        return assignments.stream()
                .filter(a -> a.unitCode().equals(unitCode) && a.isEffectiveOn(day))
                .sorted(Comparator.comparingInt((Assignment a) -> -rank(a.position()))
                        .thenComparing(a -> a.kind().ordinal())
                        .thenComparing(a -> kanaOf(a.staffNo())))
                .toList();
    }

    /** Who held the position in the unit on the day ("who was 課長 of 財政課 on 2026-04-01"). */
    public List<StaffMember> holders(String unitCode, String position, LocalDate day) {
        return postsIn(unitCode, day).stream().filter(a -> a.position().equals(position))
                .map(a -> staff.get(a.staffNo())).filter(java.util.Objects::nonNull).toList();
    }

    /** The person's 本務 on the day, if any (the latest 発令 when records overlap). */
    public Optional<Assignment> primaryPost(String staffNo, LocalDate day) {
        return assignments.stream()
                .filter(a -> a.staffNo().equals(staffNo) && a.kind() == AssignmentKind.PRIMARY && a.isEffectiveOn(day))
                .max(Comparator.comparing(Assignment::effectiveFrom));
    }

    /**
     * 所属 as people write it: the unit names below the 部局 (企画財政部 財政課 財政係), or from the 部局
     * when no 部 follows it on the path (議会事務局 議事課, 市長部局).
     */
    public String unitDisplayName(String unitCode) {
        List<OrgUnit> path = pathTo(unitCode);
        if (path.size() > 1 && path.get(0).kind() == UnitKind.BUREAU && path.get(1).kind() == UnitKind.DEPARTMENT) {
            path = path.subList(1, path.size());
        }
        return path.stream().map(OrgUnit::name).collect(Collectors.joining(" "));
    }

    /** All posts (本務 and 兼務) of the person on the day. */
    public List<Assignment> postsOf(String staffNo, LocalDate day) {
        return assignments.stream().filter(a -> a.staffNo().equals(staffNo) && a.isEffectiveOn(day))
                .sorted(Comparator.comparing(Assignment::kind)).toList();
    }

    /** Staff whose 氏名, かな or 職員番号 match the query, ordered by reading. */
    public List<StaffMember> search(String query) {
        NameMatcher matcher = new NameMatcher(query);
        return staff.values().stream().filter(matcher::matches)
                .sorted(Comparator.comparing(StaffMember::kana).thenComparing(StaffMember::staffNo)).toList();
    }

    public int rank(String position) {
        return positionRanks.getOrDefault(position, 0);
    }

    private String kanaOf(String staffNo) {
        StaffMember member = staff.get(staffNo);
        return member == null ? "" : member.kana();
    }
}
