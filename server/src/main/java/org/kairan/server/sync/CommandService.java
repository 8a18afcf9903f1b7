package org.kairan.server.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.SyncCommand;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.directory.DirectoryCache;
import org.kairan.server.login.SessionUsers;
import org.kairan.server.storage.Database;
import org.kairan.server.storage.DatabaseException;

/**
 * Applies sync commands exactly once per (user, key). Each command runs in its own transaction that
 * claims the key, lets the type's {@link CommandHandler} decide, stores the result with the change, and
 * audit-logs an applied command with the user's own time of acting. A key seen before returns the stored
 * result (or {@code KEY_REUSED} when the type or payload differ); of two concurrent requests with one key
 * only one applies, the other returns its result.
 */
public final class CommandService {

    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 50;

    private final Database database;
    private final Map<String, CommandHandler> handlers;
    private final CommandLedger ledger = new CommandLedger();
    private final DirectoryCache directory;
    private final SessionUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final Foreground foreground;

    public CommandService(Database database, List<CommandHandler> handlers, DirectoryCache directory,
            SessionUsers users, AuditLog audit, Clock clock, Foreground foreground) {
        this.database = database;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(CommandHandler::type, Function.identity()));
        this.directory = directory;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.foreground = foreground;
    }

    /**
     * Applies the commands in order, each on its own. Each payload must be canonical JSON (keys sorted,
     * as {@code SyncHandler} makes it), so the same command always hashes the same.
     */
    public CommandResults apply(SessionUser user, List<SyncCommand> commands) {
        List<CommandResult> results = new ArrayList<>(commands.size());
        foreground.began();
        try {
            for (SyncCommand command : commands) {
                results.add(applyOne(user, command));
            }
        } finally {
            foreground.ended();
        }
        return new CommandResults(results);
    }

    private CommandResult applyOne(SessionUser user, SyncCommand command) {
        String hash = hash(command);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<CommandLedger.Stored> stored = database.inTransaction(
                    c -> ledger.find(c, user.staffNo(), command.key()));
            if (stored.isPresent()) {
                return stored.get().hash().equals(hash) ? stored.get().result()
                        : new CommandResult(command.key(), CommandOutcome.REJECTED, CommandCodes.KEY_REUSED,
                                "このキーは別の操作にすでに使われています (key used before for another command)", 0);
            }
            try {
                return database.inTransaction(c -> {
                    Instant now = clock.instant();
                    ledger.claim(c, user.staffNo(), command.key(), command.type(), hash, now);
                    OrganisationDirectory organisation = directory.directory(c);
                    CommandContext context = new CommandContext(user,
                            SyncScope.of(organisation, user.staffNo(), users.today()), organisation, now,
                            command.queuedAt());
                    CommandVerdict verdict = decide(c, context, command);
                    CommandResult result = new CommandResult(command.key(), verdict.outcome(), verdict.code(),
                            verdict.message(), verdict.seq());
                    ledger.record(c, user.staffNo(), result);
                    if (verdict.outcome() == CommandOutcome.APPLIED) {
                        audit.append(c, AuditActor.of(user), verdict.auditAction(), AuditLog.SUCCESS,
                                verdict.message() + "（操作日時 " + (command.queuedAt() == null ? "不明" : command.queuedAt())
                                        + "、キー " + command.key() + "）");
                    }
                    return result;
                });
            } catch (DatabaseException e) {
                if (!(e.getCause() instanceof SQLException sql) || !DUPLICATE_KEY.equals(sql.getSQLState())) {
                    throw e;
                }
                // another request with the same key got there first: read its result (once it committed)
                pause(attempt);
            }
        }
        throw new DatabaseException("command " + command.key() + " could not claim its key", null);
    }

    private CommandVerdict decide(java.sql.Connection c, CommandContext context, SyncCommand command)
            throws SQLException {
        CommandHandler handler = handlers.get(command.type());
        if (handler == null) {
            return CommandVerdict.rejected(CommandCodes.UNKNOWN_TYPE, "未知の操作です: " + command.type());
        }
        try {
            return handler.apply(c, context, command.payload());
        } catch (InvalidPayloadException e) {
            return CommandVerdict.rejected(CommandCodes.INVALID, e.field() + ": " + e.getMessage());
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(100, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for a duplicate command", null);
        }
    }

    /** SHA-256 of the type and the canonical payload: the same command hashes the same. */
    static String hash(SyncCommand command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((command.type() + "\u0000" + command.payload())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
