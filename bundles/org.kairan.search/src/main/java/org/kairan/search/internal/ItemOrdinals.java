package org.kairan.search.internal;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.LongValues;

/**
 * The {@link Fields#ITEM} values of one reader numbered across its segments (Lucene's {@link OrdinalMap}): the parts
 * of one item — the pages of a document, a 決裁 and its attachments' pages, minutes and their utterances — are
 * written from several threads and updated one by one, so they lie in several segments; one number per item tells
 * them apart without comparing keys, which is how a search lists each item once and counts it once. Made once per
 * reader (at the first search after a commit).
 */
final class ItemOrdinals {

    /**
     * Memory the map may take over the least it needs, for faster lookups: Lucene's {@code PackedInts.DEFAULT} (its
     * package is not among those the bundle imports).
     */
    private static final float OVERHEAD = 0.25f;

    private final IndexReader.CacheKey reader;
    private final OrdinalMap ordinals;

    private ItemOrdinals(IndexReader.CacheKey reader, OrdinalMap ordinals) {
        this.reader = reader;
        this.ordinals = ordinals;
    }

    /** The numbers of the items of the reader's segments ({@link IndexReader#leaves()}). */
    static ItemOrdinals of(IndexReader reader) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        SortedDocValues[] values = new SortedDocValues[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            values[leaf.ord] = DocValues.getSorted(leaf.reader(), Fields.ITEM);
        }
        IndexReader.CacheHelper cache = reader.getReaderCacheHelper();
        return new ItemOrdinals(cache == null ? null : cache.getKey(), OrdinalMap.build(null, values, OVERHEAD));
    }

    /** Whether these are the numbers of the reader's items (the same reader, no commit since). */
    boolean isOf(IndexReader other) {
        IndexReader.CacheHelper cache = other.getReaderCacheHelper();
        return reader != null && cache != null && reader == cache.getKey();
    }

    /** How many items the reader holds: the numbers run from 0 below it. */
    long count() {
        return ordinals.getValueCount();
    }

    /** The numbers of a segment's item ordinals ({@link SortedDocValues#ordValue()} of {@link Fields#ITEM}). */
    LongValues of(LeafReaderContext leaf) {
        return ordinals.getGlobalOrds(leaf.ord);
    }

    /**
     * The number of the item a segment's document is a part of, looked up on its own (hits come in rank order, not
     * doc order); a document without one, which only an index of an earlier layout would hold, is an item of its own
     * and gets a negative number.
     */
    long of(LeafReaderContext leaf, int doc) throws IOException {
        SortedDocValues items = DocValues.getSorted(leaf.reader(), Fields.ITEM);
        return items.advanceExact(doc) ? of(leaf).get(items.ordValue()) : -1L - leaf.docBase - doc;
    }
}
