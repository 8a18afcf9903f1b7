package org.kairan.client.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.kairan.client.KairanClientException;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.documents.LibraryService;
import org.kairan.client.internal.FileCache;
import org.kairan.client.internal.JsonCodec;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.kessai.FileUnavailableException.Reason;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.DecodedRecords;
import org.kairan.client.sync.SyncService;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.kessai.Divisions;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link LibraryService} over the {@link SyncService}: the replica's {@code document} records (decoded once per
 * {@link Replica#version}) with the user's {@code document.*} actions laid over them ({@link LibraryLines}),
 * files staged in the outbox, versions opened through the shared {@link FileCache}.
 */
@Component(service = LibraryService.class)
public final class DefaultLibraryService implements LibraryService {

    @Reference
    private SyncService sync;

    @Reference
    private KairanServerClient client;

    private final DecodedRecords<LibraryDocument> decoded = new DecodedRecords<>(EntityTypes.DOCUMENT, LibraryDocument.class,
            LibraryDocument::id);

    private static final String WORDS_SUFFIX = ".words.json";
    private static final TypeReference<List<PageWords>> WORDS = new TypeReference<>() { };
    private final JsonCodec json = new JsonCodec();

    /** For Declarative Services. */
    public DefaultLibraryService() {
    }

    /** For tests and non-OSGi use. */
    public DefaultLibraryService(SyncService sync, KairanServerClient client) {
        this.sync = sync;
        this.client = client;
    }

    // --- reading

    private Map<String, LibraryDocument> documents() {
        return decoded.of(sync);
    }

    private List<LibraryEntry> allEntries() {
        List<QueuedAction> mine = sync.actions().stream().filter(a -> LibraryLines.isLibraryCommand(a.type())).toList();
        return new LibraryLines(documents(), sync::payloadOf).lines(mine);
    }

    @Override
    public List<LibraryEntry> entries(String unitCode) {
        return allEntries().stream().filter(e -> unitCode == null || e.unitCode().equals(unitCode)).toList();
    }

    @Override
    public Optional<LibraryDocument> find(String documentId) {
        return Optional.ofNullable(documents().get(documentId));
    }

    @Override
    public Optional<LibraryEntry> entry(String documentId) {
        return allEntries().stream().filter(e -> e.documentId().equals(documentId)).findFirst();
    }

    @Override
    public List<DocumentClass> classifications() {
        return settings().map(KessaiSettings::classes).orElse(List.of());
    }

    private Optional<KessaiSettings> settings() {
        return sync.replica().get(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, KessaiSettings.class);
    }

    @Override
    public long maxFileBytes() {
        return KessaiSettings.maxFileBytes(settings());
    }

    // --- the 課

    @Override
    public List<OrgUnit> ownUnits() {
        Optional<SessionUser> me = sync.session().map(Session::user);
        if (me.isEmpty()) {
            return List.of();
        }
        LocalDate today = sync.officeToday();
        return ownUnits(me.get(), new OrganisationDirectory(sync.replica().directory(today)), today);
    }

    private static List<OrgUnit> ownUnits(SessionUser me, OrganisationDirectory directory, LocalDate today) {
        Set<OrgUnit> own = new LinkedHashSet<>();
        List<Assignment> posts = new ArrayList<>(directory.postsOf(me.staffNo(), today));
        posts.sort(Comparator.comparing(a -> a.kind().ordinal())); // 本務 first
        for (Assignment post : posts) {
            Divisions.divisionOf(directory, post.unitCode()).ifPresent(own::add);
        }
        if (own.isEmpty()) {
            Divisions.divisionOf(directory, me.unitCode()).ifPresent(own::add);
        }
        return List.copyOf(own);
    }

    @Override
    public List<OrgUnit> units() {
        Optional<SessionUser> me = sync.session().map(Session::user);
        if (me.isEmpty()) {
            return List.of();
        }
        LocalDate today = sync.officeToday();
        OrganisationDirectory directory = new OrganisationDirectory(sync.replica().directory(today));
        List<OrgUnit> own = ownUnits(me.get(), directory, today);
        Map<String, OrgUnit> others = new java.util.TreeMap<>();
        for (Assignment post : directory.postsOf(me.get().staffNo(), today)) {
            directory.unit(post.unitCode()).filter(u -> u.kind() == UnitKind.BUREAU || u.kind() == UnitKind.DEPARTMENT)
                    .ifPresent(managed -> divisionsUnder(directory, managed.code(), others));
        }
        for (LibraryDocument d : documents().values()) {
            if (!others.containsKey(d.unitCode())) {
                others.put(d.unitCode(), directory.unit(d.unitCode()).orElseGet(() -> new OrgUnit(d.unitCode(), null,
                        UnitKind.DIVISION, d.unitName().isBlank() ? d.unitCode() : d.unitName(), "", "", 0)));
            }
        }
        List<OrgUnit> all = new ArrayList<>(own);
        others.values().stream().filter(u -> own.stream().noneMatch(o -> o.code().equals(u.code()))).forEach(all::add);
        return List.copyOf(all);
    }

    private static void divisionsUnder(OrganisationDirectory directory, String code, Map<String, OrgUnit> into) {
        for (OrgUnit child : directory.childrenOf(code)) {
            if (child.kind() == UnitKind.DIVISION) {
                into.put(child.code(), child);
            } else if (child.kind() != UnitKind.SECTION) {
                divisionsUnder(directory, child.code(), into);
            }
        }
    }

    // --- actions

    @Override
    public QueuedAction add(String unitCode, Path file) throws IOException {
        me();
        if (ownUnits().stream().noneMatch(u -> u.code().equals(unitCode))) {
            throw new IllegalStateException("この課の文書庫には登録できません。登録できるのは所属する課の文書庫だけです"
                    + " (only members of the 課 " + unitCode + " add to its library)");
        }
        List<DocumentClass> classes = classifications();
        if (classes.isEmpty()) {
            throw new IllegalStateException("文書分類（決裁の設定）がまだ同期されていません。同期が終わってから登録してください"
                    + " (the city's 文書分類 have not been synced yet)");
        }
        OutboxFile staged = sync.stageFile(file, maxFileBytes());
        String classification = lastClassificationIn(unitCode, classes).orElse(classes.getFirst().name());
        AddDocument add = new AddDocument(UUID.randomUUID().toString(), unitCode, titleOf(staged.name()), classification,
                LibraryService.fiscalYearOf(sync.officeToday()), List.of(), null,
                new DocumentFile(staged.name(), staged.sha256()));
        return sync.enqueue(CommandTypes.ADD_DOCUMENT, add, List.of(staged));
    }

    /** The 文書分類 of the 課's most recently added document, if the city still has it. */
    private Optional<String> lastClassificationIn(String unitCode, List<DocumentClass> classes) {
        return documents().values().stream().filter(d -> d.unitCode().equals(unitCode) && d.createdAt() != null)
                .max(Comparator.comparing(LibraryDocument::createdAt)).map(LibraryDocument::classification)
                .filter(c -> classes.stream().anyMatch(k -> k.name().equals(c)));
    }

    /** The file's name without its extension, at most {@value LibraryDocument#MAX_TITLE} characters. */
    static String titleOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String title = (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
        if (title.isEmpty()) {
            title = fileName.strip();
        }
        return title.codePointCount(0, title.length()) <= LibraryDocument.MAX_TITLE ? title
                : title.substring(0, title.offsetByCodePoints(0, LibraryDocument.MAX_TITLE));
    }

    @Override
    public QueuedAction addVersion(String documentId, Path file) throws IOException {
        me();
        if (entry(documentId).isEmpty()) {
            throw new IllegalArgumentException("文書「" + documentId + "」はこの端末にありません (no such document here)");
        }
        OutboxFile staged = sync.stageFile(file, maxFileBytes());
        return sync.enqueue(CommandTypes.ADD_DOCUMENT_VERSION,
                new AddDocumentVersion(documentId, new DocumentFile(staged.name(), staged.sha256())), List.of(staged));
    }

    @Override
    public QueuedAction edit(EditDocument edit) {
        me();
        new MetadataCheck(classifications()).check(edit);
        return sync.enqueue(CommandTypes.EDIT_DOCUMENT, edit);
    }

    private SessionUser me() {
        return sync.session().map(Session::user).orElseThrow(() -> new IllegalStateException(
                "ログインしていません (nobody is logged in)"));
    }

    // --- files

    @Override
    public Path open(String documentId) throws FileUnavailableException {
        LibraryEntry line = entry(documentId).orElseThrow(() -> notHere(documentId));
        return open(documentId, line.version());
    }

    @Override
    public Path open(String documentId, int versionNumber) throws FileUnavailableException {
        DocumentFile file = fileOf(documentId, versionNumber).orElseThrow(() -> new FileUnavailableException(
                Reason.NOT_AVAILABLE, "文書の第" + versionNumber + "版はこの端末にありません (no version " + versionNumber
                        + " of document " + documentId + " here)", null));
        Path userDirectory = sync.userDirectory().orElseThrow(() -> new FileUnavailableException(Reason.NOT_AVAILABLE,
                "ログインしていません (nobody is logged in)", null));
        Optional<Path> local = sync.stagedFile(file.sha256()).map(f -> userDirectory.resolve("outbox").resolve(f.sha256()));
        return new FileCache(userDirectory).open(file.sha256(), file.name(), local,
                target -> client.downloadFile(file.sha256(), target));
    }

    @Override
    public List<PageWords> scannedWords(String documentId, int versionNumber) {
        Optional<DocumentVersion> version = find(documentId).flatMap(d -> d.version(versionNumber));
        Optional<Path> userDirectory = sync.userDirectory();
        if (version.isEmpty() || version.get().extraction().ocrPages() == 0 || userDirectory.isEmpty()) {
            return List.of();
        }
        FileCache cache = new FileCache(userDirectory.get());
        String sha256 = version.get().sha256();
        try {
            Optional<byte[]> kept = cache.beside(sha256, WORDS_SUFFIX);
            if (kept.isPresent()) {
                return json.mapper().readValue(kept.get(), WORDS);
            }
            List<PageWords> words = client.documentWords(documentId, versionNumber);
            if (version.get().extraction().state().finished()) {
                cache.keepBeside(sha256, WORDS_SUFFIX, json.write(words));
            }
            return words;
        } catch (KairanClientException | IOException e) {
            return List.of(); // offline before they were fetched once: the scan shows without highlights
        }
    }

    /** The file of a version: of the replica's document, or of the user's unsent action naming it. */
    private Optional<DocumentFile> fileOf(String documentId, int versionNumber) {
        Optional<DocumentVersion> synced = find(documentId).flatMap(d -> d.version(versionNumber));
        if (synced.isPresent()) {
            return synced.map(v -> new DocumentFile(v.fileName(), v.sha256()));
        }
        return entry(documentId).filter(e -> e.version() == versionNumber && e.action() != null)
                .map(e -> LibraryLines.fileOf(e.action(), sync::payloadOf));
    }

    private static FileUnavailableException notHere(String documentId) {
        return new FileUnavailableException(Reason.NOT_AVAILABLE, "文書「" + documentId + "」はこの端末にありません"
                + " (no such document here)", null);
    }
}
