package org.kairan.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import org.kairan.search.SearchKind;

/**
 * Brings the index's items of one kind in line with what the replica holds: items whose stamp changed (or
 * are new) are indexed, items the replica no longer holds (withdrawn from the user's view, deleted) are
 * removed, and the rest is left alone — so a sync that changed one 決裁 of 5,000 indexes that one's items.
 */
final class ReplicaIndexer {

    /** Items indexed between commits: what a crash can cost is indexed again at the next start. */
    static final int COMMIT_EVERY = 1_000;

    private final SearchIndex index;

    ReplicaIndexer(SearchIndex index) {
        this.index = index;
    }

    /** What a run did. */
    record Outcome(int indexed, int removed, int unchanged) {
    }

    /**
     * @param kind     the kind the items are
     * @param items    every item of the kind the replica holds now
     * @param progress told the number of items looked at so far
     */
    Outcome update(SearchKind kind, List<IndexedItem> items, IntConsumer progress) throws IOException {
        return update(kind, items, UnaryOperator.identity(), progress);
    }

    /**
     * The same, completing each item that is to be indexed first — work too costly to do for every item the
     * replica holds at every run (its stamp must already say what the completion depends on).
     */
    Outcome update(SearchKind kind, List<IndexedItem> items, UnaryOperator<IndexedItem> complete, IntConsumer progress)
            throws IOException {
        Map<String, String> stamps = index.stamps(kind);
        Set<String> present = new HashSet<>();
        List<IndexedItem> changed = new ArrayList<>();
        for (IndexedItem item : items) {
            present.add(item.key());
            if (!item.stamp().equals(stamps.get(item.key()))) {
                changed.add(item);
            }
        }
        int looked = items.size() - changed.size();
        progress.accept(looked);
        for (int from = 0; from < changed.size(); from += COMMIT_EVERY) {
            List<IndexedItem> batch = changed.subList(from, Math.min(changed.size(), from + COMMIT_EVERY))
                    .parallelStream().map(complete).toList();
            index.putAll(batch);
            index.commit();
            looked += batch.size();
            progress.accept(looked);
        }
        int removed = 0;
        for (String key : stamps.keySet()) {
            if (!present.contains(key)) {
                index.delete(key);
                removed++;
            }
        }
        index.commit();
        return new Outcome(changed.size(), removed, items.size() - changed.size());
    }
}
