package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.kairan.core.files.FileRefusal;
import org.kairan.core.kessai.CommandChain;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.WorkflowRefusal;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandCodes;
import org.kairan.server.files.FileStore;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/**
 * What the 決裁 commands share: the store, the city's settings, 文書番号, 代決者, files, and what to do
 * once a 案件 is decided.
 *
 * @param store     案件 SQL and publication
 * @param settings  事務決裁規程, 代決順, 文書分類, numbering
 * @param chain     the chain of command routes walk up
 * @param numbers   文書番号 counters
 * @param absences  不在
 * @param standIns  代決者 of the day
 * @param files     uploaded files
 * @param payloads  command payload reader
 * @param decided   told (after commit) of each 案件 that was just decided, to make its record
 * @param zone      the city's time zone (what "today" is)
 */
record KessaiParts(KessaiStore store, KessaiSettings settings, CommandChain chain, DocumentNumbers numbers,
        AbsenceStore absences, StandIns standIns, FileStore files, CommandPayload payloads, DecisionListener decided,
        ZoneId zone) {

    LocalDate today(CommandContext context) {
        return LocalDate.ofInstant(context.now(), zone);
    }

    /**
     * Locks the 案件 and brings its 代決者 up to date for the day, publishing it when they changed.
     *
     * @return whether they changed
     */
    boolean refreshStandIns(Connection c, String id, OrganisationDirectory directory, LocalDate day, Instant now)
            throws SQLException {
        Optional<KessaiStore.Stored> stored = store.lock(c, id);
        if (stored.isEmpty()) {
            return false;
        }
        Kessai updated = standIns.upToDate(c, stored.get().kessai(), directory, day);
        if (updated == stored.get().kessai()) {
            return false;
        }
        store.save(c, updated, stored.get(), directory, now);
        return true;
    }

    /** The user as they act today: their 本務's 所属 and 役職. */
    static Optional<PostHolder> actor(SessionUser user) {
        return user.unitCode() == null ? Optional.empty()
                : Optional.of(new PostHolder(user.unitCode(), user.unitName(), user.position(), user.staffNo(), user.name()));
    }

    static CommandVerdict noPost(SessionUser user) {
        return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, user.name() + "には本日の本務がないため決裁の操作ができません"
                + " (no current post)");
    }

    static CommandVerdict notFound(String id) {
        return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "案件 " + id + " はないか、見る権限がありません (no such 案件 visible to you)");
    }

    /**
     * The verdict on naming a kept file the attachment check refuses (a document library keeps empty, encrypted
     * and damaged PDFs; a 決裁 never takes them), empty when it may be named.
     */
    static Optional<CommandVerdict> unusable(Optional<FileRefusal> refusal, String name) {
        return refusal.map(r -> CommandVerdict.conflict(CommandCodes.FILE_NOT_ACCEPTED, "「" + name + "」は"
                + switch (r) {
                    case EMPTY -> "空のファイル（0バイト）";
                    case ENCRYPTED -> "暗号化されたPDF";
                    case CORRUPT -> "壊れたPDF";
                    case NO_PAGES -> "ページのないPDF";
                    case TOO_LARGE, UNSUPPORTED_TYPE -> "添付できないファイル";
                } + "のため、決裁には添付できません (the file cannot be attached: " + r + ")"));
    }

    /** A refusal of the workflow as the command's verdict. */
    static CommandVerdict refused(WorkflowRefusal refusal) {
        String code = switch (refusal.reason()) {
            case STEP_MOVED -> CommandCodes.STEP_MOVED;
            case CLOSED -> CommandCodes.CLOSED;
            case NOT_PERMITTED -> CommandCodes.NOT_PERMITTED;
            case NOT_DRAFTER -> CommandCodes.NOT_AUTHOR;
            case ACTING_RESTRICTED -> CommandCodes.ACTING_RESTRICTED;
            case NOT_EDITABLE -> CommandCodes.NOT_EDITABLE;
            case ALREADY_DONE -> CommandCodes.ALREADY_DONE;
            case REASON_REQUIRED, BAD_TARGET -> CommandCodes.INVALID;
        };
        return refusal.reason().isInvalidRequest() ? CommandVerdict.rejected(code, refusal.getMessage())
                : CommandVerdict.conflict(code, refusal.getMessage());
    }
}
