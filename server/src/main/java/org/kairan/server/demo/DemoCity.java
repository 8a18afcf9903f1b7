package org.kairan.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.ImportReport;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.SyncCommand;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.documents.LibraryModule;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiModule;
import org.kairan.server.login.AccountService;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.roster.RosterImporter;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.CommandService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The demo city 伊織市: on the first start with {@code --demo} (an empty directory) its roster is
 * imported through the ordinary {@link RosterImporter}, and the demo accounts get the initial password
 * {@value #PASSWORD} with no second factor, so their first login enrols one. A few 回覧 ({@code circulars.json})
 * are posted by their authors through the command service, as if written on a desktop, a few 決裁
 * ({@code kessai.json}) drafted and routed the same way; after start-up, in the background, the 課 document
 * libraries are filled ({@code library.json} and two documents for every 課) and their text extracted.
 */
public final class DemoCity implements AutoCloseable {

    public static final String PASSWORD = "kairan-demo-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);
    private static final String BASE = "/org/kairan/server/demo/";

    private final Database database;
    private final OrganisationStore store;
    private final RosterImporter importer;
    private final AccountService accounts;
    private final CommandService commands;
    private final SessionUsers users;
    private final ObjectMapper json;
    private final DemoKessai demoKessai;
    private final DemoLibrary demoLibrary;

    /** @param library the document libraries to fill, {@code null} to leave them empty (kairan.demo.library=false) */
    public DemoCity(Database database, OrganisationStore store, RosterImporter importer, AccountService accounts,
            CommandService commands, SessionUsers users, ObjectMapper json, DirectoryCache directory, KessaiModule kessai,
            FileStore files, LibraryModule library, RecordSettings records, Clock clock, ZoneId zone) {
        this.database = database;
        this.store = store;
        this.importer = importer;
        this.accounts = accounts;
        this.commands = commands;
        this.users = users;
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.demoKessai = new DemoKessai(database, commands, users, directory, kessai, this.json, clock, zone, files,
                records);
        this.demoLibrary = library == null ? null : new DemoLibrary(database, commands, users, directory, files, library,
                records, this.json, clock, zone);
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
        int circulars = postCirculars();
        int kessai = demoKessai.load(resource("kessai.json"));
        LOG.info("demo city loaded: {} staff rows; demo accounts {} with password {}; {} 回覧; {} 決裁",
                report.staffAccepted(), demoAccounts, PASSWORD, circulars, kessai);
        return true;
    }

    /**
     * Fills the 課 document libraries on a thread of its own, so the server listens meanwhile: the documents
     * appear within seconds, and their text is extracted after them. What an earlier start did not finish (a
     * server stopped meanwhile) is added at a later start — of the demo city only: a real city's directory with
     * {@code --demo} given by mistake gets nothing. Nothing when the libraries are to stay empty.
     *
     * @param justLoaded whether this start loaded the demo city
     */
    public void fillLibrariesInBackground(boolean justLoaded) {
        if (demoLibrary != null && (justLoaded || demoLibrary.begun(resource("library.json")))) {
            demoLibrary.startFilling(resource("library.json"));
        }
    }

    /** Stops filling the libraries (what was added stays); waits for the document being added. */
    @Override
    public void close() {
        if (demoLibrary != null) {
            demoLibrary.close();
        }
    }

    /** A demo 回覧 as {@code circulars.json} lists it. */
    private record DemoCircular(String author, String unitCode, String title, String body) {
    }

    /**
     * Posts the demo 回覧 as their authors would, through the command route's service (so they are in the
     * feed and the audit log like any other); returns how many were applied.
     */
    private int postCirculars() {
        List<DemoCircular> listed;
        try {
            listed = List.of(json.readValue(resource("circulars.json"), DemoCircular[].class));
        } catch (IOException e) {
            throw new IllegalStateException("the demo 回覧 cannot be read: " + e.getMessage(), e);
        }
        int applied = 0;
        for (DemoCircular c : listed) {
            SessionUser author = database.inTransaction(t -> users.load(t, c.author()))
                    .orElseThrow(() -> new IllegalStateException("demo 回覧 author " + c.author() + " is not in the roster"));
            String id = UUID.nameUUIDFromBytes(("demo/" + c.title()).getBytes(StandardCharsets.UTF_8)).toString();
            Map<String, String> payload = new TreeMap<>(Map.of("circularId", id, "unitCode", c.unitCode(),
                    "title", c.title(), "body", c.body()));
            String text;
            try {
                text = json.writeValueAsString(payload);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            CommandResult result = commands.apply(author, List.of(new SyncCommand(id, CommandTypes.POST_CIRCULAR,
                    text, Instant.now()))).results().getFirst();
            if (result.outcome() == CommandOutcome.APPLIED) {
                applied++;
            } else {
                LOG.warn("demo 回覧 {} not posted: {}", c.title(), result);
            }
        }
        return applied;
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
