package org.kairan.app.directory;

import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.StaffMember;

/** A row of the organisation tree: a unit (部局/部/課/係) or a person's post in it. */
public sealed interface DirectoryNode {

    /** 部局, 部, 課 or 係. */
    record UnitNode(OrgUnit unit) implements DirectoryNode {
    }

    /** One person holding one post (本務 or 兼務) in a unit. */
    record PostNode(Assignment assignment, StaffMember member) implements DirectoryNode {
    }
}
