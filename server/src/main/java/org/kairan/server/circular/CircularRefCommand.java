package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.sync.CommandCodes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;

/**
 * A command on one existing 回覧 ({@code CircularRef} payload): finds it, locked for the transaction, and
 * refuses alike for every such command when it is unknown or the user may not see it today — visibility
 * first, and without its title, so the answer tells nothing about a 回覧 the user cannot pull.
 */
abstract class CircularRefCommand implements CommandHandler {

    protected final CircularStore store;
    private final CommandPayload payloads;

    CircularRefCommand(CircularStore store, CommandPayload payloads) {
        this.store = store;
        this.payloads = payloads;
    }

    @Override
    public final CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        CircularRef ref = payloads.read(payload, CircularRef.class);
        String id = PostCircularCommand.CircularIds.valid(ref.circularId());
        Optional<Circular> found = store.lock(c, id);
        if (found.isEmpty()) {
            return CommandVerdict.conflict(CommandCodes.NOT_FOUND, "回覧 " + id + " はありません");
        }
        if (!context.scope().sees(CircularStore.audience(found.get()))) {
            return CommandVerdict.conflict(CommandCodes.NOT_PERMITTED, "回覧 " + id + " の宛先に含まれていません");
        }
        return apply(c, context, found.get());
    }

    /** Applies the command to a 回覧 the user may see, locked until the transaction ends. */
    protected abstract CommandVerdict apply(Connection c, CommandContext context, Circular visible) throws SQLException;
}
