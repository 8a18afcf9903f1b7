package org.kairan.core.minutes;

import java.util.Objects;

/**
 * A person at a meeting as the minutes name them: a member of staff from the directory (with their 職員番号), or a
 * guest (no 職員番号: 委員, 業者, 住民代表).
 *
 * @param staffNo the 職員番号, empty for a guest
 * @param name    the 氏名 as printed
 */
public record Attendee(String staffNo, String name) {

    public Attendee {
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an attendee needs a name");
        }
    }

    /** A guest: named, not in the directory. */
    public static Attendee guest(String name) {
        return new Attendee("", name);
    }

    public boolean isStaff() {
        return !staffNo.isEmpty();
    }
}
