package org.kairan.core.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document of a 課's library (文書庫) as the feed carries it (entity type {@code document}), after every
 * change — metadata edited, a version added, its extraction moving on. Versions are never removed or
 * replaced: a new file is the next version, and the newest is the current one.
 *
 * @param id             UUID chosen by the client that added it
 * @param unitCode       the 課 whose library holds it (組織コード)
 * @param unitName       the 課's name when last changed, e.g. 財政課
 * @param title          表題
 * @param classification 文書分類 (one of the city's, as in {@code kessai-settings})
 * @param fiscalYear     年度, e.g. 2026 for 令和8年度
 * @param tags           タグ, in the order given, without duplicates
 * @param retentionYears 保存年限 in years (1, 3, 5, 10, 30), {@link #PERMANENT} for 永年
 * @param versions       every version, oldest first (numbers 1, 2, 3 …)
 * @param createdBy      職員番号 of who added it
 * @param createdByName  their 氏名
 * @param createdAt      when it was added
 * @param updatedBy      職員番号 of who last changed its metadata or added a version
 * @param updatedByName  their 氏名
 * @param updatedAt      when
 */
public record LibraryDocument(String id, String unitCode, String unitName, String title, String classification,
        int fiscalYear, List<String> tags, int retentionYears, List<DocumentVersion> versions, String createdBy,
        String createdByName, Instant createdAt, String updatedBy, String updatedByName, Instant updatedAt) {

    /** 永年: kept for good. */
    public static final int PERMANENT = 0;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    public LibraryDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(title, "title");
        unitName = unitName == null ? "" : unitName;
        classification = classification == null ? "" : classification;
        tags = tags == null ? List.of() : List.copyOf(tags);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The newest version: what the document is now. */
    public Optional<DocumentVersion> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** The version with this number. */
    public Optional<DocumentVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** 5年, 永年. */
    public String retentionLabel() {
        return retentionYears == PERMANENT ? "永年" : retentionYears + "年";
    }

    /**
     * The last day it must be kept: the period counts from the 1 April after its 年度 (as for 決裁), so a
     * 5年 document of 令和8年度 is kept until 31 March of 令和14年; {@code null} for 永年.
     */
    public LocalDate keptUntil() {
        return retentionYears == PERMANENT ? null : LocalDate.of(fiscalYear + 1 + retentionYears, 3, 31);
    }

    /** Whether {@code years} is a 保存年限 the library accepts: 1, 3, 5, 10, 30 or {@link #PERMANENT}. */
    public static boolean isRetention(int years) {
        return years == PERMANENT || years == 1 || years == 3 || years == 5 || years == 10 || years == 30;
    }
}
