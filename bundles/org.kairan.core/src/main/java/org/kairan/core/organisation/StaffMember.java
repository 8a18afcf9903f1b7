package org.kairan.core.organisation;

import java.util.Objects;
import java.util.Set;

/**
 * A member of staff.
 *
 * @param staffNo 職員番号
 * @param name    氏名, family and given name separated by a full-width space
 * @param kana    reading in hiragana, same separator
 * @param email   メールアドレス; may be empty
 * @param roles   roles beyond ordinary staff; never null
 */
public record StaffMember(String staffNo, String name, String kana, String email, Set<Role> roles) {

    public StaffMember {
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(name, "name");
        kana = kana == null ? "" : kana;
        email = email == null ? "" : email;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
