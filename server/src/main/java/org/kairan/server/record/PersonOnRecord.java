package org.kairan.server.record;

import java.util.Objects;

/**
 * A person as the record prints them, as of the 決裁: 所属 (e.g. 財政課), 役職 (e.g. 主事, 課長) and 氏名
 * (family and given name separated by a space, e.g. 佐藤 花子; the seal shows the family name when the
 * full name does not fit).
 *
 * @param unitName 所属
 * @param position 役職, may be blank
 * @param name     氏名
 */
public record PersonOnRecord(String unitName, String position, String name) {

    public PersonOnRecord {
        Objects.requireNonNull(unitName, "unitName");
        position = position == null ? "" : position;
        Objects.requireNonNull(name, "name");
    }

    /** 所属・役職・氏名 on one line, e.g. 財政課 主事 佐藤 花子. */
    public String label() {
        return (unitName + " " + position + " " + name).replaceAll(" +", " ").strip();
    }

    /** The family name: what comes before the first (half- or full-width) space, or the whole name. */
    public String familyName() {
        String trimmed = name.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == ' ' || c == '\u3000') {
                return trimmed.substring(0, i);
            }
        }
        return trimmed;
    }
}
