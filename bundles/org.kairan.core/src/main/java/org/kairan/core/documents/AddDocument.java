package org.kairan.core.documents;

import java.util.List;

/**
 * Payload of {@code document.add}: a new document in a 課's library with its first file. Members of the 課
 * (its 係 included, 兼務 too) may add.
 *
 * @param documentId     UUID chosen by the client
 * @param unitCode       the 課 (a 係's code means its 課)
 * @param title          表題, 1–{@value LibraryDocument#MAX_TITLE} characters
 * @param classification 文書分類, one of the city's
 * @param fiscalYear     年度, e.g. 2026
 * @param tags           タグ, at most {@value LibraryDocument#MAX_TAGS} of at most {@value LibraryDocument#MAX_TAG}
 *                       characters
 * @param retentionYears 保存年限 (1, 3, 5, 10, 30, 0 = 永年); {@code null}: the 文書分類's
 * @param file           the uploaded file, its first version
 */
public record AddDocument(String documentId, String unitCode, String title, String classification, int fiscalYear,
        List<String> tags, Integer retentionYears, DocumentFile file) {

    public AddDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
