package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed Prosody, started for real (Debian packages prosody and lua-dbi-sqlite3). */
class ManagedProsodyTest {

    @TempDir
    Path dir;

    @Test
    void aStartedProsodyAnswersXmppClientsOverTlsAndCloseLeavesNothingRunning() throws Exception {
        ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), dir);
        long pid;
        try {
            prosody.start();
            assertTrue(prosody.isRunning(), "Prosody runs after start()");
            pid = prosody.pid().orElseThrow();
            ChatAddress address = prosody.address();
            assertEquals("kairan.local", address.domain());
            String features = XmppProbe.openStream(address);
            assertTrue(features.contains("<stream:stream") && features.contains("from='kairan.local'"),
                    "the client port answers with an XMPP stream header from the domain (RFC 6120 §4.3): " + features);
            assertTrue(features.contains("urn:ietf:params:xml:ns:xmpp-tls"),
                    "STARTTLS is offered (RFC 6120 §5): " + features);
            String secured = XmppProbe.openTlsStream(address, prosody.files().certificate());
            assertTrue(secured.contains("SCRAM-SHA-1"),
                    "over TLS with the generated certificate (checked for the domain) SASL login is offered: " + secured);
            HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + address.httpPort() + "/file_share/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertNotEquals(0, http.statusCode(), "the file share's HTTP port answers");
            assertEquals(Long.toString(pid), Files.readString(prosody.files().pidfile()).strip(),
                    "Prosody writes its pidfile where the next start looks for a leftover");
            String config = Files.readString(prosody.files().configFile());
            assertTrue(config.contains("c2s_ports = { " + address.c2sPort() + " }")
                    && config.contains("c2s_interfaces = { \"127.0.0.1\" }"), "the client port is on loopback only");
        } finally {
            prosody.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "close() stops Prosody");
        assertFalse(prosody.isRunning());
        assertFalse(Files.exists(prosody.files().pidfile()), "close() leaves no pidfile");
        assertTrue(Files.isRegularFile(prosody.files().database()), "messages are stored in SQLite under the data dir");
        assertTrue(ProsodyDatabase.isWriteAheadLog(prosody.files().database()),
                "in write-ahead-log mode (four flushes per archived message made delivery wait on a busy disk)");
    }

    @Test
    void theInterpreterOfProsodysScriptIsFound() throws Exception {
        Path env = dir.resolve("env-script");
        Files.writeString(env, "#!/usr/bin/env lua5.4\nprint(1)\n");
        assertEquals("lua5.4", ProsodyDatabase.interpreterOf(env));
        Path direct = dir.resolve("direct-script");
        Files.writeString(direct, "#!/usr/bin/lua5.4\n");
        assertEquals("/usr/bin/lua5.4", ProsodyDatabase.interpreterOf(direct));
        Path shell = dir.resolve("shell-script");
        Files.writeString(shell, "#!/bin/sh\nexec prosody\n");
        assertEquals(null, ProsodyDatabase.interpreterOf(shell), "not Lua: the database keeps its journal");
    }

    @Test
    void aProsodyThatDiesIsStartedAgainOnTheSamePortsButNotAfterClose() throws Exception {
        long restarted;
        ChatAddress before;
        try (ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), dir)) {
            prosody.start();
            before = prosody.address();
            long first = prosody.pid().orElseThrow();
            ProcessHandle killed = ProcessHandle.of(first).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(prosody.isRunning() && prosody.pid().orElseThrow() != first)) {
                assertTrue(System.nanoTime() < deadline, "Prosody is started again within 30 s after it died");
                Thread.sleep(100);
            }
            restarted = prosody.pid().orElseThrow();
            assertEquals(before, prosody.address(), "on the same ports, so desktops reconnect to what they were given");
            String features = XmppProbe.openStream(prosody.address());
            assertTrue(features.contains("<stream:stream"), "the restarted Prosody answers: " + features);
        }
        assertFalse(ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false), "close() stops it");
        Thread.sleep(1_500);
        assertFalse(Files.exists(new ProsodyConfig(dir.resolve("chat").resolve("prosody"), "kairan.local",
                ProsodyConfig.DEFAULT_UPLOAD_MAX_BYTES).pidfile()), "and nothing starts it again after close()");
    }

    @Test
    void aDataDirectoryWithSpacesQuotesAndJapaneseWorks() throws Exception {
        Path weird = dir.resolve("回覧 データ\"x").resolve("a\\b 'c' ]]");
        try (ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), weird)) {
            prosody.start();
            assertTrue(XmppProbe.openStream(prosody.address()).contains("<stream:stream"),
                    "Prosody reads its configuration from a path with quotes and Japanese and answers clients");
            assertTrue(Files.isRegularFile(weird.resolve("chat/prosody/data/prosody.sqlite")),
                    "its SQLite database is under the strange path, not beside it");
            assertTrue(Files.isRegularFile(weird.resolve("chat/prosody/prosody.pid")));
        }
    }

    @Test
    void aProsodyLeftByAKilledKairanServerIsStoppedByTheNextStart() throws Exception {
        ProsodyConfig files;
        try (ManagedProsody first = new ManagedProsody(ChatSettings.managed(), dir)) {
            first.start();
            files = first.files();
        }
        // the leftover: a Prosody on the same configuration, not managed by anyone (as after a SIGKILL without setpriv)
        Process leftover = new ProcessBuilder("prosody", "-F", "--config", files.configFile().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("leftover.log").toFile()).start();
        try {
            awaitPidfile(files.pidfile(), leftover.pid());
            try (ManagedProsody next = new ManagedProsody(ChatSettings.managed(), dir)) {
                next.start();
                assertTrue(leftover.waitFor(5, TimeUnit.SECONDS), "the leftover Prosody was stopped by the next start");
                assertEquals(Long.toString(next.pid().orElseThrow()), Files.readString(files.pidfile()).strip(),
                        "the pidfile now names the new Prosody");
                assertTrue(XmppProbe.openStream(next.address()).contains("<stream:stream"), "the new Prosody answers");
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aPidfileNamingAnotherProgramDoesNotGetItKilled() throws Exception {
        Path pidfile = dir.resolve("chat/prosody/prosody.pid");
        Files.createDirectories(pidfile.getParent());
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pidfile, other.pid() + "\n");
            try (ManagedProsody prosody = new ManagedProsody(ChatSettings.managed(), dir)) {
                prosody.start();
                assertTrue(other.isAlive(), "a reused pid of another program is left alone");
                assertNotEquals(other.pid(), prosody.pid().orElseThrow());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void prosodyDiesWithAKairanServerKilledBySigkill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ProsodyInChildJvm.class.getName(), dir.toString())
                .redirectError(dir.resolve("child-jvm.log").toFile()).start();
        long pid;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PID "), "the child JVM started Prosody: " + line + "; "
                    + Files.readString(dir.resolve("child-jvm.log")));
            pid = Long.parseLong(line.substring(4).strip());
            assertTrue(ProcessHandle.of(pid).isPresent());
        } finally {
            jvm.destroyForcibly();
        }
        assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));
        boolean outlived = awaitExit(pid, Duration.ofSeconds(10));
        if (outlived) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertFalse(outlived, "Prosody does not outlive a Kairan server killed with SIGKILL (setpriv --pdeathsig)");
        try (ManagedProsody next = new ManagedProsody(ChatSettings.managed(), dir)) {
            next.start();
            assertTrue(XmppProbe.openStream(next.address()).contains("<stream:stream"),
                    "the next start on the same data directory works");
        }
    }

    @Test
    void aMissingProsodySaysWhatToInstall() {
        for (String command : List.of("kairan-no-such-prosody", dir.resolve("bin/prosody").toString())) {
            ManagedProsody prosody = new ManagedProsody(ChatSettings.managed().withProsody(command), dir);
            ChatServerException e = assertThrows(ChatServerException.class, prosody::start);
            assertTrue(e.getMessage().startsWith("prosody not found")
                    && e.getMessage().contains("apt-get install prosody lua-dbi-sqlite3")
                    && e.getMessage().contains(command), "the message names the command and the packages: " + e.getMessage());
            assertFalse(prosody.isRunning());
        }
    }

    @Test
    void aProsodyThatDiesAtOnceFailsTheStartWithItsOutput() throws Exception {
        Path fake = dir.resolve("fake-prosody");
        Files.writeString(fake, "#!/bin/sh\necho 'general   error\tcannot load the DBI library' >&2\nexit 3\n");
        fake.toFile().setExecutable(true);
        ManagedProsody prosody = new ManagedProsody(ChatSettings.managed().withProsody(fake.toString()), dir);
        ChatServerException e = assertThrows(ChatServerException.class, prosody::start);
        assertTrue(e.getMessage().contains("exit code 3") && e.getMessage().contains("cannot load the DBI library"),
                "the message gives Prosody's exit code and last output: " + e.getMessage());
        assertFalse(prosody.isRunning());
    }

    /** Whether the process is still alive after the timeout. */
    private static boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void aProsodyWithoutTheSqliteDriverFailsTheStartSayingWhatToInstall() throws Exception {
        // a Prosody whose Lua finds a broken dbd.sqlite3 first: as if lua-dbi-sqlite3 were not installed
        Path lua = Files.createDirectories(dir.resolve("lua/dbd"));
        Files.write(lua.resolve("sqlite3.so"), new byte[0]);
        Path wrapper = dir.resolve("prosody-without-sqlite");
        Files.writeString(wrapper, "#!/bin/sh\nLUA_CPATH='" + dir.resolve("lua") + "/?.so;;' exec prosody \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        ManagedProsody prosody = new ManagedProsody(ChatSettings.managed().withProsody(wrapper.toString()), dir);
        ChatServerException e = assertThrows(ChatServerException.class, prosody::start);
        assertTrue(e.getMessage().contains("apt-get install prosody lua-dbi-sqlite3")
                && e.getMessage().contains("SQLite"), "the message says the SQLite driver is missing: " + e.getMessage());
        assertFalse(prosody.isRunning(), "the Prosody without storage is not left running");
    }

    private static void awaitPidfile(Path pidfile, long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidfile) && Files.readString(pidfile).strip().equals(Long.toString(pid))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the leftover Prosody wrote its pidfile " + pidfile);
    }
}
