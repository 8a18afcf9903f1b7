package org.kairan.app.admin;

import org.kairan.client.KairanServerClient;
import org.kairan.core.organisation.Role;

/** Who may see and use the administrator's functions: the logged-in person has Role.ADMIN (管理者). */
public final class Administrators {

    private Administrators() {
    }

    /** Whether someone is logged in and is a 管理者. The server checks again on every call. */
    public static boolean isAdministrator(KairanServerClient client) {
        return client.session().map(s -> s.user().has(Role.ADMIN)).orElse(false);
    }
}
