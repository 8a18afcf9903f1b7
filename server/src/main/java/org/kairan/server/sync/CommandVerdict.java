package org.kairan.server.sync;

import org.kairan.core.sync.CommandOutcome;

/**
 * What a {@link CommandHandler} decided.
 *
 * @param outcome     applied, conflict or rejected
 * @param code        one of {@link org.kairan.core.sync.CommandCodes}, {@code null} when applied
 * @param message     the reason in Japanese (or what was done)
 * @param seq         the feed position of the change, {@code 0} when nothing changed
 * @param auditAction the audit log's 操作 for an applied command (e.g. 回覧の確認)
 */
public record CommandVerdict(CommandOutcome outcome, String code, String message, long seq, String auditAction) {

    public static CommandVerdict applied(long seq, String auditAction, String message) {
        return new CommandVerdict(CommandOutcome.APPLIED, null, message, seq, auditAction);
    }

    public static CommandVerdict conflict(String code, String message) {
        return new CommandVerdict(CommandOutcome.CONFLICT, code, message, 0, null);
    }

    public static CommandVerdict rejected(String code, String message) {
        return new CommandVerdict(CommandOutcome.REJECTED, code, message, 0, null);
    }
}
