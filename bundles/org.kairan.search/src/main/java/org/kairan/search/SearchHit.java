package org.kairan.search;

import java.time.LocalDate;

/**
 * One hit.
 *
 * @param kind           種別
 * @param id             the item's id within its kind (a 決裁's id, a document's id, …); for a 議事録 listed at one
 *                       of its utterances {@code <minutes id>/<utterance id>}, which the minutes open at
 * @param title          件名 or file name
 * @param markedTitle    the title with the matched words marked as in the snippet (the title itself when none)
 * @param snippet        the best passage, with each matched word between {@link #MARK_START} and
 *                       {@link #MARK_END}; empty when only the title matched
 * @param page           1-based page of a document, or of a 決裁's attachment when {@code attachment} is not empty;
 *                       0 otherwise
 * @param attachment     the id of the 決裁's attachment ({@link org.kairan.core.kessai.Attachment#id()}) the hit is
 *                       on a page of; empty for a hit in the 決裁 itself and for every other kind
 * @param unit           課
 * @param day            the item's date (決裁: 起案日)
 * @param classification 文書分類, may be empty
 * @param state          決裁状態 and the like, may be empty
 * @param score          relevance
 */
public record SearchHit(SearchKind kind, String id, String title, String markedTitle, String snippet, int page,
        String attachment, String unit, LocalDate day, String classification, String state, float score) {

    /** Marks where a matched word starts in {@link #snippet} and {@link #markedTitle}. */
    public static final char MARK_START = '\uE000';
    /** Marks where a matched word ends in {@link #snippet} and {@link #markedTitle}. */
    public static final char MARK_END = '\uE001';

    public SearchHit {
        markedTitle = markedTitle == null ? title : markedTitle;
        attachment = attachment == null ? "" : attachment;
    }
}
