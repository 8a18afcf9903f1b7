package org.kairan.server.login;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.directory.DirectoryCache;

/** Builds the {@link SessionUser} of a person: who they are and their 本務 as of today in the office's zone. */
public final class SessionUsers {

    private final DirectoryCache organisation;
    private final Clock clock;
    private final ZoneId zone;

    public SessionUsers(DirectoryCache organisation, Clock clock, ZoneId zone) {
        this.organisation = organisation;
        this.clock = clock;
        this.zone = zone;
    }

    /** The office's time zone, told to a desktop at login. */
    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Optional<SessionUser> load(Connection c, String staffNo) throws SQLException {
        OrganisationDirectory directory = organisation.directory(c);
        Optional<StaffMember> member = directory.member(staffNo);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        StaffMember m = member.get();
        Optional<Assignment> post = directory.primaryPost(staffNo, today());
        String unitCode = post.map(Assignment::unitCode).orElse(null);
        String unitName = unitCode == null ? null : directory.unitDisplayName(unitCode);
        return Optional.of(new SessionUser(m.staffNo(), m.name(), m.kana(), unitCode, unitName,
                post.map(Assignment::position).orElse(null), m.roles()));
    }
}
