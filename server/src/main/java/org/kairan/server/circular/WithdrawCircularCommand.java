package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/** {@code circular.withdraw}: 取下げ of one's own 回覧. Withdrawing twice changes nothing (applied, seq 0). */
public final class WithdrawCircularCommand implements CommandHandler {

    private final CircularStore store;
    private final CommandPayload payloads;

    public WithdrawCircularCommand(CircularStore store, CommandPayload payloads) {
        this.store = store;
        this.payloads = payloads;
    }

    @Override
    public String type() {
        return CommandTypes.WITHDRAW_CIRCULAR;
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
        if (!context.scope().sees(CircularStore.audience(circular))) {
            return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, "回覧 " + id + " の宛先に含まれていません");
        }
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
