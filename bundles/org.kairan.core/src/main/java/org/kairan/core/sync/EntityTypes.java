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

    /** {@code org.kairan.core.kessai.Kessai}; id: its UUID. Visible to its drafter (alone while 起案中), the
     *  people on its route and 供覧, its 代決者, and those who manage the drafter's 課. */
    public static final String KESSAI = "kessai";
    /** {@code org.kairan.core.kessai.KessaiSettings}; id: {@code current}. Visible to all staff. */
    public static final String KESSAI_SETTINGS = "kessai-settings";
    /** {@code org.kairan.core.kessai.Absence}; id: its UUID. Visible to all staff (在席表示). */
    public static final String ABSENCE = "absence";
    /** {@code org.kairan.core.kessai.KessaiText}, the text of a PDF attached to a 案件, in parts; id:
     *  {@code <kessaiId>/<attachmentId>/<part>} ({@code KessaiText.feedId}). Visible exactly like its 案件. */
    public static final String KESSAI_TEXT = "kessai-text";

    /** {@code org.kairan.core.documents.LibraryDocument}; id: its UUID. Visible to the members of its 課 (and of
     *  the 係 below it) and to those who manage the units above the 課 (部長, 副市長, 市長). */
    public static final String DOCUMENT = "document";
    /** {@code org.kairan.core.documents.DocumentText}, the text of a document's current version in parts; id:
     *  {@code <documentId>/<part>} ({@code DocumentText.feedId}). Visible like its document. */
    public static final String DOCUMENT_TEXT = "document-text";

    /** {@code org.kairan.core.minutes.MinutesRecord}; id: the minutes' UUID. Visible to the members of its 課 (and
     *  of the 係 below it), those who manage the units above it, its attendees from the directory and its writer. */
    public static final String MINUTES = "minutes";

    /** {@code org.kairan.core.search.PlaceNames}, the city's readings of its place names; id: {@code current}.
     *  Visible to all staff. */
    public static final String PLACE_NAMES = "place-names";

    private EntityTypes() {
    }

    /** The id of an assignment in the feed: one 発令 is one record, whatever its end date becomes. */
    public static String assignmentId(org.kairan.core.organisation.Assignment a) {
        return a.staffNo() + "/" + a.unitCode() + "/" + a.position() + "/" + a.kind() + "/" + a.effectiveFrom();
    }
}
