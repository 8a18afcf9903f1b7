package org.kairan.core.kessai;

/** How many of a 合議 group must consent. */
public enum Consent {
    /** 全員: every member of the group (the default). */
    ALL("全員"),
    /** いずれか: any one member is enough. */
    ANY_ONE("いずれか");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
