package org.kairan.core.organisation;

import java.util.Objects;

/**
 * One unit of the organisation (部局, 部, 課 or 係).
 *
 * @param code         組織コード, stable across reorganisations
 * @param parentCode   組織コード of the unit above, {@code null} for a 部局
 * @param kind         the level
 * @param name         名称, e.g. 財政課
 * @param kana         reading in hiragana, e.g. ざいせいか
 * @param abbreviation 略称 used in 文書番号 (e.g. 財 in 伊財第12号); may be empty
 * @param sortOrder    表示順 among siblings
 */
public record OrgUnit(String code, String parentCode, UnitKind kind, String name, String kana,
        String abbreviation, int sortOrder) {

    public OrgUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        kana = kana == null ? "" : kana;
        abbreviation = abbreviation == null ? "" : abbreviation;
    }

    public boolean isTopLevel() {
        return parentCode == null || parentCode.isEmpty();
    }
}
