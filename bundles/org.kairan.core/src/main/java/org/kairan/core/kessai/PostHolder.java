package org.kairan.core.kessai;

import java.util.Objects;

/**
 * A post resolved to the person who held it on the route's date: who approves, consents, decides or
 * reads. 所属 and 氏名 are kept as they were then, for the route view and the 鑑 of the record.
 *
 * @param unitCode 組織コード of the post
 * @param unitName 所属 as written then, e.g. 企画財政部 財政課 財政係
 * @param position 役職, e.g. 係長
 * @param staffNo  職員番号 of the holder
 * @param name     氏名 of the holder
 */
public record PostHolder(String unitCode, String unitName, String position, String staffNo, String name) {

    public PostHolder {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(staffNo, "staffNo");
        unitName = unitName == null ? "" : unitName;
        name = name == null ? "" : name;
    }

    /** e.g. 財政係長 田中　直樹 — for messages. */
    public String label() {
        return unitName + " " + position + " " + name;
    }
}
