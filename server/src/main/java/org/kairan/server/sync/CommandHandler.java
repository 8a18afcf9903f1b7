package org.kairan.server.sync;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one type of sync command. Called inside the command's transaction, after its key was claimed:
 * check everything first and return a conflict or rejection before writing anything; on success write
 * the change, append it to the feed and return {@link CommandVerdict#applied}.
 */
public interface CommandHandler {

    /** The command type, one of {@link org.kairan.core.sync.CommandTypes}. */
    String type();

    /**
     * @param payload the payload as canonical JSON text; read it with {@link CommandPayload#read}
     * @throws InvalidPayloadException when the payload is not what the type needs
     */
    CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException;
}
