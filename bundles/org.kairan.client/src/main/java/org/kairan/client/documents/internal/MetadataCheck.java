package org.kairan.client.documents.internal;

import java.util.List;

import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.kessai.DocumentClass;

/**
 * The checks of a document's metadata the desktop can make before queuing an edit, with the server's rules
 * (docs/API.md, {@code document.edit}), so the user hears at once what can never be applied.
 */
final class MetadataCheck {

    private final List<DocumentClass> classes;

    MetadataCheck(List<DocumentClass> classes) {
        this.classes = classes;
    }

    void check(EditDocument edit) {
        String title = edit.title() == null ? "" : edit.title().strip();
        if (title.isEmpty() || title.codePointCount(0, title.length()) > LibraryDocument.MAX_TITLE) {
            throw new IllegalArgumentException("表題は1～" + LibraryDocument.MAX_TITLE + "文字で入力してください"
                    + " (the title has 1 to " + LibraryDocument.MAX_TITLE + " characters)");
        }
        if (!classes.isEmpty() && classes.stream().noneMatch(c -> c.name().equals(edit.classification()))) {
            throw new IllegalArgumentException("文書分類「" + edit.classification() + "」は市の文書分類にありません"
                    + " (not one of the city's 文書分類)");
        }
        if (edit.fiscalYear() < 1868 || edit.fiscalYear() > 2200) {
            throw new IllegalArgumentException("年度が正しくありません: " + edit.fiscalYear() + " (the 年度 is out of range)");
        }
        if (edit.retentionYears() != null && !LibraryDocument.isRetention(edit.retentionYears())) {
            throw new IllegalArgumentException("保存年限は1・3・5・10・30年または永年です (retention is 1, 3, 5, 10, 30 years"
                    + " or permanent)");
        }
        if (edit.tags().size() > LibraryDocument.MAX_TAGS
                || edit.tags().stream().anyMatch(t -> t.length() > LibraryDocument.MAX_TAG)) {
            throw new IllegalArgumentException("タグは" + LibraryDocument.MAX_TAGS + "個まで、1つ" + LibraryDocument.MAX_TAG
                    + "文字までです (at most " + LibraryDocument.MAX_TAGS + " tags of " + LibraryDocument.MAX_TAG
                    + " characters)");
        }
    }
}
