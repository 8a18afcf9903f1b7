package org.kairan.client.kessai.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

import org.kairan.client.kessai.Inbox;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.sync.QueuedAction;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.KessaiWorkflow;

/**
 * Sorts one user's 案件 into the folders of the inbox. Pure: the 案件 (with the user's unsent actions already
 * applied), which of them have such actions and which a refusal, who the user is and what "recent" means.
 */
final class InboxBuilder {

    /** How long a closed 案件 stays in 決裁済. */
    static final Duration RECENT = Duration.ofDays(60);
    /** The most 決裁済 shown. */
    static final int MAX_CLOSED = 500;

    private static final Comparator<InboxItem> OLDEST_FIRST = Comparator.comparing(InboxItem::since)
            .thenComparing(InboxItem::title).thenComparing(InboxItem::id);
    private static final Comparator<InboxItem> NEWEST_FIRST = Comparator.comparing(InboxItem::since).reversed()
            .thenComparing(InboxItem::title).thenComparing(InboxItem::id);

    /** The inbox and every 案件 the user sees, by id. */
    record Built(Inbox inbox, Map<String, InboxItem> items) {
        static final Built EMPTY = new Built(Inbox.EMPTY, Map.of());
    }

    private InboxBuilder() {
    }

    /**
     * @param kessai   every 案件 of the replica, the user's unsent actions applied
     * @param sending  ids of 案件 with unsent actions of the user, in the order of those actions
     * @param refusals by 案件 id, the user's latest refused action not dismissed
     * @param me       the user's 職員番号
     * @param now      for what counts as recent
     */
    static Built build(Collection<Kessai> kessai, SequencedSet<String> sending, Map<String, QueuedAction> refusals,
            String me, Instant now) {
        Map<InboxFolder, List<InboxItem>> folders = new EnumMap<>(InboxFolder.class);
        for (InboxFolder folder : InboxFolder.values()) {
            folders.put(folder, new ArrayList<>());
        }
        Map<String, InboxItem> items = HashMap.newHashMap(kessai.size());
        Instant recent = now.minus(RECENT);
        for (Kessai k : kessai) {
            InboxItem item = new InboxItem(k, KessaiWorkflow.where(k), since(k), sending.contains(k.id()),
                    refusals.get(k.id()));
            items.put(k.id(), item);
            if (k.awaits(me)) {
                folders.get(InboxFolder.AWAITING).add(item);
            }
            if (k.awaitsPostReview(me)) {
                folders.get(InboxFolder.POST_REVIEW).add(item);
            }
            if (k.drafterNo().equals(me)) {
                switch (k.status()) {
                    case DRAFT -> folders.get(InboxFolder.DRAFTS).add(item);
                    case IN_ROUTE -> folders.get(InboxFolder.IN_ROUTE).add(item);
                    case RETURNED -> folders.get(InboxFolder.RETURNED).add(item);
                    default -> { }
                }
            }
            if (k.status() == KessaiStatus.DECIDED && toRead(k, me)) {
                folders.get(InboxFolder.TO_READ).add(item);
            }
            if (k.status().isClosed() && !item.since().isBefore(recent) && k.involves(me)) {
                folders.get(InboxFolder.CLOSED).add(item);
            }
        }
        folders.forEach((folder, list) -> list.sort(folder == InboxFolder.DRAFTS || folder == InboxFolder.CLOSED
                ? NEWEST_FIRST : OLDEST_FIRST));
        List<InboxItem> closed = folders.get(InboxFolder.CLOSED);
        if (closed.size() > MAX_CLOSED) {
            folders.put(InboxFolder.CLOSED, closed.subList(0, MAX_CLOSED));
        }
        for (String id : sending) {
            InboxItem item = items.get(id);
            if (item != null) {
                folders.get(InboxFolder.SENDING).add(item);
            }
        }
        return new Built(new Inbox(folders), items);
    }

    /** A 供覧 reader who has not confirmed yet. */
    private static boolean toRead(Kessai k, String me) {
        return k.route().readers().stream().anyMatch(r -> r.staffNo().equals(me)) && k.history().stream()
                .noneMatch(e -> e.action() == ActionKind.READ && e.actor().staffNo().equals(me));
    }

    /**
     * Since when the 案件 stands as it does: for one on its route, when it reached the current step (a 合議
     * member's consent at the same step does not count); sent back, when that happened; closed, when it was
     * decided; a draft, when it was first saved.
     */
    static Instant since(Kessai k) {
        return switch (k.status()) {
            case DRAFT -> k.createdAt();
            case IN_ROUTE -> lastEvent(k, e -> e.round() == k.round() && (e.action() == ActionKind.SUBMIT
                    || e.action() == ActionKind.SEND_BACK || e.action() == ActionKind.PULL_BACK
                    || (e.action() == ActionKind.APPROVE && e.stepIndex() != k.currentStep())),
                    k.submittedAt() != null ? k.submittedAt() : k.createdAt());
            case RETURNED -> lastEvent(k, e -> e.action() == ActionKind.SEND_BACK || e.action() == ActionKind.PULL_BACK,
                    k.createdAt());
            case DECIDED, REJECTED, WITHDRAWN -> k.decidedAt() != null ? k.decidedAt()
                    : k.lastEvent().map(KessaiEvent::at).orElse(k.createdAt());
        };
    }

    private static Instant lastEvent(Kessai k, java.util.function.Predicate<KessaiEvent> which, Instant otherwise) {
        List<KessaiEvent> history = k.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (which.test(history.get(i))) {
                return history.get(i).at();
            }
        }
        return otherwise;
    }
}
