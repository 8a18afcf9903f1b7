package org.kairan.core.sync;

/** The record types the change feed carries, and what {@link SyncChange#data()} holds for each. */
public final class EntityTypes {

    /** {@code org.kairan.core.organisation.Position}; id: the 役職名. Visible to all staff. */
    public static final String POSITION = "position";
    /** {@code OrgUnit}; id: the 組織コード. Visible to all staff. */
    public static final String UNIT = "unit";
    /** {@code StaffMember}; id: the 職員番号. Visible to all staff. */
    public static final String STAFF = "staff";
    /** {@code Assignment}; id: {@link #assignmentId}. Visible to all staff. */
    public static final String ASSIGNMENT = "assignment";
    /** {@code org.kairan.core.circular.Circular}; id: its UUID. Visible to the addressed unit, the units
     *  below it, and the author. */
    public static final String CIRCULAR = "circular";

    private EntityTypes() {
    }

    /** The id of an assignment in the feed: one 発令 is one record, whatever its end date becomes. */
    public static String assignmentId(org.kairan.core.organisation.Assignment a) {
        return a.staffNo() + "/" + a.unitCode() + "/" + a.position() + "/" + a.kind() + "/" + a.effectiveFrom();
    }
}
