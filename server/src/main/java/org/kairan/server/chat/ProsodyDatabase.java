package org.kairan.server.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed Prosody's SQLite database in write-ahead-log mode. With SQLite's default rollback journal every archived
 * message costs four flushes (each 1:1 message is archived twice), and a busy disk made 1:1 delivery wait: on the
 * reference machine p99 23 ms at 50 msg/s and 347 ms at 200 msg/s; with the log p99 19 and 23 ms, as durable (each
 * commit is still flushed). Prosody 0.12 cannot choose the journal mode, but the mode is kept in the database file: it
 * is set once, before Prosody opens the file, with Prosody's own Lua interpreter and LuaDBI (the packages Prosody and
 * its SQLite driver already need).
 */
final class ProsodyDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyDatabase.class);
    private static final String SCRIPT = "local DBI = require 'DBI'; "
            + "local c = assert(DBI.Connect('SQLite3', os.getenv('KAIRAN_PROSODY_DATABASE'))); c:autocommit(true); "
            + "local s = assert(c:prepare('PRAGMA journal_mode=WAL')); assert(s:execute()); "
            + "for row in s:rows() do io.write(row[1]) end; c:close()";

    private ProsodyDatabase() {
    }

    /**
     * Switches the database (made if missing) to write-ahead logging; logs and carries on when it cannot (Prosody then
     * works with the rollback journal, only slower).
     *
     * @param prosody  the Prosody executable, a Lua script whose interpreter is used
     * @param database the SQLite file
     */
    static void useWriteAheadLog(Path prosody, Path database) {
        String interpreter = interpreterOf(prosody);
        if (interpreter == null) {
            LOG.info("{} is not a Lua script: the chat database keeps SQLite's default journal", prosody);
            return;
        }
        try {
            Files.createDirectories(database.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(interpreter, "-e", SCRIPT)).redirectErrorStream(true);
            builder.environment().put("KAIRAN_PROSODY_DATABASE", database.toString());
            Process lua = builder.start();
            String said;
            try (BufferedReader out = lua.inputReader(StandardCharsets.UTF_8)) {
                said = String.join(" ", out.lines().toList()).strip();
            }
            if (!lua.waitFor(30, TimeUnit.SECONDS)) {
                lua.destroyForcibly();
                LOG.warn("setting the chat database's journal took too long; it keeps SQLite's default journal");
            } else if (lua.exitValue() != 0 || !said.equalsIgnoreCase("wal")) {
                LOG.warn("the chat database could not use a write-ahead log ({}): {}", interpreter, said);
            }
        } catch (IOException e) {
            LOG.warn("the chat database could not use a write-ahead log: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The interpreter of a {@code #!} Lua script ({@code lua5.4} from {@code #!/usr/bin/env lua5.4}), or null. */
    static String interpreterOf(Path script) {
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = in.readLine();
            if (first == null || !first.startsWith("#!")) {
                return null;
            }
            String[] words = first.substring(2).strip().split("\\s+");
            String command = words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0];
            return command.substring(command.lastIndexOf('/') + 1).startsWith("lua") ? command : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the SQLite file is in write-ahead-log mode (its header's read and write versions are 2). */
    static boolean isWriteAheadLog(Path database) throws IOException {
        byte[] header = new byte[20];
        try (var in = Files.newInputStream(database)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return false;
            }
        }
        return header[18] == 2 && header[19] == 2;
    }
}
