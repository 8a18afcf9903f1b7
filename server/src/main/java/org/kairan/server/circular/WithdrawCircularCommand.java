package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;

import org.kairan.core.circular.Circular;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/** {@code circular.withdraw}: 取下げ of one's own 回覧. Withdrawing twice changes nothing (applied, seq 0). */
public final class WithdrawCircularCommand extends CircularRefCommand {

    public WithdrawCircularCommand(CircularStore store, CommandPayload payloads) {
        super(store, payloads);
    }

    @Override
    public String type() {
        return CommandTypes.WITHDRAW_CIRCULAR;
    }

    @Override
    protected CommandVerdict apply(Connection c, CommandContext context, Circular circular) throws SQLException {
        String id = circular.id();
        if (!circular.authorNo().equals(context.user().staffNo())) {
            return CommandVerdict.conflict(CommandCodes.NOT_AUTHOR, "回覧「" + circular.title() + "」を取り下げられるのは起票者だけです");
        }
        if (circular.isWithdrawn()) {
            return CommandVerdict.applied(0, "回覧の取下げ", "回覧 " + id + "「" + circular.title() + "」は取下げ済み");
        }
        long seq = store.withdraw(c, circular, context.now());
        return CommandVerdict.applied(seq, "回覧の取下げ", "回覧 " + id + "「" + circular.title() + "」を取下げ");
    }
}
