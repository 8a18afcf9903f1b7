package org.kairan.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongValues;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;

/**
 * Counts all matching items (not only the hits shown) and, for every facet, their values, from the doc values
 * written with each item: per segment by ordinal, then by value. An item is counted once however many of its parts
 * match — the pages of a document, a 決裁 with its attachments' pages, minutes with their utterances ({@link
 * Fields#ITEM}) — so that 「N件」 and the count beside a facet's value are the number of things listed (the parts of
 * an item share its 課, 年度, 分類 and state). An empty value (an item without 課 …) is not counted.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counted> {

    /** What the pass counted: all matching items, and per facet its values. */
    record Counted(long matches, Map<Facet, List<FacetCount>> facets) {
    }

    private final ItemOrdinals items;
    /** The items counted so far, a bit per {@link ItemOrdinals} number, shared by the search's collectors. */
    private final AtomicLongArray counted;

    /** @param items the numbers of the items of the reader searched */
    FacetCounter(ItemOrdinals items) {
        this.items = items;
        this.counted = new AtomicLongArray((int) ((items.count() + 63) >>> 6));
    }

    /** Whether the item is counted now, for the first time (its parts may match in several segments and threads). */
    private boolean countsFirst(long item) {
        int word = (int) (item >>> 6);
        long bit = 1L << item;
        while (true) {
            long was = counted.get(word);
            if ((was & bit) != 0) {
                return false;
            }
            if (counted.compareAndSet(word, was, was | bit)) {
                return true;
            }
        }
    }

    /** The counts of one search thread. */
    final class Counting extends SimpleCollector {

        private final Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
        private long matches;
        private final Map<Facet, SortedDocValues> values = new EnumMap<>(Facet.class);
        private final Map<Facet, long[]> byOrd = new EnumMap<>(Facet.class);
        private SortedDocValues itemValues;
        private LongValues itemNumbers;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            for (Facet facet : Facet.values()) {
                SortedDocValues dv = DocValues.getSorted(context.reader(), Fields.of(facet));
                values.put(facet, dv);
                byOrd.put(facet, new long[Math.max(0, dv.getValueCount())]);
            }
            itemValues = DocValues.getSorted(context.reader(), Fields.ITEM);
            itemNumbers = items.of(context);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (itemValues.advanceExact(doc) && !countsFirst(itemNumbers.get(itemValues.ordValue()))) {
                return; // another part of the item was counted
            }
            matches++;
            for (Facet facet : Facet.values()) {
                SortedDocValues dv = values.get(facet);
                if (dv.advanceExact(doc)) {
                    byOrd.get(facet)[dv.ordValue()]++;
                }
            }
        }

        @Override
        public void finish() throws IOException {
            for (Facet facet : Facet.values()) {
                long[] ords = byOrd.get(facet);
                SortedDocValues dv = values.get(facet);
                for (int ord = 0; ords != null && ord < ords.length; ord++) {
                    if (ords[ord] > 0) {
                        String value = dv.lookupOrd(ord).utf8ToString();
                        if (!value.isEmpty()) {
                            counts.computeIfAbsent(facet, f -> new HashMap<>()).merge(value, ords[ord], Long::sum);
                        }
                    }
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            // counts only
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counted reduce(Collection<Counting> collectors) {
        Map<Facet, Map<String, Long>> merged = new EnumMap<>(Facet.class);
        long matches = 0;
        for (Counting c : collectors) {
            matches += c.matches;
            c.counts.forEach((facet, counts) -> counts.forEach((value, n) ->
                    merged.computeIfAbsent(facet, f -> new HashMap<>()).merge(value, n, Long::sum)));
        }
        Map<Facet, List<FacetCount>> out = new EnumMap<>(Facet.class);
        merged.forEach((facet, counts) -> {
            List<FacetCount> list = new ArrayList<>();
            counts.forEach((value, n) -> list.add(new FacetCount(value, n)));
            list.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            out.put(facet, List.copyOf(list));
        });
        return new Counted(matches, out);
    }
}
