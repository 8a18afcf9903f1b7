package org.kairan.server.audit;

import org.kairan.core.protocol.SessionUser;

/**
 * Who did something, as the audit log records them: 職員番号, 所属, 役職 and 氏名 at the time. For a
 * failed login of an unknown user only the typed user id is known.
 */
public record AuditActor(String staffNo, String unit, String position, String name) {

    public static AuditActor of(SessionUser user) {
        return new AuditActor(user.staffNo(), user.unitName(), user.position(), user.name());
    }

    /** Someone known only by what they typed. */
    public static AuditActor typed(String userId) {
        return new AuditActor(userId, null, null, null);
    }

    /** The server itself (demo set-up) or the command line. */
    public static AuditActor system(String what) {
        return new AuditActor(null, null, null, what);
    }
}
