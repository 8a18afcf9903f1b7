package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.circular.Acknowledgement;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/**
 * {@code circular.acknowledge}: 確認 of a 回覧 the user may see today. Acknowledging twice changes
 * nothing (applied, seq 0).
 */
public final class AcknowledgeCircularCommand implements CommandHandler {

    private final CircularStore store;
    private final CommandPayload payloads;

    public AcknowledgeCircularCommand(CircularStore store, CommandPayload payloads) {
        this.store = store;
        this.payloads = payloads;
    }

    @Override
    public String type() {
        return CommandTypes.ACKNOWLEDGE_CIRCULAR;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        CircularRef ref = payloads.read(payload, CircularRef.class);
        String id = PostCircularCommand.CircularIds.valid(ref.circularId());
        Optional<Circular> found = store.lock(c, id);
        if (found.isEmpty()) {
            return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "回覧 " + id + " はありません");
        }
        Circular circular = found.get();
        // visibility first, and no title for someone who may not see it (e.g. after a 人事異動)
        if (!context.scope().sees(CircularStore.audience(circular))) {
            return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, "回覧 " + id + " の宛先に含まれていません");
        }
        if (circular.isWithdrawn()) {
            return CommandVerdict.conflict(CommandCodes.WITHDRAWN, "回覧「" + circular.title() + "」は取り下げられました");
        }
        String staffNo = context.user().staffNo();
        if (circular.acknowledgedBy(staffNo)) {
            return CommandVerdict.applied(0, "回覧の確認", "回覧 " + id + "「" + circular.title() + "」は確認済み");
        }
        long seq = store.acknowledge(c, circular, new Acknowledgement(staffNo, context.user().name(), context.now()));
        return CommandVerdict.applied(seq, "回覧の確認", "回覧 " + id + "「" + circular.title() + "」を確認");
    }
}
