package org.kairan.core.documents;

import java.util.List;

/**
 * Payload of {@code document.edit}: the document's metadata as the user left it (every field, not only the
 * changed ones); its files and 課 stay.
 *
 * @param documentId     the document
 * @param title          表題
 * @param classification 文書分類
 * @param fiscalYear     年度
 * @param tags           タグ
 * @param retentionYears 保存年限; {@code null}: the 文書分類's
 */
public record EditDocument(String documentId, String title, String classification, int fiscalYear, List<String> tags,
        Integer retentionYears) {

    public EditDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
