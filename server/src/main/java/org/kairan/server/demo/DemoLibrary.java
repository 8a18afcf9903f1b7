package org.kairan.server.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.DocumentNumber;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.SyncCommand;
import org.kairan.core.time.Wareki;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.documents.LibraryModule;
import org.kairan.server.files.FileStore;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.CommandService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo city's document libraries: every 課 gets its 事務分掌 (its 係 and who leads them) and its 業務計画,
 * and 財政課, 情報政策課 and 市民課 the documents of {@code library.json} — text PDFs, a document with a second
 * version, and scans (an image-only PDF, a PNG) whose text only OCR can find. They are added by members of
 * each 課 through the command service, as from a desktop; their text is extracted in the background after
 * start-up, like any upload.
 */
final class DemoLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLibrary.class);

    /** One document of {@code library.json}: each entry of {@code versions} is a version's pages. */
    record Entry(String unit, String by, String title, String classification, int fiscalYearsAgo, List<String> tags,
            String file, boolean scanned, List<List<DemoDocuments.Page>> versions) {
    }

    private final Database database;
    private final CommandService commands;
    private final SessionUsers users;
    private final DirectoryCache directory;
    private final FileStore files;
    private final LibraryModule library;
    private final RecordSettings records;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private volatile boolean closing;
    private Thread filling;

    DemoLibrary(Database database, CommandService commands, SessionUsers users, DirectoryCache directory,
            FileStore files, LibraryModule library, RecordSettings records, ObjectMapper json, Clock clock, ZoneId zone) {
        this.database = database;
        this.commands = commands;
        this.users = users;
        this.directory = directory;
        this.files = files;
        this.library = library;
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether an earlier start began filling the demo libraries (the first listed document is there). */
    boolean begun(byte[] listing) {
        try {
            Entry first = json.readValue(listing, Entry[].class)[0];
            String id = documentId(first);
            return database.inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT 1 FROM library_document WHERE id = ?")) {
                    ps.setString(1, id);
                    try (var rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("the demo library cannot be read: " + e.getMessage(), e);
        }
    }

    private static String documentId(Entry entry) {
        return UUID.nameUUIDFromBytes(("demo-document/" + entry.unit() + "/" + entry.title())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Adds the missing demo documents on a thread of its own. */
    synchronized void startFilling(byte[] listing) {
        if (filling != null || closing) {
            return;
        }
        filling = new Thread(() -> {
            long started = System.nanoTime();
            try {
                int added = load(listing);
                if (added > 0) {
                    LOG.info("demo city: {} library documents added in {} ms; their text is being extracted", added,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException e) {
                if (!closing) {
                    LOG.warn("the demo libraries were not filled: {}", e.toString());
                }
            }
        }, "kairan-demo-library");
        filling.setDaemon(true);
        filling.start();
    }

    /** Stops after the document being added (the rest is added at the next start). */
    @Override
    public void close() {
        closing = true;
        Thread running;
        synchronized (this) {
            running = filling;
        }
        if (running != null) {
            try {
                running.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Adds the demo documents (and versions) not there yet; returns how many. None when the IPA fonts are missing. */
    int load(byte[] listing) {
        List<Entry> entries;
        try {
            entries = List.of(json.readValue(listing, Entry[].class));
        } catch (IOException e) {
            throw new IllegalStateException("the demo library cannot be read: " + e.getMessage(), e);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int fiscalYear = DocumentNumber.fiscalYearOf(today);
        OrganisationDirectory organisation = database.inTransaction(directory::directory);
        List<Entry> all = new ArrayList<>(entries);
        for (OrgUnit division : organisation.allUnits().stream().filter(u -> u.kind() == UnitKind.DIVISION)
                .sorted(Comparator.comparing(OrgUnit::code)).toList()) {
            member(organisation, division, today).ifPresent(by -> all.addAll(standard(organisation, division, by, today)));
        }
        int added = 0;
        try (DemoDocuments documents = new DemoDocuments(records.fonts())) {
            for (Entry entry : all) {
                if (closing) {
                    break;
                }
                if (add(documents, entry, fiscalYear - entry.fiscalYearsAgo())) {
                    added++;
                }
            }
        } catch (IOException e) {
            LOG.warn("the demo library stays empty: {}", e.getMessage());
        }
        return added;
    }

    /** Who adds a 課's standard documents: its 課長, else anyone posted in it or its 係. */
    private static Optional<String> member(OrganisationDirectory organisation, OrgUnit division, LocalDate today) {
        List<StaffMember> heads = organisation.holders(division.code(), "課長", today);
        if (!heads.isEmpty()) {
            return Optional.of(heads.getFirst().staffNo());
        }
        List<String> units = new ArrayList<>(List.of(division.code()));
        organisation.childrenOf(division.code()).forEach(u -> units.add(u.code()));
        return units.stream().flatMap(u -> organisation.postsIn(u, today).stream()).map(Assignment::staffNo).findFirst();
    }

    /** The 事務分掌 and the 業務計画 every 課 keeps. */
    private static List<Entry> standard(OrganisationDirectory organisation, OrgUnit division, String by, LocalDate today) {
        String name = division.name();
        String path = organisation.unitDisplayName(division.code());
        List<String> duties = new ArrayList<>(List.of(path, ""));
        List<String> plan = new ArrayList<>(List.of(path, "", "1. 目標",
                name + "の事務を正確かつ迅速に処理し、市民サービスの向上に努める。", "", "2. 主な取組"));
        List<StaffMember> heads = organisation.holders(division.code(), "課長", today);
        duties.add("課長　" + (heads.isEmpty() ? "（欠員）" : heads.getFirst().name()));
        int n = 1;
        for (OrgUnit section : organisation.childrenOf(division.code())) {
            List<Assignment> posts = organisation.postsIn(section.code(), today);
            List<StaffMember> leaders = organisation.holders(section.code(), "係長", today);
            duties.add(section.name() + "　係長 " + (leaders.isEmpty() ? "（欠員）" : leaders.getFirst().name()) + "　職員"
                    + posts.size() + "人");
            plan.add("（" + n++ + "）" + section.name() + "の業務手順の見直しと書類の電子化を進める。");
        }
        plan.addAll(List.of("（" + n + "）電子決裁の利用率を100％とし、紙の決裁を廃止する。", "", "3. 進捗管理",
                "四半期ごとに課内会議で進捗を確認し、部長に報告する。"));
        String year = Wareki.fiscalYear(today);
        return List.of(
                new Entry(division.code(), by, name + " 事務分掌", "一般庶務", 0, List.of("事務分掌", "組織"),
                        name + "_事務分掌.pdf", false, List.of(List.of(new DemoDocuments.Page(name + " 事務分掌", duties)))),
                new Entry(division.code(), by, year + " " + name + " 業務計画", "事業計画", 0, List.of("業務計画"),
                        name + "_業務計画.pdf", false, List.of(List.of(new DemoDocuments.Page(year + " " + name + " 業務計画",
                                plan)))));
    }

    /** Adds the entry's versions not there yet; returns whether it added any. */
    private boolean add(DemoDocuments documents, Entry entry, int fiscalYear) throws IOException {
        String id = documentId(entry);
        int there = database.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM library_version WHERE document_id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        if (there >= entry.versions().size()) {
            return false;
        }
        for (int v = there; v < entry.versions().size(); v++) {
            List<DemoDocuments.Page> pages = entry.versions().get(v);
            long seed = id.hashCode() * 31L + v;
            byte[] bytes = !entry.scanned() ? documents.pdf(pages)
                    : entry.file().endsWith(".png") ? documents.scannedPng(pages, seed) : documents.scannedPdf(pages, seed);
            StoredFile stored = files.put(new ByteArrayInputStream(bytes), entry.file(), entry.by(), library.fileCheck());
            DocumentFile file = new DocumentFile(entry.file(), stored.sha256());
            boolean applied = v == 0
                    ? send(entry.by(), CommandTypes.ADD_DOCUMENT, new AddDocument(id, entry.unit(), entry.title(),
                            entry.classification(), fiscalYear, entry.tags(), null, file), entry.title())
                    : send(entry.by(), CommandTypes.ADD_DOCUMENT_VERSION, new AddDocumentVersion(id, file), entry.title());
            if (!applied) {
                return false;
            }
        }
        return true;
    }

    private boolean send(String staffNo, String type, Object payload, String title) {
        SessionUser user = database.inTransaction(c -> users.load(c, staffNo))
                .orElseThrow(() -> new IllegalStateException("demo library person " + staffNo + " is not in the roster"));
        String text;
        try {
            Map<String, Object> map = json.convertValue(payload, new TypeReference<TreeMap<String, Object>>() { });
            text = json.writeValueAsString(new LinkedHashMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        CommandResult result = commands.apply(user, List.of(new SyncCommand(UUID.randomUUID().toString(), type, text,
                Instant.now()))).results().getFirst();
        if (result.outcome() != CommandOutcome.APPLIED) {
            LOG.warn("demo document「{}」: {} by {} not applied: {}", title, type, staffNo, result);
            return false;
        }
        return true;
    }
}
