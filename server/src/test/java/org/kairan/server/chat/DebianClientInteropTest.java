package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * Issue 6: a standard XMPP client from Debian's packages talks with a Kairan user. The Debian client is go-sendxmpp
 * (package {@code go-sendxmpp}, a command-line client that sends and listens non-interactively); it verifies the
 * managed Prosody's self-signed certificate through Go's {@code SSL_CERT_FILE} (no {@code --no-tls-verify}). The
 * Kairan side is Smack, as in the desktop. Both log in with what {@code GET /api/chat/credentials} hands to a 2FA
 * session.
 */
class DebianClientInteropTest {

    private static final String TOOL = "go-sendxmpp";
    private static final String TO_KAIRAN = "本日の会議は15時からです";
    private static final String MARKUP = "<b>太字</b> & 'quotes'";
    private static final String TO_DEBIAN = "了解しました。資料は文書庫にあります";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @TempDir
    Path cli;

    @Test
    void aDebianCommandLineClientAndKairansSmackExchangeJapaneseMessagesAndMarkupStaysText() throws Exception {
        Path tool = onPath(TOOL);
        try (RunningServer running = RunningServer.start(RunningServer.config(dir, null).toBuilder()
                .chat(ChatSettings.managed()).build()).withTestRoster()) {
            ManagedProsody prosody = (ManagedProsody) running.server.chat().orElseThrow();
            ChatCredentials kairan = credentials(running, TestRoster.SHUJI);
            ChatCredentials debian = credentials(running, TestRoster.KACHO);

            XMPPTCPConnection smack = XmppLogin.login(prosody.address(), prosody.files().certificate(),
                    kairan.jid(), kairan.password());
            BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
            smack.addAsyncStanzaListener(stanza -> inbox.add((Message) stanza), MessageTypeFilter.NORMAL_OR_CHAT);
            Path config = configFile(debian);
            Path certificate = prosody.files().certificate();
            try {
                // Debian → Kairan: one message with Japanese text, one with markup that must stay characters
                for (String body : List.of(TO_KAIRAN, MARKUP)) {
                    Result sent = run(tool, certificate, List.of("-f", config.toString(), kairan.jid()), body,
                            Duration.ofSeconds(30));
                    assertEquals(0, sent.exitCode(), TOOL + " sends: " + sent);
                    Message received = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertTrue(received != null, "the Kairan user receives the Debian client's message: " + body);
                    assertEquals(debian.jid(), received.getFrom().asBareJid().toString(), "from the Debian user");
                    assertEquals(body, received.getBody(), "intact, markup as text");
                }

                // Kairan → Debian: the listener prints what it receives
                Path output = cli.resolve("listen.out");
                Process listener = start(tool, certificate, List.of("-f", config.toString(), "-l"), output,
                        Duration.ofSeconds(90));
                try {
                    awaitListening(smack, debian, output, listener);
                    for (String body : List.of(TO_DEBIAN, MARKUP)) {
                        smack.sendStanza(chat(debian.jid(), body));
                        awaitLine(output, listener, kairan.jid() + ": " + body);
                    }
                } finally {
                    stop(listener);
                }
            } finally {
                smack.disconnect();
            }
        }
    }

    private static ChatCredentials credentials(RunningServer running, String staffNo) {
        HttpResponse<String> response = running.get("/api/chat/credentials", running.sessionFor(staffNo));
        assertEquals(200, response.statusCode(), "a 2FA session gets chat credentials: " + response.body());
        return running.read(response, ChatCredentials.class);
    }

    /** The tool on the PATH; a clear failure (never a skip) naming the Debian package when it is missing. */
    private static Path onPath(String name) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(name + " is not installed: this test needs Debian's command-line XMPP client, install it with"
                + " `apt-get install go-sendxmpp` (`./kairan test` installs it)");
    }

    /** go-sendxmpp's account file (go-sendxmpp(5)), owner-only as it holds the password. */
    private Path configFile(ChatCredentials account) throws IOException {
        Path file = cli.resolve("go-sendxmpp.conf");
        Files.writeString(file, "username: " + account.jid() + "\njserver: " + account.host() + "\nport: "
                + account.port() + "\npassword: " + account.password() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static Message chat(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(JidCreate.entityBareFrom(to)).ofType(Message.Type.chat)
                .setBody(body).build();
    }

    /**
     * Sends small probes until the listener prints one: it is online once it has. (Messages to an offline account are
     * not queued for it here, so the real messages wait for this.)
     */
    private static void awaitListening(XMPPTCPConnection smack, ChatCredentials debian, Path output, Process listener)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int i = 1; System.nanoTime() < deadline; i++) {
            assertTrue(listener.isAlive(), TOOL + " -l keeps running: " + read(output));
            smack.sendStanza(chat(debian.jid(), "probe-" + i));
            Thread.sleep(300);
            if (read(output).contains("probe-")) {
                return;
            }
        }
        fail(TOOL + " -l did not come online in " + WAIT + ": " + read(output));
    }

    /** Waits for the listener to print {@code <timestamp> <sender>: <body>} (go-sendxmpp -l's line), body intact. */
    private static void awaitLine(Path output, Process listener, String senderAndBody) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(output).lines().anyMatch(line -> line.endsWith(" " + senderAndBody))) {
                return;
            }
            assertTrue(listener.isAlive(), TOOL + " -l keeps running: " + read(output));
            Thread.sleep(100);
        }
        fail("the Debian client did not print «" + senderAndBody + "» within " + WAIT + "; it printed: "
                + read(output));
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs the tool to its end with {@code stdin} as its input, under coreutils' timeout as well as our own. */
    private Result run(Path tool, Path certificate, List<String> args, String stdin, Duration limit)
            throws Exception {
        Path output = Files.createTempFile(cli, "run", ".out");
        Process process = start(tool, certificate, args, output, limit);
        try {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(limit.toSeconds() + 5, TimeUnit.SECONDS)) {
                fail(TOOL + " did not finish in " + limit + ": " + read(output));
            }
            return new Result(process.exitValue(), read(output));
        } finally {
            stop(process);
        }
    }

    /**
     * Starts the tool with stdout and stderr into {@code output}, trusting only the managed certificate (Go reads
     * {@code SSL_CERT_FILE}), a private HOME, and {@code timeout -k} so that nothing outlives a killed test JVM.
     */
    private Process start(Path tool, Path certificate, List<String> args, Path output, Duration limit)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("timeout", "-k", "5", limit.toSeconds() + "s",
                tool.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("HOME", cli.toString());
        builder.environment().put("SSL_CERT_FILE", certificate.toString());
        builder.environment().put("SSL_CERT_DIR", cli.resolve("no-other-cas").toString());
        builder.environment().put("LANG", "C.UTF-8");
        return builder.start();
    }

    /** Stops the process and whatever it started, and waits for them. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle handle : all) {
            handle.destroy();
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
        for (ProcessHandle handle : all) {
            assertTrue(!handle.isAlive(), "no " + TOOL + " process is left behind: " + handle.pid());
        }
    }
}
