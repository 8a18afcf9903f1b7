package org.kairan.search.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.TextPage;
import org.kairan.search.SearchKind;

/**
 * A library document as the index sees it: one item per page of the text the server extracted (so a hit
 * opens the PDF at its page), each with the document's 表題, file name and タグ; a document whose text has not
 * arrived yet (still extracting, or failed) is one item of its title, file name and tags, found by those.
 * Counted under its 課, 年度 and 文書分類; dated by the day it was added in the office's zone.
 */
final class DocumentItems {

    private DocumentItems() {
    }

    /**
     * @param document the document
     * @param texts    the parts of its text the replica holds (any order; parts of another version than the
     *                 newest complete one are ignored)
     * @param zone     the office's time zone
     * @param names    the directory's names, whose readings the items get when indexed ({@link NameReadings#complete})
     */
    static List<IndexedItem> of(LibraryDocument document, Collection<DocumentText> texts, ZoneId zone,
            NameReadings names) {
        String fileName = document.current().map(DocumentVersion::fileName).orElse("");
        List<String> about = new ArrayList<>();
        if (!fileName.isBlank()) {
            about.add(fileName);
        }
        about.addAll(document.tags());
        LocalDate day = LocalDate.ofInstant(document.createdAt(), zone);
        List<TextPage> pages = pages(texts);
        List<IndexedItem> items = new ArrayList<>();
        if (pages.isEmpty()) {
            items.add(item(document, 0, about, day, names.version()));
            return items;
        }
        for (TextPage page : pages) {
            List<String> text = new ArrayList<>();
            text.add(page.text());
            text.addAll(about);
            items.add(item(document, page.page(), text, day, Integer.toHexString(page.text().hashCode()) + ":"
                    + names.version()));
        }
        return items;
    }

    /** The pages of the newest version whose every part is there, in page order. */
    private static List<TextPage> pages(Collection<DocumentText> texts) {
        return texts.stream().map(DocumentText::version).distinct().sorted(Comparator.reverseOrder())
                .map(version -> texts.stream().filter(t -> t.version() == version).toList())
                .filter(parts -> !parts.isEmpty() && parts.size() == parts.getFirst().parts())
                .findFirst()
                .map(parts -> parts.stream().sorted(Comparator.comparingInt(DocumentText::part))
                        .flatMap(t -> t.pages().stream()).toList())
                .orElse(List.of());
    }

    private static IndexedItem item(LibraryDocument d, int page, List<String> texts, LocalDate day, String textStamp) {
        String stamp = Integer.toHexString(Objects.hash(d.title(), d.unitName(), d.fiscalYear(), d.classification(),
                d.tags(), d.versions().size())) + ":" + textStamp;
        return new IndexedItem(SearchKind.DOCUMENT, d.id(), page, d.title(), texts, List.of(), d.unitName(),
                d.fiscalYear(), d.classification(), "", day, stamp);
    }
}
