package org.kairan.core.documents;

import java.util.List;
import java.util.Objects;

/**
 * The extracted text of a document's current version, page by page, as the feed carries it (entity type
 * {@code document-text}). A long document travels in several parts of consecutive pages (each at most
 * {@link #MAX_PART_CHARS} characters of text), with the feed id {@link #feedId}; when a new version's text
 * has fewer parts, the parts beyond it are removed from the feed. The text of a new version replaces the old
 * once its extraction has finished (until then the previous version's text stays).
 *
 * @param documentId the document
 * @param version    the version the text is of
 * @param part       1-based part number
 * @param parts      how many parts the text has
 * @param pages      the pages of this part, in page order
 */
public record DocumentText(String documentId, int version, int part, int parts, List<TextPage> pages) {

    /** The text of one part stays below this many characters (a single longer page is cut there). */
    public static final int MAX_PART_CHARS = 200_000;

    public DocumentText {
        Objects.requireNonNull(documentId, "documentId");
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** The feed id of a part: {@code <documentId>/<part>}. */
    public static String feedId(String documentId, int part) {
        return documentId + "/" + part;
    }
}
