package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;

import org.kairan.core.circular.Acknowledgement;
import org.kairan.core.circular.Circular;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/**
 * {@code circular.acknowledge}: 確認 of a 回覧 the user may see today. Acknowledging twice changes
 * nothing (applied, seq 0).
 */
public final class AcknowledgeCircularCommand extends CircularRefCommand {

    public AcknowledgeCircularCommand(CircularStore store, CommandPayload payloads) {
        super(store, payloads);
    }

    @Override
    public String type() {
        return CommandTypes.ACKNOWLEDGE_CIRCULAR;
    }

    @Override
    protected CommandVerdict apply(Connection c, CommandContext context, Circular circular) throws SQLException {
        String id = circular.id();
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
