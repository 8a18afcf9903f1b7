package org.kairan.server.minutes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.Audience;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code minutes.save}: new 議事録 of a 課 the user belongs to, or an edit of minutes the user may see and that are
 * still 作成中 — on the version the editor started from, so that a save never silently overwrites someone else's. A
 * recording newly given to the minutes must be the saver's own finished speech-to-text job's: nobody plays a
 * recording they could not hear.
 */
final class SaveMinutesCommand implements CommandHandler {

    private final MinutesStore store;
    private final TranscriptionStore transcriptions;
    private final CommandPayload payloads;

    SaveMinutesCommand(MinutesStore store, TranscriptionStore transcriptions, CommandPayload payloads) {
        this.store = store;
        this.transcriptions = transcriptions;
        this.payloads = payloads;
    }

    @Override
    public String type() {
        return CommandTypes.SAVE_MINUTES;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        SaveMinutes save = payloads.read(payload, SaveMinutes.class);
        if (save.minutes() == null) {
            throw new InvalidPayloadException("minutes", "議事録がありません (minutes is required)");
        }
        MinutesCheck.check(save.minutes());
        Optional<MinutesStore.Stored> existing = store.lock(c, save.minutes().id());
        String staffNo = context.user().staffNo();
        MinutesRecord next;
        if (existing.isEmpty()) {
            if (context.directory().unit(save.minutes().unitCode()).isEmpty()) {
                return CommandVerdict.conflict(CommandCodes.UNIT_GONE, "課「" + save.minutes().unitCode()
                        + "」は組織にありません (no such unit)");
            }
            if (!context.scope().sees(Audience.unit(save.minutes().unitCode()))) {
                return CommandVerdict.rejected(CommandCodes.NOT_PERMITTED,
                        "自分の課の議事録だけを作成できます (only for a unit one belongs to)");
            }
            next = new MinutesRecord(save.minutes(), 1, MinutesStatus.DRAFT, null, staffNo, staffNo, context.now());
        } else {
            MinutesRecord now = existing.get().record();
            if (!context.scope().sees(existing.get().audience())) {
                return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "議事録 " + now.id()
                        + " は既にあります (the id is taken)");
            }
            if (now.status() != MinutesStatus.DRAFT) {
                return CommandVerdict.conflict(CommandCodes.CLOSED, "「" + now.minutes().header().title()
                        + "」は決裁に回付済みのため編集できません");
            }
            if (now.version() != save.baseVersion()) {
                return CommandVerdict.conflict(CommandCodes.OUT_OF_DATE, "「" + now.minutes().header().title()
                        + "」は先に別の人が保存しました（第" + now.version() + "版、" + context.directory().member(now.updatedBy())
                        .map(s -> s.name()).orElse(now.updatedBy()) + "）。開き直してから編集してください");
            }
            if (!now.minutes().unitCode().equals(save.minutes().unitCode())) {
                throw new InvalidPayloadException("unitCode", "議事録の課は変えられません (the unit cannot change)");
            }
            next = new MinutesRecord(save.minutes(), now.version() + 1, MinutesStatus.DRAFT, null, now.createdBy(),
                    staffNo, context.now());
        }
        String recording = next.minutes().recording();
        if (next.minutes().hasRecording() && !existing.map(e -> e.record().minutes().recording()).orElse("")
                .equals(recording) && !ownFinished(c, recording, staffNo)) {
            return CommandVerdict.rejected(CommandCodes.NOT_PERMITTED, "録音「" + recording + "」は使えません（自分が登録して"
                    + "文字起こしが完了した録音だけを議事録に付けられます） (not a finished transcription of one's own)");
        }
        return MinutesModule.publish(c, store, next, existing.orElse(null), context, "議事録の保存",
                "議事録「" + next.minutes().header().title() + "」を保存（第" + next.version() + "版、発言 "
                        + next.minutes().utterances().size() + "件）");
    }

    /** Whether a recording newly given to minutes is the saver's own finished transcription job's. */
    private boolean ownFinished(Connection c, String jobId, String staffNo) throws SQLException {
        return transcriptions.find(c, jobId).filter(j -> j.owner().equals(staffNo) && j.state() == JobState.DONE)
                .isPresent();
    }
}
