package org.kairan.server.login;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.protocol.SessionUser;
import org.kairan.server.directory.OrganisationStore;

/** Builds the {@link SessionUser} of a person: who they are and their 本務 as of today in the office's zone. */
public final class SessionUsers {

    private final OrganisationStore organisation;
    private final Clock clock;
    private final ZoneId zone;

    public SessionUsers(OrganisationStore organisation, Clock clock, ZoneId zone) {
        this.organisation = organisation;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Optional<SessionUser> load(Connection c, String staffNo) throws SQLException {
        Optional<StaffMember> member = organisation.member(c, staffNo);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        StaffMember m = member.get();
        Optional<Assignment> post = organisation.primaryPost(c, staffNo, today());
        String unitCode = post.map(Assignment::unitCode).orElse(null);
        String unitName = unitCode == null ? null : organisation.unitDisplayName(c, unitCode);
        return Optional.of(new SessionUser(m.staffNo(), m.name(), m.kana(), unitCode, unitName,
                post.map(Assignment::position).orElse(null), m.roles()));
    }
}
