package org.kairan.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ImportReport;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.login.AccountService;
import org.kairan.server.roster.RosterImporter;
import org.kairan.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo city 伊織市: on the first start with {@code --demo} (an empty directory) its roster is
 * imported through the ordinary {@link RosterImporter}, and the demo accounts get the initial password
 * {@value #PASSWORD} with no second factor, so their first login enrols one.
 */
public final class DemoCity {

    public static final String PASSWORD = "kairan-demo-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);
    private static final String BASE = "/org/kairan/server/demo/";

    private final Database database;
    private final OrganisationStore store;
    private final RosterImporter importer;
    private final AccountService accounts;

    public DemoCity(Database database, OrganisationStore store, RosterImporter importer, AccountService accounts) {
        this.database = database;
        this.store = store;
        this.importer = importer;
        this.accounts = accounts;
    }

    /** Loads the demo city unless the directory already has staff; returns whether it did. */
    public boolean loadIfEmpty() {
        if (database.inTransaction(store::staffCount) > 0) {
            return false;
        }
        AuditActor system = AuditActor.system("demo set-up");
        ImportReport report = importer.importRoster(resource("units.csv"), resource("staff.csv"), system);
        if (!report.applied()) {
            throw new IllegalStateException("the demo roster was rejected: " + report.rejected());
        }
        List<String> demoAccounts = accountsToCreate();
        char[] password = PASSWORD.toCharArray();
        for (String staffNo : demoAccounts) {
            accounts.setPassword(staffNo, password, system);
        }
        LOG.info("demo city loaded: {} staff rows; demo accounts {} with password {}", report.staffAccepted(),
                demoAccounts, PASSWORD);
        return true;
    }

    private List<String> accountsToCreate() {
        Set<String> staffNos = new LinkedHashSet<>();
        String listed = new String(resource("accounts.txt"), StandardCharsets.UTF_8);
        listed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(staffNos::add);
        for (StaffMember member : database.inTransaction(store::staff)) {
            if (!member.roles().isEmpty()) {
                staffNos.add(member.staffNo());
            }
        }
        Set<String> known = new LinkedHashSet<>();
        database.inTransaction(store::staff).forEach(m -> known.add(m.staffNo()));
        List<String> result = new ArrayList<>();
        for (String staffNo : staffNos) {
            if (known.contains(staffNo)) {
                result.add(staffNo);
            } else {
                LOG.warn("demo account {} is not in the demo roster", staffNo);
            }
        }
        return result;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoCity.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + BASE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo resource " + name, e);
        }
    }
}
