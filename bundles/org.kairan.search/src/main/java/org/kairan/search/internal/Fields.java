package org.kairan.search.internal;

import org.kairan.search.Facet;

/**
 * The index's fields, named once. One Lucene document per searchable item (a 決裁, a document's page, a
 * minutes' utterance, a chat message); its text is indexed three ways (see {@link JapaneseAnalysis}).
 */
final class Fields {

    /**
     * {@code kind:id}, with {@code #page} or {@code #attachment/page} for a page: the unique key updates and deletions
     * go by (stored).
     */
    static final String KEY = "key";
    /** {@link org.kairan.search.SearchKind} name (stored, doc values for facets). */
    static final String KIND = "kind";
    /** The item's own id within its kind (stored). */
    static final String ID = "id";
    /**
     * {@code kind:id} without the page ({@link IndexedItem#listedAs()}): what the pages of one document or 決裁 and
     * the utterances of one 議事録 (with the minutes themselves) have in common (doc values), so that a result list
     * shows each once, at its best page or utterance, and the total and the facets count each once.
     */
    static final String ITEM = "item";
    /** Title as shown (stored); indexed as {@link #TITLE_WORDS} and {@link #TITLE_GRAMS} (matches there count double). */
    static final String TITLE = "title";
    static final String TITLE_WORDS = "title_words";
    static final String TITLE_GRAMS = "title_grams";
    /**
     * The text as shown in snippets (stored); indexed as {@link #WORDS} and {@link #GRAMS}, and with the
     * title before it as {@link #READING} (term vectors with offsets mark the snippets).
     */
    static final String TEXT = "text";
    static final String WORDS = "words";
    static final String GRAMS = "grams";
    /** Katakana readings of the proper nouns in title and text. */
    static final String READING = "reading";
    /** Katakana readings of the people on the item (family, given, full name), whole. */
    static final String PERSON_READING = "person_reading";
    /** 課 (unit name), 年度, 文書分類, state: stored, exact, doc values for facets. */
    static final String UNIT = "unit";
    static final String FISCAL_YEAR = "fiscal_year";
    static final String CLASSIFICATION = "classification";
    static final String STATE = "state";
    /** Epoch day of the item's date: point for ranges, doc values for sorting, stored. */
    static final String DAY = "day";
    /** 1-based page of a document's or a 決裁's attachment's page (stored); 0 when the item has no pages. */
    static final String PAGE = "page";
    /** The id of the 決裁's attachment a page item is of (stored); empty for every other item. */
    static final String ATTACHMENT = "attachment";
    /** What the item was indexed from: an item whose stamp is unchanged is not indexed again (stored). */
    static final String STAMP = "stamp";

    private Fields() {
    }

    /** The exact, doc-valued field a facet counts and narrows by. */
    static String of(Facet facet) {
        return switch (facet) {
            case KIND -> KIND;
            case UNIT -> UNIT;
            case FISCAL_YEAR -> FISCAL_YEAR;
            case CLASSIFICATION -> CLASSIFICATION;
            case STATE -> STATE;
        };
    }
}
