package org.kairan.chat.internal;

import org.kairan.core.organisation.StaffMember;

/** The directory's people by chat address ({@code <職員番号>@<domain>}): names, and かな for 五十音 order. */
@FunctionalInterface
interface People {

    /** Knows nobody (no directory yet). */
    People NONE = address -> null;

    /** The person with this chat address, or {@code null} when the directory does not know them. */
    StaffMember find(String address);

    /** 氏名, or {@code null}. */
    default String name(String address) {
        StaffMember member = find(address);
        return member == null ? null : member.name();
    }

    /** かな, or {@code null}. */
    default String reading(String address) {
        StaffMember member = find(address);
        return member == null || member.kana() == null || member.kana().isBlank() ? null : member.kana();
    }
}
