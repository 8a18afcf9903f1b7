package org.kairan.server.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.SendMinutes;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.files.FileStore;
import org.kairan.server.kessai.KessaiModule;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * {@code minutes.send} (決裁に回付): the minutes, as the sender read them, printed as a PDF and made a 起案 of the
 * sender — 起案中, 件名 「<会議名> 会議録」, 決裁区分 一般, the 文書分類 given (its 保存年限), the 要旨 and 決定事項 as
 * 本文, the PDF attached — all in the command's transaction, so there is either a 起案 and minutes marked
 * 決裁に回付, or neither.
 */
final class SendMinutesCommand implements CommandHandler {

    /** The 決裁区分 of a 会議録: the rules' general kind (課長). */
    static final String DECISION_KIND = "一般";

    private final MinutesStore store;
    private final CommandPayload payloads;
    private final KessaiModule kessai;
    private final FileStore files;
    private final MinutesPrinter printer;
    private final ZoneId zone;

    SendMinutesCommand(MinutesStore store, CommandPayload payloads, KessaiModule kessai, FileStore files,
            MinutesPrinter printer, ZoneId zone) {
        this.store = store;
        this.payloads = payloads;
        this.kessai = kessai;
        this.files = files;
        this.printer = printer;
        this.zone = zone;
    }

    @Override
    public String type() {
        return CommandTypes.SEND_MINUTES;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        SendMinutes send = payloads.read(payload, SendMinutes.class);
        String id = CommandPayload.uuid(send.minutesId(), "minutesId");
        String kessaiId = CommandPayload.uuid(send.kessaiId(), "kessaiId");
        String classification = CommandPayload.required(send.classification(), "classification");
        if (kessai.settings().documentClass(classification).isEmpty()) {
            throw new InvalidPayloadException("classification", "文書分類「" + classification + "」は設定にありません (unknown class)");
        }
        Optional<MinutesStore.Stored> existing = store.lock(c, id);
        if (existing.isEmpty() || !context.scope().sees(existing.get().audience())) {
            return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "議事録 " + id + " はありません (no such minutes)");
        }
        MinutesRecord now = existing.get().record();
        Minutes minutes = now.minutes();
        if (now.status() != MinutesStatus.DRAFT) {
            return CommandVerdict.conflict(CommandCodes.CLOSED, "「" + minutes.header().title() + "」は既に決裁に回付されています");
        }
        if (now.version() != send.baseVersion()) {
            return CommandVerdict.conflict(CommandCodes.OUT_OF_DATE, "「" + minutes.header().title()
                    + "」は回付の前に別の人が保存しました（第" + now.version() + "版）。内容を確かめてからもう一度回付してください");
        }
        byte[] pdf;
        int pages;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pages = printer.print(minutes, out);
            pdf = out.toByteArray();
        } catch (IOException e) {
            return CommandVerdict.conflict(CommandCodes.CANNOT_MAKE, "議事録のPDFを作成できません: " + e.getMessage());
        }
        StoredFile kept;
        try {
            kept = files.putMade(c, pdf, Attachment.PDF, pages, context.user().staffNo());
        } catch (IOException e) {
            return CommandVerdict.conflict(CommandCodes.CANNOT_MAKE, "議事録のPDFを保存できません: " + e.getMessage());
        }
        String title = minutes.header().title() + " 会議録";
        Attachment attached = new Attachment(UUID.randomUUID().toString(), title + ".pdf", Attachment.PDF, kept.size(),
                kept.sha256(), kept.pages(), 1, context.user().staffNo(), context.now(), false);
        KessaiDraft draft = new KessaiDraft(kessaiId, title, classification, body(minutes), DECISION_KIND, 0, false,
                LocalDate.ofInstant(context.now(), zone), null, List.of());
        CommandVerdict drafted = kessai.draftWith(c, context, draft, List.of(attached));
        if (drafted.outcome() != CommandOutcome.APPLIED) {
            return drafted;
        }
        MinutesRecord sent = new MinutesRecord(minutes, now.version() + 1, MinutesStatus.SENT, kessaiId,
                now.createdBy(), context.user().staffNo(), context.now());
        return MinutesModule.publish(c, store, sent, existing.get(), context, "議事録の決裁回付",
                "議事録「" + minutes.header().title() + "」を起案「" + title + "」（" + classification + "、PDF " + pages
                        + "ページ）として決裁に回付");
    }

    /** The 起案's 本文: what the minutes decided, for the approvers to read before the PDF. */
    static String body(Minutes minutes) {
        StringBuilder body = new StringBuilder("標記の会議について、別添のとおり会議録を作成しましたので、決裁をお願いします。\n");
        if (!minutes.summary().isBlank()) {
            body.append("\n【要旨】\n").append(minutes.summary().strip()).append('\n');
        }
        if (!minutes.decisions().isEmpty()) {
            body.append("\n【決定事項】\n");
            for (int i = 0; i < minutes.decisions().size(); i++) {
                body.append(i + 1).append(". ").append(minutes.decisions().get(i).text()).append('\n');
            }
        }
        String text = body.toString();
        return text.length() <= org.kairan.core.kessai.Kessai.MAX_BODY ? text
                : text.substring(0, org.kairan.core.kessai.Kessai.MAX_BODY - 1) + "…";
    }
}
