package org.kairan.server.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.ApproverPost;
import org.kairan.core.kessai.Consent;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.RouteBuilder;
import org.kairan.core.kessai.RouteEditor;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.SyncCommand;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiModule;
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
 * The demo city's 決裁 ({@code kessai.json}): drafted, routed and acted on by their people through the
 * command service, so that every inbox of the demo accounts has something in it — waiting for the 係長, the
 * 課長, the 部長 and a 合議; one decided, one sent back, one still a draft.
 */
final class DemoKessai {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKessai.class);

    /** One demo 案件 as {@code kessai.json} lists it. */
    record Entry(String drafter, String title, String classification, String kind, long amount, String body,
            List<ApproverPost> consult, List<Document> files, List<Step> steps) {
    }

    /** A one-page PDF attached to a demo 案件: its file name, heading and lines. */
    record Document(String name, String heading, List<String> lines) {
    }

    /** An action of a demo 案件: who does what (SUBMIT, APPROVE, SEND_BACK …), with a comment. */
    record Step(String by, ActionKind action, String comment) {
    }

    private final Database database;
    private final CommandService commands;
    private final SessionUsers users;
    private final DirectoryCache directory;
    private final KessaiModule kessai;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final FileStore files;
    private final RecordSettings records;

    DemoKessai(Database database, CommandService commands, SessionUsers users, DirectoryCache directory,
            KessaiModule kessai, ObjectMapper json, Clock clock, ZoneId zone, FileStore files, RecordSettings records) {
        this.files = files;
        this.records = records;
        this.database = database;
        this.commands = commands;
        this.users = users;
        this.directory = directory;
        this.kessai = kessai;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** Drafts and routes every demo 案件; returns how many were made. */
    int load(byte[] listing) {
        List<Entry> entries;
        try {
            entries = List.of(json.readValue(listing, Entry[].class));
        } catch (IOException e) {
            throw new IllegalStateException("the demo 決裁 cannot be read: " + e.getMessage(), e);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int made = 0;
        for (Entry entry : entries) {
            String id = UUID.nameUUIDFromBytes(("demo-kessai/" + entry.title()).getBytes(StandardCharsets.UTF_8)).toString();
            OrganisationDirectory organisation = database.inTransaction(directory::directory);
            ApprovalRoute route = new RouteBuilder(kessai.settings().rules(), org.kairan.core.kessai.CommandChain.standard(),
                    organisation).build(entry.drafter(), today, entry.kind(), entry.amount());
            if (entry.consult() != null && !entry.consult().isEmpty()) {
                route = new RouteEditor(organisation).addConsultation(route, entry.consult(), Consent.ALL);
            }
            KessaiDraft draft = new KessaiDraft(id, entry.title(), entry.classification(), entry.body(), entry.kind(),
                    entry.amount(), false, today, route, upload(entry));
            if (!send(entry.drafter(), CommandTypes.SAVE_KESSAI_DRAFT, draft, entry.title())) {
                continue;
            }
            for (Step step : entry.steps()) {
                Kessai now = database.inTransaction(c -> kessai.store().find(c, id)).orElseThrow().kessai();
                KessaiAction action = step.action() == ActionKind.SEND_BACK ? KessaiAction.sendBack(now, -1, step.comment())
                        : KessaiAction.on(now, step.action(), step.comment());
                send(step.by(), CommandTypes.ACT_ON_KESSAI, action, entry.title());
            }
            made++;
        }
        return made;
    }

    /** Makes and uploads the entry's PDFs as its drafter would; none when the IPA fonts are missing. */
    private List<FileRef> upload(Entry entry) {
        if (entry.files() == null || entry.files().isEmpty()) {
            return List.of();
        }
        List<FileRef> refs = new ArrayList<>();
        try (DemoDocuments documents = new DemoDocuments(records.fonts())) {
            for (Document document : entry.files()) {
                byte[] pdf = documents.page(document.heading(), document.lines());
                StoredFile stored = files.put(new ByteArrayInputStream(pdf), document.name(), entry.drafter());
                refs.add(new FileRef(UUID.nameUUIDFromBytes(("demo-file/" + entry.title() + "/" + document.name())
                        .getBytes(StandardCharsets.UTF_8)).toString(), document.name(), stored.sha256()));
            }
        } catch (IOException e) {
            LOG.warn("demo 決裁「{}」 goes without its files: {}", entry.title(), e.getMessage());
            return List.of();
        }
        return refs;
    }

    private boolean send(String staffNo, String type, Object payload, String title) {
        SessionUser user = database.inTransaction(c -> users.load(c, staffNo))
                .orElseThrow(() -> new IllegalStateException("demo 決裁 person " + staffNo + " is not in the roster"));
        String text;
        try {
            Map<String, Object> map = json.convertValue(payload, new TypeReference<TreeMap<String, Object>>() { });
            text = json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        CommandResult result = commands.apply(user, List.of(new SyncCommand(UUID.randomUUID().toString(), type, text,
                Instant.now()))).results().getFirst();
        if (result.outcome() != CommandOutcome.APPLIED) {
            LOG.warn("demo 決裁「{}」: {} by {} not applied: {}", title, type, staffNo, result);
            return false;
        }
        return true;
    }
}
