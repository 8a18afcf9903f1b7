package org.kairan.search.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.kairan.search.SearchKind;

/**
 * One thing to index, whatever it came from.
 *
 * @param kind           種別
 * @param id             id within the kind
 * @param page           1-based page of a document or of a 決裁's attachment, 0 otherwise (both are indexed page by
 *                       page)
 * @param attachment     the {@link org.kairan.core.kessai.Attachment#id()} of the 決裁's attachment the page is of;
 *                       empty for every other item (the 決裁 itself included)
 * @param partOf         the id (of the same kind) of the item this one is a part of, and is listed as: the minutes'
 *                       id for one of its utterances; empty for every other item, which is listed as its own id (the
 *                       pages of a document and of a 決裁's attachments have their document's or 決裁's id already)
 * @param title          件名 or file name
 * @param texts          the searchable text, in order (body, comments, file names …)
 * @param personReadings readings of the people on it (directory かな: family, given, full)
 * @param unit           課, may be empty
 * @param fiscalYear     年度, 0 when none
 * @param classification 文書分類, may be empty
 * @param state          e.g. 決裁状態, may be empty
 * @param day            the item's date
 * @param stamp          changes whenever anything indexed changes
 */
record IndexedItem(SearchKind kind, String id, int page, String attachment, String partOf, String title,
        List<String> texts, List<String> personReadings, String unit, int fiscalYear, String classification,
        String state, LocalDate day, String stamp) {

    IndexedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        attachment = attachment == null ? "" : attachment;
        partOf = partOf == null ? "" : partOf;
        title = title == null ? "" : title;
        texts = List.copyOf(texts);
        personReadings = List.copyOf(personReadings);
        unit = unit == null ? "" : unit;
        classification = classification == null ? "" : classification;
        state = state == null ? "" : state;
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** An item that is neither a page of an attachment nor a part of another item. */
    IndexedItem(SearchKind kind, String id, int page, String title, List<String> texts, List<String> personReadings,
            String unit, int fiscalYear, String classification, String state, LocalDate day, String stamp) {
        this(kind, id, page, "", "", title, texts, personReadings, unit, fiscalYear, classification, state, day,
                stamp);
    }

    /** The same item with other readings of people (the stamp is left as it is). */
    IndexedItem withPersonReadings(List<String> readings) {
        return new IndexedItem(kind, id, page, attachment, partOf, title, texts, readings, unit, fiscalYear,
                classification, state, day, stamp);
    }

    /**
     * What the item is listed and counted as, {@code kind:id} without page or attachment ({@link Fields#ITEM}): the
     * same for the pages of one document, for a 決裁 and its attachments' pages, and for minutes and their
     * utterances ({@code MINUTES:<minutes id>}).
     */
    String listedAs() {
        return key(kind, partOf.isEmpty() ? id : partOf, 0);
    }

    /**
     * The unique key in the index: {@code KESSAI:id}, {@code DOCUMENT:id#page}, {@code KESSAI:id#attachment/page}.
     */
    String key() {
        return key(kind, id, attachment, page);
    }

    static String key(SearchKind kind, String id, int page) {
        return key(kind, id, "", page);
    }

    static String key(SearchKind kind, String id, String attachment, int page) {
        String at = attachment.isEmpty() ? (page > 0 ? Integer.toString(page) : "") : attachment + "/" + page;
        return kind.name() + ":" + id + (at.isEmpty() ? "" : "#" + at);
    }

    /** The text as one string, paragraphs apart. */
    String text() {
        return String.join("\n\n", texts);
    }
}
