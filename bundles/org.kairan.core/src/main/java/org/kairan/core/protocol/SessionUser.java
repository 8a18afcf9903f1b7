package org.kairan.core.protocol;

import java.util.Set;

import org.kairan.core.organisation.Role;

/**
 * The person behind a session, with their 本務 as of today.
 *
 * @param staffNo  職員番号
 * @param name     氏名
 * @param kana     かな
 * @param unitCode 組織コード of the 本務, {@code null} if the person has no current post
 * @param unitName 所属 as shown to people, e.g. 企画財政部 財政課 財政係
 * @param position 役職
 * @param roles    roles beyond ordinary staff
 */
public record SessionUser(String staffNo, String name, String kana, String unitCode, String unitName,
        String position, Set<Role> roles) {
    public SessionUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
