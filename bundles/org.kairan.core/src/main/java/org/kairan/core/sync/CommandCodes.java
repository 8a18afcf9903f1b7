package org.kairan.core.sync;

/** Codes of {@link CommandResult#code()}: stable, mapped by clients to their own words. */
public final class CommandCodes {

    // conflicts: well-formed, but no longer possible
    /** The 回覧 was withdrawn (取下げ) before this command arrived. */
    public static final String WITHDRAWN = "WITHDRAWN";
    /** The record no longer exists. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The user may no longer see or act on the record (e.g. moved to another 課 by a 人事異動). */
    public static final String NOT_PERMITTED = "NOT_PERMITTED";
    /** The addressed unit no longer exists (abolished by a reorganisation). */
    public static final String UNIT_GONE = "UNIT_GONE";
    /** Only the author may do this. */
    public static final String NOT_AUTHOR = "NOT_AUTHOR";
    /** A record with this id exists already and is not the one this command made. */
    public static final String ALREADY_EXISTS = "ALREADY_EXISTS";
    /** Someone else answered the 決裁 step first, or the 案件 moved on since the user looked. */
    public static final String STEP_MOVED = "STEP_MOVED";
    /** The 案件 is decided, rejected or withdrawn. */
    public static final String CLOSED = "CLOSED";
    /** Not while the 案件 is on its route (only 起案中 or 差戻し中). */
    public static final String NOT_EDITABLE = "NOT_EDITABLE";
    /** 専決の制限: a restricted matter cannot be decided by 代決. */
    public static final String ACTING_RESTRICTED = "ACTING_RESTRICTED";
    /** Done already (a second 後閲 or 供覧確認). */
    public static final String ALREADY_DONE = "ALREADY_DONE";
    /** The route breaks the 事務決裁規程 or names someone who no longer holds the post. */
    public static final String ROUTE_INVALID = "ROUTE_INVALID";
    /** A named file was never uploaded (or was refused at upload). */
    public static final String FILE_MISSING = "FILE_MISSING";
    /** The 文書番号 could not be given (the 課 has no 略称 configured). */
    public static final String NUMBERING_FAILED = "NUMBERING_FAILED";
    /**
     * The named file cannot be used here: not one a document library takes (only PDFs and PNG, JPEG or TIFF
     * images), or, for a 決裁, a file a library kept that the attachment check refuses (empty, encrypted, damaged).
     */
    public static final String FILE_NOT_ACCEPTED = "FILE_NOT_ACCEPTED";
    /** Someone saved the record after the version this command was made on (議事録 edited by two at once). */
    public static final String OUT_OF_DATE = "OUT_OF_DATE";
    /** The server could not make what the command needs (the 議事録 PDF: the IPA fonts are missing). */
    public static final String CANNOT_MAKE = "CANNOT_MAKE";

    // rejections: the command itself is wrong
    /** The type is not one of {@link CommandTypes}. */
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    /** The payload is not what the type requires; the message names the field. */
    public static final String INVALID = "INVALID";
    /** The key was used before for a different command. */
    public static final String KEY_REUSED = "KEY_REUSED";

    private CommandCodes() {
    }
}
