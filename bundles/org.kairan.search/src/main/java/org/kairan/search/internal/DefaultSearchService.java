package org.kairan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.apache.lucene.store.AlreadyClosedException;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatHistoryMarks;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.client.ClientTopics;
import org.kairan.client.Session;
import org.kairan.client.sync.Replica;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.search.PlaceNames;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.work.CoalescingRunner;
import org.kairan.search.IndexState;
import org.kairan.search.SavedSearch;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;
import org.kairan.search.SearchService;
import org.kairan.search.SearchTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@link SearchService} over the user's replica: one index per user, in {@code search-index} beside the
 * replica, so it holds only what that user may see. A replica change (or a login, or the replica opening)
 * brings the index up to date on a thread of its own, once for a burst of changes; searches go on
 * meanwhile against the last committed state, with the server reachable or not.
 */
@Component(service = { SearchService.class, EventHandler.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.REPLICA_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + SyncTopics.STATUS,
        EventConstants.EVENT_TOPIC + "=" + ClientTopics.SESSION,
        EventConstants.EVENT_TOPIC + "=" + ChatTopics.MESSAGE,
        EventConstants.EVENT_TOPIC + "=" + ChatTopics.STATE,
        EventConstants.EVENT_TOPIC + "=" + ChatTopics.CONVERSATION })
public final class DefaultSearchService implements SearchService, EventHandler {

    private static final Logger LOG = Logger.getLogger(DefaultSearchService.class.getName());
    /** The index directory beside the replica. */
    static final String DIRECTORY = "search-index";
    /**
     * The replica's record types the index is made from (people and units for readings and 課 names, the city's
     * place names for readings).
     */
    private static final List<String> INDEXED_TYPES = List.of(EntityTypes.KESSAI, EntityTypes.KESSAI_TEXT,
            EntityTypes.DOCUMENT, EntityTypes.DOCUMENT_TEXT, EntityTypes.MINUTES, EntityTypes.STAFF, EntityTypes.UNIT,
            EntityTypes.PLACE_NAMES);
    /**
     * The replica's types each kind's items are made of: a kind is read again only when one of them changed (a
     * new comment on a 決裁 does not decode every page of the 課 libraries). Place names reopen the index instead.
     */
    private static final Map<SearchKind, List<String>> SOURCES = Map.of(
            SearchKind.KESSAI, List.of(EntityTypes.KESSAI, EntityTypes.KESSAI_TEXT, EntityTypes.STAFF, EntityTypes.UNIT),
            SearchKind.DOCUMENT, List.of(EntityTypes.DOCUMENT, EntityTypes.DOCUMENT_TEXT, EntityTypes.STAFF,
                    EntityTypes.UNIT),
            SearchKind.MINUTES, List.of(EntityTypes.MINUTES, EntityTypes.STAFF, EntityTypes.UNIT));

    @Reference
    private SyncService sync;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChatService chat;

    private Consumer<IndexState> listener;
    private final CoalescingRunner updating = new CoalescingRunner("kairan-search-index", this::update);
    private final AtomicBoolean rebuildAsked = new AtomicBoolean();
    private SearchIndex index;
    private Path indexPath;
    private boolean rebuilt;
    private volatile IndexState state = IndexState.CLOSED;
    /** The index and the replica versions the last complete run indexed (a new index is always looked at). */
    private SearchIndex indexedBy;
    private Map<String, Long> indexedVersions = Map.of();
    /** Chat messages heard of and not indexed yet, and what is known of their conversations. */
    private final Queue<ChatMessage> heard = new ConcurrentLinkedQueue<>();
    private final ChatItems chatItems = new ChatItems();
    /**
     * Whether the chat archives are to be read into the index from its marks: when chat comes online (a login, a
     * reconnection after a drop) and when the index is new or made again.
     */
    private final AtomicBoolean chatHistoryDue = new AtomicBoolean();
    /** Chat messages from the archives analysed and added together. */
    private static final int CHAT_BATCH = 1_000;
    /** The city's place names as last read from the replica. */
    private PlaceReadings places = PlaceReadings.NONE;

    /** For Declarative Services. */
    public DefaultSearchService() {
    }

    /** For tests and non-OSGi use: feed it the sync service's events through {@link #handleEvent}. */
    public DefaultSearchService(SyncService sync, Consumer<IndexState> listener) {
        this(sync, null, listener);
    }

    /** For tests and non-OSGi use, with chat: feed it the sync and chat services' events through {@link #handleEvent}. */
    public DefaultSearchService(SyncService sync, ChatService chat, Consumer<IndexState> listener) {
        this.sync = sync;
        this.chat = chat;
        this.listener = listener;
    }

    @Activate
    void activate() {
        listener = s -> {
            EventAdmin admin = eventAdmin;
            if (admin != null) {
                admin.postEvent(new Event(SearchTopics.INDEX, Map.of(ClientTopics.DATA, s)));
            }
        };
        updating.request(); // a replica may be open already
    }

    @Deactivate
    synchronized void deactivate() {
        closeIndex();
    }

    @Override
    public void handleEvent(Event event) {
        Object data = event.getProperty(ClientTopics.DATA);
        switch (event.getTopic()) {
            case SyncTopics.REPLICA_CHANGED -> {
                if (!(data instanceof Set<?> types) || types.isEmpty()
                        || INDEXED_TYPES.stream().anyMatch(types::contains)) {
                    updating.request();
                }
            }
            case ClientTopics.SESSION -> updating.request();
            case ChatTopics.MESSAGE -> {
                if (data instanceof ChatMessage message && message.delivery() != ChatMessage.Delivery.WAITING) {
                    heard.add(message);
                    updating.request();
                }
            }
            case ChatTopics.STATE -> {
                if (data == ChatState.ONLINE) {
                    chatHistoryDue.set(true);
                    updating.request();
                }
            }
            case ChatTopics.CONVERSATION -> {
                if (data instanceof Conversation conversation) {
                    chatItems.conversation(conversation);
                }
            }
            case SyncTopics.STATUS -> {
                if (!isOpen()) {
                    updating.request(); // a replica opened (offline start): open its index
                }
            }
            default -> { }
        }
    }

    @Override
    public SearchResults search(SearchQuery query) {
        SearchIndex current;
        synchronized (this) {
            current = index;
        }
        if (current == null) {
            return SearchResults.NONE;
        }
        try {
            return current.search(query);
        } catch (AlreadyClosedException e) {
            return SearchResults.NONE; // logged out meanwhile
        } catch (IOException e) {
            LOG.log(Level.WARNING, "search failed: " + query.text(), e);
            return SearchResults.NONE;
        }
    }

    @Override
    public List<String> suggest(String typed, int max) {
        SearchIndex current;
        synchronized (this) {
            current = index;
        }
        if (current == null) {
            return List.of();
        }
        try {
            return current.suggest(typed, max);
        } catch (AlreadyClosedException e) {
            return List.of();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "no suggestions for " + typed, e);
            return List.of();
        }
    }

    @Override
    public IndexState state() {
        return state;
    }

    @Override
    public List<SavedSearch> savedSearches() {
        return saved().map(SavedSearches::all).orElse(List.of());
    }

    @Override
    public void save(SavedSearch search) {
        saved().orElseThrow(() -> new IllegalStateException("no one is logged in")).save(search);
    }

    @Override
    public void forget(String name) {
        saved().ifPresent(s -> s.forget(name));
    }

    private Optional<SavedSearches> saved() {
        return sync.session().isEmpty() ? Optional.empty() : sync.userDirectory().map(SavedSearches::new);
    }

    @Override
    public void rebuild() {
        rebuildAsked.set(true);
        updating.request();
    }

    private synchronized boolean isOpen() {
        return index != null;
    }

    /** Whether an update is due or running (tests wait for it). */
    boolean isUpdating() {
        return updating.isBusy();
    }

    private void update() {
        Optional<Session> session = sync.session();
        Optional<Path> userDirectory = sync.userDirectory();
        SearchIndex current;
        synchronized (this) {
            if (session.isEmpty() || userDirectory.isEmpty()) {
                closeIndex(); // logged out: the user's index is closed with them
                heard.clear();
                return;
            }
            try {
                current = open(userDirectory.get().resolve(DIRECTORY), placeReadings());
            } catch (IOException | RuntimeException e) {
                publish(new IndexState(0, 0, 0, false, "検索索引を開けません (cannot open the search index): " + e.getMessage()));
                return;
            }
        }
        try {
            boolean asked = rebuildAsked.getAndSet(false);
            if (asked) {
                current.clear();
                current.commit();
                rebuilt = true;
                chatHistoryDue.set(true);
            }
            indexChat(current);
            if (chatHistoryDue.getAndSet(false)) {
                indexChatHistory(current);
            }
            Replica replica = sync.replica();
            Map<String, Long> versions = INDEXED_TYPES.stream().collect(Collectors.toMap(Function.identity(),
                    replica::version));
            boolean whole = asked || current != indexedBy;
            Set<SearchKind> due = SOURCES.keySet().stream().filter(kind -> whole || SOURCES.get(kind).stream()
                    .anyMatch(type -> !versions.get(type).equals(indexedVersions.get(type)))).collect(Collectors.toSet());
            if (due.isEmpty()) {
                return; // nothing indexed changed since the last run over this index
            }
            DirectorySnapshot directory = replica.directory(sync.officeToday());
            Map<String, StaffMember> staff = directory.staff().stream()
                    .collect(Collectors.toMap(StaffMember::staffNo, Function.identity(), (a, b) -> a));
            Map<String, String> unitNames = directory.units().stream()
                    .collect(Collectors.toMap(OrgUnit::code, OrgUnit::name, (a, b) -> a));
            KessaiItems items = new KessaiItems(staff, unitNames);
            List<IndexedItem> kessai = List.of();
            if (due.contains(SearchKind.KESSAI)) {
                Map<String, List<KessaiText>> attachmentTexts = replica.all(EntityTypes.KESSAI_TEXT, KessaiText.class)
                        .stream().collect(Collectors.groupingBy(KessaiText::kessaiId));
                kessai = replica.all(EntityTypes.KESSAI, Kessai.class).stream()
                        .flatMap(k -> items.of(k, attachmentTexts.getOrDefault(k.id(), List.of())).stream()).toList();
            }
            NameReadings names = new NameReadings(staff.values());
            List<IndexedItem> documents = List.of();
            if (due.contains(SearchKind.DOCUMENT)) {
                Map<String, List<DocumentText>> texts = replica.all(EntityTypes.DOCUMENT_TEXT, DocumentText.class)
                        .stream().collect(Collectors.groupingBy(DocumentText::documentId));
                documents = replica.all(EntityTypes.DOCUMENT, LibraryDocument.class).stream()
                        .flatMap(d -> DocumentItems.of(d, texts.getOrDefault(d.id(), List.of()), sync.officeZone(),
                                names).stream())
                        .toList();
            }
            List<IndexedItem> minutes = List.of();
            if (due.contains(SearchKind.MINUTES)) {
                minutes = replica.all(EntityTypes.MINUTES, MinutesRecord.class).stream()
                        .flatMap(m -> MinutesItems.of(m, unitNames, names).stream()).toList();
            }
            int kessaiCount = kessai.size();
            int total = kessaiCount + documents.size() + minutes.size();
            publish(new IndexState(current.count(), 0, total, rebuilt, null));
            ReplicaIndexer indexer = new ReplicaIndexer(current);
            if (due.contains(SearchKind.KESSAI)) {
                indexer.update(SearchKind.KESSAI, kessai, done -> progress(done, total));
            }
            if (due.contains(SearchKind.DOCUMENT)) {
                indexer.update(SearchKind.DOCUMENT, documents, names::complete,
                        done -> progress(kessaiCount + done, total));
            }
            if (due.contains(SearchKind.MINUTES)) {
                int before = kessaiCount + documents.size();
                indexer.update(SearchKind.MINUTES, minutes, names::complete, done -> progress(before + done, total));
            }
            publish(new IndexState(current.count(), 0, 0, rebuilt, null));
            indexedBy = current;
            indexedVersions = versions;
        } catch (AlreadyClosedException e) {
            // logged out while indexing: the next login indexes again
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the search index could not be brought up to date", e);
            publish(new IndexState(state.items(), 0, 0, rebuilt, "検索索引を更新できません (cannot update the search index): "
                    + e.getMessage()));
        }
    }

    /** Indexes the chat messages heard of since the last run (the latest version of each). */
    private void indexChat(SearchIndex current) throws IOException {
        Map<String, IndexedItem> items = new LinkedHashMap<>();
        for (ChatMessage message = heard.poll(); message != null; message = heard.poll()) {
            IndexedItem item = chatItems.of(message, sync.officeZone());
            items.put(item.key(), item);
        }
        if (!items.isEmpty()) {
            current.putAll(List.copyOf(items.values()));
            current.commit();
            publish(new IndexState(current.count(), 0, 0, rebuilt, null));
        }
    }

    /**
     * Reads the chat archives into the index from where the index's marks say the last reading stopped (all of
     * them for a new or remade index), a page at a time; the marks are committed with what they cover. Tried again
     * the next time chat comes online when chat is off or the chat server fails meanwhile.
     */
    private void indexChatHistory(SearchIndex current) throws IOException {
        ChatService service = chat;
        if (service == null || service.state() != ChatState.ONLINE) {
            return; // read when chat comes online
        }
        List<IndexedItem> batch = new ArrayList<>();
        try {
            ChatHistoryMarks marks = service.readHistory(ChatHistoryMarks.decode(current.chatMarks()),
                    (conversation, message) -> {
                        chatItems.historyConversation(conversation);
                        batch.add(chatItems.of(message, sync.officeZone()));
                        if (batch.size() >= CHAT_BATCH) {
                            putChat(current, batch);
                        }
                    });
            putChat(current, batch);
            current.chatMarks(marks.encode());
        } catch (ChatException e) {
            LOG.log(Level.INFO, "the chat history could not be read into the search index; again when chat is online",
                    e);
            putChat(current, batch); // the marks stay: what was read comes again next time, under the same keys
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        current.commit();
        publish(new IndexState(current.count(), 0, 0, rebuilt, null));
    }

    private static void putChat(SearchIndex current, List<IndexedItem> batch) {
        try {
            current.putAll(List.copyOf(batch));
            batch.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(int done, int total) {
        if (done < total) {
            publish(new IndexState(state.items(), done, total, rebuilt, null));
        }
    }

    /**
     * The city's place names the replica holds, as readings (made again only when the list changed); none when
     * the server has no list.
     */
    private PlaceReadings placeReadings() {
        PlaceNames names = sync.replica().get(EntityTypes.PLACE_NAMES, PlaceNames.FEED_ID, PlaceNames.class)
                .orElse(PlaceNames.NONE);
        if (!names.equals(places.names())) {
            places = new PlaceReadings(names);
        }
        return places;
    }

    /**
     * The index at the path, opened (and the previous user's closed) when it is not the one open, or reads place
     * names otherwise (then it is made again, see {@link SearchIndex#open(Path, PlaceReadings)}).
     */
    private SearchIndex open(Path path, PlaceReadings readings) throws IOException {
        if (index != null && path.equals(indexPath) && index.placeNames().equals(readings.version())) {
            return index;
        }
        closeIndex();
        index = SearchIndex.open(path, readings);
        indexPath = path;
        rebuilt = index.wasRebuilt();
        chatHistoryDue.set(true); // what chat said while the index was closed, or all of it for a new index
        return index;
    }

    private void closeIndex() {
        if (index != null) {
            try {
                index.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the search index did not close cleanly", e);
            }
            index = null;
            indexPath = null;
            indexedBy = null;
            publish(IndexState.CLOSED);
        }
    }

    private void publish(IndexState next) {
        state = next;
        Consumer<IndexState> to = listener;
        if (to != null) {
            to.accept(next);
        }
    }
}
