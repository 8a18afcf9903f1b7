package org.kairan.core.organisation;

import java.util.Optional;

/** Whether an assignment is a person's main post or an additional one. */
public enum AssignmentKind {
    /** 本務. */
    PRIMARY("本務"),
    /** 兼務. */
    CONCURRENT("兼務");

    private final String label;

    AssignmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AssignmentKind> fromLabel(String label) {
        for (AssignmentKind kind : values()) {
            if (kind.label.equals(label == null ? null : label.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
