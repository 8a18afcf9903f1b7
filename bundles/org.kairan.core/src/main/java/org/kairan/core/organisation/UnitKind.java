package org.kairan.core.organisation;

/** The level of an organisation unit in a Japanese city office, top to bottom. */
public enum UnitKind {
    /** 部局: an executive body such as 市長部局 or 教育委員会. */
    BUREAU("部局"),
    /** 部. */
    DEPARTMENT("部"),
    /** 課 (also 室, 館 and the like at the same level). */
    DIVISION("課"),
    /** 係 (also 担当, グループ). */
    SECTION("係");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The Japanese word used in rosters and on screen. */
    public String label() {
        return label;
    }

    /** The kind for a roster label such as 「課」; empty when the label is unknown. */
    public static java.util.Optional<UnitKind> fromLabel(String label) {
        for (UnitKind kind : values()) {
            if (kind.label.equals(label == null ? null : label.strip())) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
