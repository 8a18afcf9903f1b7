package org.kairan.core.kessai;

import java.util.List;
import java.util.Objects;

import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.TextPage;

/**
 * The text of a PDF attached to a 案件, page by page, as the feed carries it (entity type {@code kessai-text}),
 * visible exactly to those who see the 案件. Every version of every attachment has its own text; a long file
 * travels in several parts of consecutive pages (each at most {@link DocumentText#MAX_PART_CHARS} characters).
 * The server reads each file's text layer once (files are kept by content), in the background.
 *
 * @param kessaiId     the 案件
 * @param attachmentId the attachment ({@link Attachment#id()}): one version of one file
 * @param part         1-based part number
 * @param parts        how many parts the text has
 * @param pages        the pages of this part, in page order
 */
public record KessaiText(String kessaiId, String attachmentId, int part, int parts, List<TextPage> pages) {

    public KessaiText {
        Objects.requireNonNull(kessaiId, "kessaiId");
        Objects.requireNonNull(attachmentId, "attachmentId");
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** The feed id of a part: {@code <kessaiId>/<attachmentId>/<part>}. */
    public static String feedId(String kessaiId, String attachmentId, int part) {
        return kessaiId + "/" + attachmentId + "/" + part;
    }
}
