package org.kairan.client.kessai.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.kairan.client.ClientTopics;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.internal.FileCache;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.kessai.Inbox;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.kessai.InboxNotice;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.kessai.KessaiTopics;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.client.sync.internal.SyncEvents;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.Divisions;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.RouteBuilder;
import org.kairan.core.kessai.RouteEditor;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.work.CoalescingRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@link KessaiService} over the {@link SyncService}: reads the replica, queues actions, stages files in the
 * outbox. The decoded 案件 are cached per {@link Replica#version} of {@code kessai}, the inbox per that and the
 * user's unsettled actions, so a screen may ask as often as it likes. Replica changes and the user's actions
 * (events of {@link SyncTopics}) recompute the inbox in the background and post {@link KessaiTopics#INBOX}
 * when something arrived; the first status of a newly opened replica does so too, so that the inbox is decoded
 * before the first screen asks for it.
 */
@Component(service = { KessaiService.class, EventHandler.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.REPLICA_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.ACTION,
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.STATUS,
        EventConstants.EVENT_TOPIC + "=" + ClientTopics.SESSION })
public final class DefaultKessaiService implements KessaiService, EventHandler {

    private static final Logger LOG = Logger.getLogger(DefaultKessaiService.class.getName());

    /** The replica's 案件 decoded, for one version of the replica and one user. */
    private record Decoded(long version, String staffNo, Map<String, Kessai> byId) {
    }

    /** The inbox built from one {@link Decoded} and one state of the user's actions. */
    private record Built(Decoded decoded, List<String> actions, LocalDate day, InboxBuilder.Built result) {
    }

    /** The directory decoded, for one version of its four record types. */
    private record Directory(List<Long> versions, OrganisationDirectory directory) {
    }

    private Clock clock;
    private SyncEvents events;
    private Decoded decoded;
    private Built built;
    private Directory directory;
    private final InboxAnnouncer announcer = new InboxAnnouncer();
    private final CoalescingRunner announcing = new CoalescingRunner("kairan-kessai-inbox", this::announce);

    @Reference
    private SyncService sync;

    @Reference
    private KairanServerClient client;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** For Declarative Services; {@link #activate()} finishes the set-up. */
    public DefaultKessaiService() {
    }

    /**
     * For tests and non-OSGi use: call {@link #handleEvent(Event)} with the sync service's events to have
     * {@link KessaiTopics#INBOX} posted to {@code events}.
     */
    public DefaultKessaiService(SyncService sync, KairanServerClient client, Clock clock, SyncEvents events) {
        this.sync = sync;
        this.client = client;
        this.clock = clock;
        this.events = events;
    }

    @Activate
    void activate() {
        this.clock = Clock.systemDefaultZone();
        this.events = (topic, data) -> {
            EventAdmin admin = eventAdmin;
            if (admin != null) {
                admin.postEvent(new Event(topic, Map.of(ClientTopics.DATA, data)));
            }
        };
    }

    // --- events

    @Override
    public void handleEvent(Event event) {
        Object data = event.getProperty(ClientTopics.DATA);
        try {
            switch (event.getTopic()) {
                case ClientTopics.SESSION -> {
                    announcer.reset();
                    if (!(data instanceof Session)) {
                        forget(); // logged out: the user's 案件 leave memory with them
                    }
                }
                case SyncTopics.REPLICA_CHANGED -> {
                    if (!(data instanceof Set<?> types) || types.isEmpty() || types.contains(EntityTypes.KESSAI)) {
                        announceSoon();
                    }
                }
                case SyncTopics.ACTION -> {
                    if (data instanceof QueuedAction a && a.type().startsWith("kessai.")) {
                        announceSoon();
                    }
                }
                case SyncTopics.STATUS -> {
                    if (!announcer.hasLooked()) {
                        announceSoon(); // a replica just opened: decode it now, before a screen asks
                    }
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the 決裁 inbox could not be brought up to date after " + event.getTopic(), e);
        }
    }

    /**
     * Recomputes the inbox on a thread of its own, once for a burst of changes: the pages of a first sync
     * arrive faster than 5,000 案件 decode, and only the state after the last one matters.
     */
    private void announceSoon() {
        announcing.request();
    }

    /** Whether an announcement is due or running (tests wait for it to finish). */
    boolean isAnnouncing() {
        return announcing.isBusy();
    }

    /**
     * Recomputes the inbox and posts what arrived. Nothing counts as arrived until the replica has been synced
     * completely once (a fresh desktop's first sync brings everything at once), nor at the first look after that.
     */
    private void announce() {
        Optional<Session> session = sync.session();
        if (session.isEmpty()) {
            return;
        }
        boolean synced = sync.status().lastSync() != null; // read first: the inbox below holds at least that sync
        Inbox inbox = inbox();
        announcer.notice(session.get().user().staffNo(), inbox, synced)
                .ifPresent(notice -> events.post(KessaiTopics.INBOX, notice));
    }

    // --- reading

    @Override
    public Inbox inbox() {
        return current().result().inbox();
    }

    @Override
    public Optional<InboxItem> find(String kessaiId) {
        return Optional.ofNullable(current().result().items().get(kessaiId));
    }

    @Override
    public Optional<KessaiSettings> settings() {
        return sync.replica().get(EntityTypes.KESSAI_SETTINGS, KessaiSettings.FEED_ID, KessaiSettings.class);
    }

    private synchronized void forget() {
        decoded = null;
        built = null;
        directory = null;
    }

    private synchronized Built current() {
        Optional<SessionUser> me = sync.session().map(Session::user);
        if (me.isEmpty()) {
            return new Built(null, List.of(), null, InboxBuilder.Built.EMPTY);
        }
        Replica replica = sync.replica();
        long version = replica.version(EntityTypes.KESSAI); // before reading: a change meanwhile is read next time
        if (decoded == null || decoded.version() != version || !decoded.staffNo().equals(me.get().staffNo())) {
            Map<String, Kessai> byId = new LinkedHashMap<>();
            for (Kessai k : replica.all(EntityTypes.KESSAI, Kessai.class)) {
                byId.put(k.id(), k);
            }
            decoded = new Decoded(version, me.get().staffNo(), byId);
        }
        List<QueuedAction> mine = sync.actions().stream().filter(a -> a.type().startsWith("kessai.")).toList();
        List<String> fingerprint = mine.stream().map(a -> a.key() + ":" + a.state()).toList();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, sync.officeZone());
        if (built != null && built.decoded() == decoded && built.actions().equals(fingerprint) && built.day().equals(day)) {
            return built;
        }
        built = new Built(decoded, fingerprint, day, build(decoded.byId(), mine, me.get(), now));
        return built;
    }

    private InboxBuilder.Built build(Map<String, Kessai> replicated, List<QueuedAction> mine, SessionUser me,
            Instant now) {
        PendingOverlay.Context context = overlayContext();
        List<QueuedAction> unsettled = mine.stream().filter(a -> !a.state().isSettled()).toList();
        PendingOverlay.Result pending = new PendingOverlay(me, context).apply(replicated, unsettled);
        Map<String, QueuedAction> refusals = new HashMap<>();
        for (QueuedAction a : mine) {
            if (a.state() == ActionState.CONFLICT || a.state() == ActionState.REJECTED) {
                PendingOverlay.kessaiIdOf(a, context).ifPresent(id -> refusals.put(id, a));
            }
        }
        List<Kessai> effective = new ArrayList<>(replicated.size() + pending.changed().size());
        for (Kessai k : replicated.values()) {
            effective.add(pending.changed().getOrDefault(k.id(), k));
        }
        pending.changed().forEach((id, k) -> {
            if (!replicated.containsKey(id)) {
                effective.add(k);
            }
        });
        return InboxBuilder.build(effective, pending.sending(), refusals, me.staffNo(), now);
    }

    private PendingOverlay.Context overlayContext() {
        return new PendingOverlay.Context() {
            @Override
            public <T> T payload(QueuedAction action, Class<T> type) {
                return sync.payloadOf(action, type);
            }

            @Override
            public Optional<OutboxFile> staged(String sha256) {
                return sync.stagedFile(sha256);
            }

            @Override
            public ApprovalRoute proposeRoute(String decisionKind, long amountYen, LocalDate draftDate) {
                return DefaultKessaiService.this.proposeRoute(decisionKind, amountYen, draftDate);
            }

            @Override
            public Optional<String> divisionOf(String unitCode) {
                return Divisions.divisionOf(organisation(), unitCode).map(OrgUnit::code);
            }
        };
    }

    // --- routes

    @Override
    public ApprovalRoute proposeRoute(String decisionKind, long amountYen, LocalDate draftDate) {
        SessionUser me = me();
        KessaiSettings settings = settings().orElseThrow(() -> new IllegalStateException(
                "決裁の設定（事務決裁規程）がまだ同期されていません。同期が終わってから起案してください"
                        + " (the 決裁 settings have not been synced yet)"));
        return new RouteBuilder(settings.rules(), CommandChain.standard(), organisation())
                .build(me.staffNo(), draftDate, decisionKind, amountYen);
    }

    @Override
    public RouteEditor routeEditor() {
        return new RouteEditor(organisation());
    }

    /** The replica's directory, decoded again only when one of its record types changed. */
    private synchronized OrganisationDirectory organisation() {
        Replica replica = sync.replica();
        List<Long> versions = List.of(replica.version(EntityTypes.POSITION), replica.version(EntityTypes.UNIT),
                replica.version(EntityTypes.STAFF), replica.version(EntityTypes.ASSIGNMENT));
        if (directory == null || !directory.versions().equals(versions)) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), sync.officeZone());
            directory = new Directory(versions, new OrganisationDirectory(replica.directory(today)));
        }
        return directory.directory();
    }

    // --- actions

    @Override
    public FileRef prepareAttachment(Path file) throws IOException {
        OutboxFile staged = sync.stageFile(file, maxFileBytes());
        return new FileRef(UUID.randomUUID().toString(), staged.name(), staged.sha256());
    }

    private long maxFileBytes() {
        return KessaiSettings.maxFileBytes(settings());
    }

    @Override
    public QueuedAction saveDraft(KessaiDraft draft) {
        me();
        Optional<InboxItem> existing = find(draft.kessaiId());
        List<OutboxFile> files = new ArrayList<>();
        for (FileRef ref : draft.files()) {
            Optional<OutboxFile> staged = sync.stagedFile(ref.sha256());
            boolean onKessai = existing.map(i -> i.kessai().attachments().stream()
                    .anyMatch(a -> a.sha256().equals(ref.sha256()))).orElse(false);
            if (staged.isPresent()) {
                files.add(staged.get());
            } else if (!onKessai) {
                throw new IllegalArgumentException("添付ファイル「" + ref.name() + "」が見つかりません。もう一度添付してください"
                        + " (the file is neither prepared with prepareAttachment nor on the 案件)");
            }
        }
        return sync.enqueue(CommandTypes.SAVE_KESSAI_DRAFT, draft, files);
    }

    @Override
    public QueuedAction act(KessaiAction action) {
        if (action.action() == ActionKind.ATTACH) {
            throw new IllegalArgumentException("files are added with attach(kessaiId, file), not act");
        }
        SessionUser me = me();
        find(action.kessaiId()).ifPresent(item -> {
            try {
                KessaiWorkflow.act(item.kessai(), action, new PendingOverlay(me, overlayContext()).actorIn(item.kessai()),
                        clock.instant());
            } catch (WorkflowRefusal refusal) {
                if (refusal.reason().isInvalidRequest()) {
                    throw refusal;
                }
            }
        });
        return sync.enqueue(CommandTypes.ACT_ON_KESSAI, action);
    }

    @Override
    public QueuedAction attach(String kessaiId, Path file) throws IOException {
        me();
        OutboxFile staged = sync.stageFile(file, maxFileBytes());
        FileRef ref = new FileRef(UUID.randomUUID().toString(), staged.name(), staged.sha256());
        return sync.enqueue(CommandTypes.ATTACH_TO_KESSAI, new AttachFile(kessaiId, ref), List.of(staged));
    }

    @Override
    public QueuedAction setAbsence(AbsenceNotice notice) {
        me();
        return sync.enqueue(CommandTypes.SET_ABSENCE, notice);
    }

    private SessionUser me() {
        return sync.session().map(Session::user).orElseThrow(() -> new IllegalStateException(
                "ログインしていません (nobody is logged in)"));
    }

    // --- files

    @Override
    public Path open(String sha256) throws FileUnavailableException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lowercase SHA-256: " + sha256);
        }
        String name = nameOf(sha256);
        Optional<Path> local = sync.stagedFile(sha256)
                .flatMap(f -> sync.userDirectory().map(d -> d.resolve("outbox").resolve(f.sha256())));
        return cache().open(sha256, name, local, target -> client.downloadFile(sha256, target));
    }

    @Override
    public Path openRecord(String kessaiId) throws FileUnavailableException {
        InboxItem item = find(kessaiId).orElseThrow(() -> new FileUnavailableException(
                FileUnavailableException.Reason.NOT_AVAILABLE, "案件「" + kessaiId + "」はこの端末にありません (not in the replica)",
                null));
        Kessai k = item.kessai();
        if (k.record() == null) {
            throw new FileUnavailableException(FileUnavailableException.Reason.NO_RECORD, "「" + k.title()
                    + "」の決裁文書（PDF）はまだありません。決裁されると作られます (no PDF of record yet; it is made when decided)",
                    null);
        }
        String name = k.title() + "（決裁文書）.pdf";
        return cache().open(k.record().sha256(), name, Optional.empty(),
                target -> client.downloadRecord(kessaiId, target));
    }

    private FileCache cache() throws FileUnavailableException {
        Path userDirectory = sync.userDirectory().orElseThrow(() -> new FileUnavailableException(
                FileUnavailableException.Reason.NOT_AVAILABLE, "ログインしていません (nobody is logged in)", null));
        return new FileCache(userDirectory);
    }

    /** The name the user knows the file by: as attached to a 案件 they see, or as they staged it. */
    private String nameOf(String sha256) {
        for (InboxItem item : current().result().items().values()) {
            for (Attachment a : item.kessai().attachments()) {
                if (a.sha256().equals(sha256)) {
                    return a.name();
                }
            }
        }
        return sync.stagedFile(sha256).map(OutboxFile::name).orElse(sha256.substring(0, 12));
    }

    /**
     * Which arrivals are new: a cumulative set, per user, of what each announcing folder held (never shrinking,
     * so an item that briefly reappears while the replica catches up with the user's own action is not "new").
     * What the replica holds before its first complete sync, and at the first look after it, is the baseline.
     */
    private static final class InboxAnnouncer {
        private String staffNo;
        private boolean baselineTaken;
        private final Set<String> known = new HashSet<>();
        private InboxNotice last;

        /** Whether the current user's inbox has been looked at. */
        synchronized boolean hasLooked() {
            return last != null;
        }

        synchronized void reset() {
            staffNo = null;
            baselineTaken = false;
            known.clear();
            last = null;
        }

        synchronized Optional<InboxNotice> notice(String me, Inbox inbox, boolean synced) {
            if (!me.equals(staffNo)) {
                reset();
                staffNo = me;
            }
            boolean baseline = !synced || !baselineTaken;
            baselineTaken |= synced;
            List<InboxNotice.Arrival> arrived = new ArrayList<>();
            for (InboxFolder folder : InboxFolder.values()) {
                if (!folder.announcesArrivals()) {
                    continue;
                }
                for (InboxItem item : inbox.get(folder)) {
                    if (known.add(arrivalKey(folder, item, me)) && !baseline && !item.sending()) {
                        arrived.add(new InboxNotice.Arrival(folder, item.id(), item.title()));
                    }
                }
            }
            InboxNotice notice = new InboxNotice(inbox.count(InboxFolder.AWAITING), inbox.count(InboxFolder.POST_REVIEW),
                    inbox.count(InboxFolder.RETURNED), arrived);
            boolean countsChanged = last == null || last.awaiting() != notice.awaiting()
                    || last.postReview() != notice.postReview() || last.returned() != notice.returned();
            last = notice;
            return arrived.isEmpty() && !countsChanged ? Optional.empty() : Optional.of(notice);
        }

        /** The same arrival has the same key: the 案件, the folder, and when it got there (the 代決 for 後閲). */
        private static String arrivalKey(InboxFolder folder, InboxItem item, String me) {
            Instant when = item.since();
            if (folder == InboxFolder.POST_REVIEW) {
                when = item.kessai().history().stream().filter(e -> e.onBehalfOf() != null
                        && e.onBehalfOf().staffNo().equals(me)).map(e -> e.at()).reduce((a, b) -> b).orElse(when);
            }
            return folder + "/" + item.id() + "/" + when;
        }
    }
}
