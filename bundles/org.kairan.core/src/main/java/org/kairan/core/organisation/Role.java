package org.kairan.core.organisation;

import java.util.Optional;

/** What a member of staff may do in Kairan beyond their own work. */
public enum Role {
    /** システム管理者: imports rosters, resets second factors, revokes sessions. */
    ADMIN("管理者"),
    /** 監査: reads and verifies the audit log. */
    AUDITOR("監査");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromLabel(String label) {
        for (Role role : values()) {
            if (role.label.equals(label == null ? null : label.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
