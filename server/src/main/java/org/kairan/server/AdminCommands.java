package org.kairan.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.kairan.core.protocol.AuditVerification;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.audit.AuditChain;
import org.kairan.server.audit.AuditLog;
import org.kairan.server.auth.LoginThrottle;
import org.kairan.server.auth.PasswordHasher;
import org.kairan.server.directory.OrganisationStore;
import org.kairan.server.login.AccountService;
import org.kairan.server.login.CredentialStore;
import org.kairan.server.login.SessionStore;
import org.kairan.server.record.RecordException;
import org.kairan.server.record.RecordSigningKey;
import org.kairan.server.record.RecordVerification;
import org.kairan.server.record.RecordVerifier;
import org.kairan.server.storage.Database;
import org.kairan.server.sync.ChangeFeed;
import org.kairan.server.sync.FeedSignal;

/**
 * Administrator's commands on the server's database (the same configuration flags as the server):
 * {@code admin set-password STAFF_NO} (password from standard input), {@code admin verify-audit} and
 * {@code admin new-feed-epoch} (after restoring a backup: every desktop rebuilds its replica).
 * With the embedded H2 database the server must be stopped first (H2 allows one process).
 *
 * <p>{@code admin verify-record FILE.pdf} checks the signature of a PDF of record against the server's
 * record-signing certificate; it reads only the keystore, not the database, so it works while the server
 * runs. Exit code 0 when valid, 1 when not (the reason is printed), 2 for a usage or key problem.
 */
final class AdminCommands {

    private final ServerConfigReader reader;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    AdminCommands(ServerConfigReader reader, InputStream in, PrintStream out, PrintStream err) {
        this.reader = reader;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            err.print(ServerConfigReader.USAGE);
            return 2;
        }
        String command = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        if (command.equals("verify-record")) {
            return verifyRecord(rest);
        }
        String staffNo = null;
        if (command.equals("set-password")) {
            if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
                err.println("admin set-password needs a 職員番号: admin set-password 120002");
                return 2;
            }
            staffNo = rest.getFirst();
            rest = rest.subList(1, rest.size());
        } else if (!command.equals("verify-audit") && !command.equals("new-feed-epoch")) {
            err.println("unknown admin command: " + command
                    + " (set-password, verify-audit, new-feed-epoch, verify-record)");
            return 2;
        }
        ServerConfig config;
        try {
            config = reader.read(rest);
        } catch (ServerConfigReader.ConfigException e) {
            err.println("kairan-server admin: " + e.getMessage());
            return 2;
        }
        Database database;
        try {
            database = Database.open(config.effectiveDatabaseUrl(), config.databaseUser(), config.databasePassword());
        } catch (RuntimeException e) {
            err.println("kairan-server admin: cannot open the database (" + rootMessage(e) + ")."
                    + (config.databaseUrl() == null ? " Stop the server first: the embedded database allows one process."
                            : ""));
            return 1;
        }
        try (database) {
            AuditLog audit = new AuditLog(new AuditChain(), Clock.systemUTC());
            return switch (command) {
                case "set-password" -> setPassword(database, audit, staffNo);
                case "new-feed-epoch" -> newFeedEpoch(database, audit);
                default -> verify(database, audit);
            };
        }
    }

    private int setPassword(Database database, AuditLog audit, String staffNo) {
        char[] password = readPassword(staffNo);
        if (password == null || password.length == 0) {
            err.println("no password given on standard input");
            return 2;
        }
        AccountService accounts = new AccountService(database, new OrganisationStore(), new CredentialStore(),
                new SessionStore(), audit, new PasswordHasher(),
                new LoginThrottle(LoginThrottle.Policy.DEFAULT, Clock.systemUTC()), Clock.systemUTC(),
                // the command line runs beside a stopped server: no chat connection to end access through
                org.kairan.server.login.AccessEndedListener.NONE);
        try {
            accounts.setPassword(staffNo, password, AuditActor.system("admin set-password (command line)"));
        } catch (IllegalArgumentException e) {
            err.println("password not set: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("password set for " + staffNo + "; the second factor is enrolled at the next login if there is none");
        return 0;
    }

    private char[] readPassword(String staffNo) {
        Console console = System.console();
        if (console != null && in == System.in && isTerminal(console)) {
            char[] first = console.readPassword("new password for %s: ", staffNo);
            char[] again = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, again)) {
                err.println("the two passwords differ");
                return null;
            }
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code Console.isTerminal()} exists from Java 22; on 21 a console is only returned for a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private int newFeedEpoch(Database database, AuditLog audit) {
        String epoch = database.inTransaction(c -> {
            String renewed = new ChangeFeed(database, new FeedSignal(), Clock.systemUTC()).renewEpoch(c);
            audit.append(c, AuditActor.system("admin new-feed-epoch (command line)"), "同期フィードの更新", "成功",
                    "new feed id " + renewed + ": every desktop rebuilds its replica");
            return renewed;
        });
        out.println("the feed is now " + epoch + ": every desktop rebuilds its replica at its next sync"
                + " (actions waiting in their queues are kept and sent)");
        return 0;
    }

    private int verify(Database database, AuditLog audit) {
        AuditVerification result = database.inTransaction(audit::verify);
        out.println((result.intact() ? "OK: " : "BROKEN: ") + result.message());
        return result.intact() ? 0 : 1;
    }

    private int verifyRecord(List<String> args) {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            err.println("admin verify-record needs a PDF file: admin verify-record 伊財第12号.pdf");
            return 2;
        }
        Path file = Path.of(args.getFirst());
        ServerConfig config;
        RecordSigningKey key;
        try {
            config = reader.read(args.subList(1, args.size()));
            key = RecordSigningKey.existing(config.records(), config.dataDir());
        } catch (ServerConfigReader.ConfigException | RecordException e) {
            err.println("kairan-server admin: " + e.getMessage());
            return 2;
        }
        RecordVerification result = new RecordVerifier(key.certificate()).verify(file);
        out.println((result.valid() ? "OK: " : "INVALID: ") + result.message());
        if (result.signer() != null) {
            out.println("  署名者 (signer): " + result.signer());
            out.println("  証明書 SHA-256 (certificate fingerprint): " + result.fingerprint());
        }
        if (result.signedAt() != null) {
            out.println("  署名日時 (signed at): " + result.signedAt().atZone(config.zone()).toOffsetDateTime());
        }
        if (result.outcome() == RecordVerification.Outcome.OTHER_SIGNER) {
            out.println("  このサーバーの証明書 (this server's certificate): " + key.subject() + ", SHA-256 "
                    + key.fingerprint());
        }
        return result.valid() ? 0 : 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
