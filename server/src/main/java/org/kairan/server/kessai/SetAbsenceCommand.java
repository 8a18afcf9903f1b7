package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.kairan.core.kessai.Absence;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.organisation.Role;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code absence.set}: one's own 不在 (an administrator may set anyone's), or calling it off. The 案件
 * waiting for the person today get their 代決者 at once.
 */
public final class SetAbsenceCommand implements CommandHandler {

    private final KessaiParts parts;

    SetAbsenceCommand(KessaiParts parts) {
        this.parts = parts;
    }

    @Override
    public String type() {
        return CommandTypes.SET_ABSENCE;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        AbsenceNotice notice = parts.payloads().read(payload, AbsenceNotice.class);
        String id = CommandPayload.uuid(notice.absenceId(), "absenceId");
        String staffNo = CommandPayload.required(notice.staffNo(), "staffNo");
        if (notice.from() == null || notice.to() == null || notice.to().isBefore(notice.from())) {
            throw new InvalidPayloadException("to", "不在の期間は開始日から終了日までです (from and to are required, to ≥ from)");
        }
        if (ChronoUnit.DAYS.between(notice.from(), notice.to()) >= AbsenceNotice.MAX_DAYS) {
            throw new InvalidPayloadException("to", "不在は" + AbsenceNotice.MAX_DAYS + "日までです (at most a year)");
        }
        boolean self = staffNo.equals(context.user().staffNo());
        if (!self && !context.user().has(Role.ADMIN)) {
            return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, "他の職員の不在は管理者だけが設定できます"
                    + " (only administrators set someone else's absence)");
        }
        if (context.directory().member(staffNo).isEmpty()) {
            return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "職員番号 " + staffNo + " の職員はいません (no such staff member)");
        }
        Optional<Absence> existing = parts.absences().find(c, id);
        if (existing.isPresent() && !existing.get().staffNo().equals(staffNo)) {
            throw new InvalidPayloadException("staffNo", "この不在は別の職員のものです (the absence belongs to someone else)");
        }
        Absence absence = new Absence(id, staffNo, notice.from(), notice.to(),
                notice.reason() == null ? "" : notice.reason().strip(), context.user().staffNo(), notice.cancel());
        parts.absences().store(c, absence, existing.isPresent());
        LocalDate today = parts.today(context);
        // the 案件 waiting for the person get their 代決者 now: their rows are locked first, in id order, and only
        // then is anything appended to the feed — the order every other command takes (案件, then the feed)
        List<String> affected = parts.store().inStatus(c, KessaiStatus.IN_ROUTE).stream()
                .filter(s -> s.kessai().step().map(step -> step.involves(staffNo)).orElse(false)
                        || s.kessai().standIns().stream().anyMatch(si -> si.substitute().staffNo().equals(staffNo)))
                .map(s -> s.kessai().id()).sorted().toList();
        List<KessaiStore.Stored> locked = new java.util.ArrayList<>();
        for (String kessaiId : affected) {
            parts.store().lock(c, kessaiId).ifPresent(locked::add);
        }
        for (KessaiStore.Stored stored : locked) {
            Kessai updated = parts.standIns().upToDate(c, stored.kessai(), context.directory(), today);
            if (updated != stored.kessai()) {
                parts.store().save(c, updated, stored, context.directory(), context.now());
            }
        }
        long seq = parts.absences().publish(c, absence);
        String name = context.directory().member(staffNo).map(m -> m.name()).orElse(staffNo);
        return CommandVerdict.applied(seq, notice.cancel() ? "不在の取消" : "不在の設定", name + " の不在 " + notice.from() + "〜"
                + notice.to() + (absence.reason().isEmpty() ? "" : "（" + absence.reason() + "）") + (notice.cancel() ? " を取消" : ""));
    }
}
