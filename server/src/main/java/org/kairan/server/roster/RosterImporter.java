package org.kairan.server.roster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.Position;
import org.kairan.core.organisation.Role;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.RejectedRow;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.directory.AssignmentConflictException;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.roster.RosterRows.StaffLine;
import org.kairan.server.roster.RosterRows.UnitLine;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.DirectoryFeed;

/**
 * Imports a roster (units.csv and/or staff.csv) all or nothing: every row is checked first, and only
 * when none is rejected is the whole roster written, in one transaction with its audit entry.
 * Importing the same roster again changes nothing (units and staff are upserted, the same 発令 is
 * recognised). What changed goes into the change feed in the same transaction.
 */
public final class RosterImporter {

    static final String UNITS_LABEL = "【組織】";
    static final String STAFF_LABEL = "【職員】";

    private final Database database;
    private final OrganisationStore store;
    private final AuditLog audit;
    private final DirectoryFeed feed;
    private final CsvReader csv = new CsvReader();

    /** Run after an import that changed something has committed (business chat provisions new staff). */
    private final Runnable afterImport;

    public RosterImporter(Database database, OrganisationStore store, AuditLog audit, DirectoryFeed feed) {
        this(database, store, audit, feed, () -> {
        });
    }

    public RosterImporter(Database database, OrganisationStore store, AuditLog audit, DirectoryFeed feed,
            Runnable afterImport) {
        this.database = database;
        this.store = store;
        this.audit = audit;
        this.feed = feed;
        this.afterImport = afterImport;
    }

    /** Thrown inside the transaction to roll it back when rows were rejected. */
    private static final class Rejected extends RuntimeException {
        private final transient ImportReport report;

        Rejected(ImportReport report) {
            super("roster rejected", null, false, false);
            this.report = report;
        }
    }

    /**
     * @param unitsFile the bytes of units.csv, or {@code null}
     * @param staffFile the bytes of staff.csv, or {@code null}
     * @param actor     who imports (for the audit log)
     * @return the report; {@code applied} tells whether anything was written
     */
    public synchronized ImportReport importRoster(byte[] unitsFile, byte[] staffFile, AuditActor actor) {
        if (unitsFile == null && staffFile == null) {
            throw new IllegalArgumentException("no roster file given");
        }
        List<RejectedRow> undecodable = new ArrayList<>();
        Set<String> encodings = new LinkedHashSet<>();
        List<CsvRecord> unitRecords = read(unitsFile, UNITS_LABEL, undecodable, encodings);
        List<CsvRecord> staffRecords = read(staffFile, STAFF_LABEL, undecodable, encodings);
        String encoding = encodings.isEmpty() ? "unknown" : String.join(", ", encodings);
        try {
            return database.inTransaction(c -> {
                RosterValidator validator = new RosterValidator(storedUnits(c),
                        store.positions(c).stream().map(Position::name).collect(Collectors.toSet()));
                undecodable.forEach(r -> validator.reject(r.line(), r.reason(), r.text()));
                List<UnitLine> units = unitRecords == null ? List.of() : validator.units(UNITS_LABEL, unitRecords);
                Set<String> unitCodes = new HashSet<>(storedUnits(c).keySet());
                units.forEach(u -> unitCodes.add(u.unit().code()));
                List<StaffLine> staff = staffRecords == null ? List.of()
                        : validator.staff(STAFF_LABEL, staffRecords, unitCodes);
                if (!validator.rejected().isEmpty()) {
                    throw new Rejected(report(false, encoding, units, staff, validator.rejected()));
                }
                var before = feed.before(c);
                int adminsBefore = store.countWithRole(c, Role.ADMIN);
                Counts counts = apply(c, units, staff, staffRecords, validator);
                if (adminsBefore > 0 && store.countWithRole(c, Role.ADMIN) == 0) {
                    validator.reject(1, STAFF_LABEL + "この取込みで権限「管理者」の職員が一人もいなくなります"
                            + "（管理者を一人以上残してください）", "");
                }
                if (!validator.rejected().isEmpty()) {
                    throw new Rejected(report(false, encoding, units, staff, validator.rejected()));
                }
                feed.publishChanges(c, before);
                audit.append(c, actor, AuditLog.ROSTER_IMPORT, AuditLog.SUCCESS, "units " + units.size() + " rows ("
                        + counts.units + " changed), staff " + staff.size() + " rows (" + counts.staff
                        + " people changed, " + counts.appointments + " new 発令), " + encoding);
                database.afterCommit(afterImport);
                return report(true, encoding, units, staff, List.of());
            });
        } catch (Rejected e) {
            return e.report;
        }
    }

    private List<CsvRecord> read(byte[] file, String label, List<RejectedRow> rejected, Set<String> encodings) {
        if (file == null) {
            return null;
        }
        Optional<RosterText> text = RosterText.decode(file);
        if (text.isEmpty()) {
            rejected.add(new RejectedRow(1, label + "文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）",
                    ""));
            return null;
        }
        encodings.add(text.get().encoding());
        return csv.read(text.get().text());
    }

    private Map<String, OrgUnit> storedUnits(Connection c) throws SQLException {
        return store.units(c).stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    }

    private record Counts(int units, int staff, int appointments) {
    }

    private Counts apply(Connection c, List<UnitLine> units, List<StaffLine> staff, List<CsvRecord> staffRecords,
            RosterValidator validator) throws SQLException {
        int unitsChanged = 0;
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        units.forEach(u -> byCode.put(u.unit().code(), u.unit()));
        // Parents before children: 部局, 部, 課, 係.
        List<OrgUnit> ordered = new ArrayList<>(byCode.values());
        ordered.sort(Comparator.comparing((OrgUnit u) -> u.kind().ordinal()).thenComparing(OrgUnit::code));
        for (OrgUnit unit : ordered) {
            if (store.upsertUnit(c, unit)) {
                unitsChanged++;
            }
        }
        Map<String, StaffMember> people = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new HashMap<>();
        for (StaffLine line : staff) {
            roles.computeIfAbsent(line.staffNo(), k -> EnumSet.noneOf(Role.class)).addAll(line.roles());
        }
        for (StaffLine line : staff) {
            people.putIfAbsent(line.staffNo(), new StaffMember(line.staffNo(), line.name(), line.kana(), line.email(),
                    roles.get(line.staffNo())));
        }
        int staffChanged = 0;
        for (StaffMember member : people.values()) {
            if (store.upsertStaff(c, member)) {
                staffChanged++;
            }
        }
        int appointments = 0;
        List<StaffLine> byDate = new ArrayList<>(staff);
        byDate.sort(Comparator.comparing(StaffLine::effectiveFrom).thenComparing(StaffLine::line));
        for (StaffLine line : byDate) {
            try {
                if (store.appoint(c, new Assignment(line.staffNo(), line.unitCode(), line.position(),
                        line.effectiveFrom(), null, line.kind()))) {
                    appointments++;
                }
            } catch (AssignmentConflictException e) {
                String text = staffRecords.stream().filter(r -> r.line() == line.line()).map(CsvRecord::text)
                        .findFirst().orElse("");
                validator.reject(line.line(), STAFF_LABEL + "職員番号 " + line.staffNo() + " には同じ発令日（"
                        + line.effectiveFrom() + "）の別の本務がすでに登録されています", text);
            }
        }
        return new Counts(unitsChanged, staffChanged, appointments);
    }

    private static ImportReport report(boolean applied, String encoding, List<UnitLine> units, List<StaffLine> staff,
            List<RejectedRow> rejected) {
        List<RejectedRow> sorted = new ArrayList<>(rejected);
        sorted.sort(Comparator.comparing(RejectedRow::line));
        return new ImportReport(applied, encoding, units.size(), staff.size(), sorted);
    }
}
