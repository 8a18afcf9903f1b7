package org.kairan.server.directory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.Role;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;

/**
 * SQL for the organisation directory: 役職, units, staff, roles and assignments. Every method runs
 * on the caller's transaction connection.
 */
public final class OrganisationStore {

    public List<Position> positions(Connection c) throws SQLException {
        List<Position> positions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, seniority FROM position_title ORDER BY seniority DESC, name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                positions.add(new Position(rs.getString(1), rs.getInt(2)));
            }
        }
        return positions;
    }

    public boolean positionExists(Connection c, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM position_title WHERE name = ?", name);
    }

    public List<OrgUnit> units(Connection c) throws SQLException {
        List<OrgUnit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, parent_code, kind, name, kana, abbreviation,"
                + " sort_order FROM org_unit ORDER BY code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.add(unit(rs));
            }
        }
        return units;
    }

    public Optional<OrgUnit> unit(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, parent_code, kind, name, kana, abbreviation,"
                + " sort_order FROM org_unit WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(unit(rs)) : Optional.empty();
            }
        }
    }

    private static OrgUnit unit(ResultSet rs) throws SQLException {
        return new OrgUnit(rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7));
    }

    public List<StaffMember> staff(Connection c) throws SQLException {
        Map<String, Set<Role>> roles = roles(c);
        List<StaffMember> staff = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no, name, kana, email FROM staff ORDER BY staff_no");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String staffNo = rs.getString(1);
                staff.add(new StaffMember(staffNo, rs.getString(2), rs.getString(3), rs.getString(4),
                        roles.getOrDefault(staffNo, Set.of())));
            }
        }
        return staff;
    }

    public int staffCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public Optional<StaffMember> member(Connection c, String staffNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no, name, kana, email FROM staff WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rolesOf(c, staffNo)));
            }
        }
    }

    /** The 職員番号 for what a person types at login: their 職員番号 or their mail address. */
    public Optional<String> staffNoForLogin(Connection c, String userId) throws SQLException {
        String typed = userId.strip();
        if (exists(c, "SELECT 1 FROM staff WHERE staff_no = ?", typed)) {
            return Optional.of(typed);
        }
        if (!typed.contains("@")) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT staff_no FROM staff WHERE LOWER(email) = ? ORDER BY staff_no")) {
            ps.setString(1, typed.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                String found = rs.next() ? rs.getString(1) : null;
                // A mail address shared by two people identifies nobody.
                return found != null && !rs.next() ? Optional.of(found) : Optional.empty();
            }
        }
    }

    public Set<Role> rolesOf(Connection c, String staffNo) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM staff_role WHERE staff_no = ?")) {
            ps.setString(1, staffNo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(Role.valueOf(rs.getString(1)));
                }
            }
        }
        return roles;
    }

    /** How many people hold the role. */
    public int countWithRole(Connection c, Role role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_role WHERE role = ?")) {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Set<Role>> roles(Connection c) throws SQLException {
        Map<String, Set<Role>> roles = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_no, role FROM staff_role");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
            }
        }
        return roles;
    }

    public List<Assignment> assignments(Connection c) throws SQLException {
        return assignments(c, "SELECT staff_no, unit_code, position_name, effective_from, effective_until, kind"
                + " FROM assignment ORDER BY staff_no, effective_from, id");
    }

    public List<Assignment> assignmentsOf(Connection c, String staffNo) throws SQLException {
        return assignments(c, "SELECT staff_no, unit_code, position_name, effective_from, effective_until, kind"
                + " FROM assignment WHERE staff_no = ? ORDER BY effective_from, id", staffNo);
    }

    /** Who held the post in the unit on the day, most senior 本務 first. */
    public List<StaffMember> holders(Connection c, String unitCode, String position, LocalDate day) throws SQLException {
        List<String> staffNos = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.staff_no FROM assignment a JOIN staff s"
                + " ON s.staff_no = a.staff_no WHERE a.unit_code = ? AND a.position_name = ? AND a.effective_from <= ?"
                + " AND (a.effective_until IS NULL OR a.effective_until >= ?) ORDER BY a.kind DESC, s.kana, s.staff_no")) {
            ps.setString(1, unitCode);
            ps.setString(2, position);
            ps.setDate(3, Date.valueOf(day));
            ps.setDate(4, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!staffNos.contains(rs.getString(1))) {
                        staffNos.add(rs.getString(1));
                    }
                }
            }
        }
        List<StaffMember> holders = new ArrayList<>();
        for (String staffNo : staffNos) {
            member(c, staffNo).ifPresent(holders::add);
        }
        return holders;
    }

    /** The person's 本務 on the day, if any. */
    public Optional<Assignment> primaryPost(Connection c, String staffNo, LocalDate day) throws SQLException {
        List<Assignment> posts = assignments(c, "SELECT staff_no, unit_code, position_name, effective_from,"
                + " effective_until, kind FROM assignment WHERE staff_no = ? AND kind = 'PRIMARY' AND effective_from <= ?"
                + " AND (effective_until IS NULL OR effective_until >= ?) ORDER BY effective_from DESC, id DESC",
                staffNo, Date.valueOf(day), Date.valueOf(day));
        return posts.stream().findFirst();
    }

    public DirectorySnapshot snapshot(Connection c, LocalDate today) throws SQLException {
        return new DirectorySnapshot(today, positions(c), units(c), staff(c), assignments(c));
    }

    /** The directory's version: it changes in the same transaction as any change to the organisation. */
    public long version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM directory_version WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- writing -------------------------------------------------------------------------------

    /** Inserts or updates a unit; returns whether anything changed. */
    public boolean upsertUnit(Connection c, OrgUnit unit) throws SQLException {
        Optional<OrgUnit> existing = unit(c, unit.code());
        if (existing.isPresent()) {
            if (existing.get().equals(normalised(unit))) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE org_unit SET parent_code = ?, kind = ?, name = ?,"
                    + " kana = ?, abbreviation = ?, sort_order = ? WHERE code = ?")) {
                bindUnit(ps, unit);
                ps.setString(7, unit.code());
                ps.executeUpdate();
            }
            bumpVersion(c);
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO org_unit (parent_code, kind, name, kana,"
                + " abbreviation, sort_order, code) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindUnit(ps, unit);
            ps.setString(7, unit.code());
            ps.executeUpdate();
        }
        bumpVersion(c);
        return true;
    }

    private static OrgUnit normalised(OrgUnit unit) {
        return new OrgUnit(unit.code(), unit.isTopLevel() ? null : unit.parentCode(), unit.kind(), unit.name(),
                unit.kana(), unit.abbreviation(), unit.sortOrder());
    }

    private static void bindUnit(PreparedStatement ps, OrgUnit unit) throws SQLException {
        if (unit.isTopLevel()) {
            ps.setNull(1, Types.VARCHAR);
        } else {
            ps.setString(1, unit.parentCode());
        }
        ps.setString(2, unit.kind().name());
        ps.setString(3, unit.name());
        ps.setString(4, unit.kana());
        ps.setString(5, unit.abbreviation());
        ps.setInt(6, unit.sortOrder());
    }

    /** Inserts or updates a person and sets their roles; returns whether anything changed. */
    public boolean upsertStaff(Connection c, StaffMember member) throws SQLException {
        Optional<StaffMember> existing = member(c, member.staffNo());
        if (existing.isPresent() && existing.get().equals(member)) {
            return false;
        }
        String sql = existing.isPresent() ? "UPDATE staff SET name = ?, kana = ?, email = ? WHERE staff_no = ?"
                : "INSERT INTO staff (name, kana, email, staff_no) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, member.name());
            ps.setString(2, member.kana());
            ps.setString(3, member.email());
            ps.setString(4, member.staffNo());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_role WHERE staff_no = ?")) {
            ps.setString(1, member.staffNo());
            ps.executeUpdate();
        }
        for (Role role : member.roles()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_role (staff_no, role) VALUES (?, ?)")) {
                ps.setString(1, member.staffNo());
                ps.setString(2, role.name());
                ps.executeUpdate();
            }
        }
        bumpVersion(c);
        return true;
    }

    /**
     * Records a 発令. The same 発令 again changes nothing; a new 本務 ends the person's previous 本務
     * the day before its 発令日.
     *
     * @return whether anything changed
     * @throws AssignmentConflictException when the person already has another 本務 from the same day
     */
    public boolean appoint(Connection c, Assignment assignment) throws SQLException {
        if (exists(c, "SELECT 1 FROM assignment WHERE staff_no = ? AND unit_code = ? AND position_name = ? AND kind = ?"
                + " AND effective_from = ?", assignment.staffNo(), assignment.unitCode(), assignment.position(),
                assignment.kind().name(), Date.valueOf(assignment.effectiveFrom()))) {
            return false;
        }
        Date from = Date.valueOf(assignment.effectiveFrom());
        LocalDate until = assignment.effectiveUntil();
        if (assignment.kind() == AssignmentKind.PRIMARY) {
            // A 本務 already ordered for a later day ends this one the day before it.
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(effective_from) FROM assignment"
                    + " WHERE staff_no = ? AND kind = 'PRIMARY' AND effective_from > ?")) {
                ps.setString(1, assignment.staffNo());
                ps.setDate(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    Date next = rs.next() ? rs.getDate(1) : null;
                    if (next != null && (until == null || !until.isBefore(next.toLocalDate()))) {
                        until = next.toLocalDate().minusDays(1);
                    }
                }
            }
            if (exists(c, "SELECT 1 FROM assignment WHERE staff_no = ? AND kind = 'PRIMARY' AND effective_from = ?",
                    assignment.staffNo(), from)) {
                throw new AssignmentConflictException(assignment.staffNo(), assignment.effectiveFrom());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE assignment SET effective_until = ? WHERE staff_no = ?"
                    + " AND kind = 'PRIMARY' AND effective_from < ? AND (effective_until IS NULL OR effective_until >= ?)")) {
                ps.setDate(1, Date.valueOf(assignment.effectiveFrom().minusDays(1)));
                ps.setString(2, assignment.staffNo());
                ps.setDate(3, from);
                ps.setDate(4, from);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignment (staff_no, unit_code, position_name, kind,"
                + " effective_from, effective_until) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, assignment.staffNo());
            ps.setString(2, assignment.unitCode());
            ps.setString(3, assignment.position());
            ps.setString(4, assignment.kind().name());
            ps.setDate(5, from);
            if (until == null) {
                ps.setNull(6, Types.DATE);
            } else {
                ps.setDate(6, Date.valueOf(until));
            }
            ps.executeUpdate();
        }
        bumpVersion(c);
        return true;
    }

    private static List<Assignment> assignments(Connection c, String sql, Object... params) throws SQLException {
        List<Assignment> assignments = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate(5);
                    assignments.add(new Assignment(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), until == null ? null : until.toLocalDate(),
                            AssignmentKind.valueOf(rs.getString(6))));
                }
            }
        }
        return assignments;
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static void bumpVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE directory_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
