package org.kairan.chat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.KairanServerProcess;
import org.kairan.client.testing.NetworkCable;
import org.kairan.core.protocol.ChatCredentials;

/**
 * A teleworker's 1,000 messages to a colleague while her home network drops and, later, the chat server is killed and
 * started again by the Kairan server: every message arrives, and once.
 */
class ChatFaultTest {

    private static final int MESSAGES = 1000;

    @TempDir
    static Path workspaces;

    private static KairanServerProcess server;
    private static ChatDesk teleworker;
    private static ChatDesk colleague;

    @BeforeAll
    static void start() throws Exception {
        Path log = Path.of(System.getProperty("kairan.server.log", "target/kairan-server.log"))
                .resolveSibling("kairan-server-chat-faults.log");
        server = KairanServerProcess.startDemo(log, "--demo-library", "false");
        server.awaitOutput(KairanServerProcess.CHAT_ROOMS_READY, Duration.ofSeconds(60));
        teleworker = ChatDesk.logIn(server.url(), DemoAccounts.FINANCE_CLERK, workspaces.resolve("teleworker"));
        colleague = ChatDesk.logIn(server.url(), DemoAccounts.FINANCE_SECTION_HEAD, workspaces.resolve("colleague"));
        ChatDesk.await("the colleague online", colleague.chat::state, s -> s == ChatState.ONLINE);
    }

    @AfterAll
    static void stop() {
        if (teleworker != null) {
            teleworker.close();
        }
        if (colleague != null) {
            colleague.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void networkDropAndChatServerRestartLoseAndRepeatNothing() throws Exception {
        teleworker.chat.sessionEnded(); // her chat goes through her home network below instead
        ChatCredentials direct = teleworker.client.chatCredentials();
        try (NetworkCable home = new NetworkCable("http://" + direct.host() + ":" + direct.port())) {
            int cablePort = URI.create(home.url()).getPort();
            ChatCredentials viaHome = new ChatCredentials(direct.jid(), direct.password(), "127.0.0.1", cablePort,
                    direct.domain(), direct.conference(), direct.upload(), direct.certificate());
            List<Object> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            ChatSession chat = new ChatSession(viaHome, "佐藤", People.NONE, (topic, data) -> {
                if (ChatTopics.STATE.equals(topic)) {
                    states.add(data);
                }
            }, () -> states.add("password refused"));
            try {
                chat.start(List.of());
                ChatDesk.await("the teleworker online", chat::state, s -> s == ChatState.ONLINE);
                String to = colleague.address();
                for (int i = 1; i <= MESSAGES; i++) {
                    chat.send(to, text(i));
                    if (i == 250) {
                        home.unplug(); // typed on while the network is gone
                    } else if (i == 400) {
                        Thread.sleep(3_000);
                        home.plugIn();
                        ChatDesk.await("the teleworker back online", chat::state, s -> s == ChatState.ONLINE);
                    } else if (i == 650) {
                        killChatServer();
                    }
                    if (i % 50 == 0) {
                        Thread.sleep(20);
                    }
                }
                ChatDesk.await("everything acknowledged by the chat server", chat::pendingCount, n -> n == 0);
                assertTrue(states.stream().filter(s -> s == ChatState.RECONNECTING).count() >= 2,
                        "the connection dropped with the network and with the chat server: " + states);
                List<ChatMessage> arrived = ChatDesk.await("all " + MESSAGES + " at the colleague's desk",
                        () -> colleague.chat.messages(teleworker.address()),
                        l -> l.stream().filter(m -> m.body().startsWith("在宅から ")).count() >= MESSAGES);
                Map<String, Long> copies = arrived.stream().map(ChatMessage::body)
                        .filter(b -> b.startsWith("在宅から "))
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
                assertEquals(MESSAGES, copies.size(), "none lost");
                assertTrue(copies.values().stream().allMatch(n -> n == 1), "none shown twice: " + copies.entrySet()
                        .stream().filter(e -> e.getValue() > 1).limit(5).toList());
                for (int i = 1; i <= MESSAGES; i++) {
                    assertTrue(copies.containsKey(text(i)), "message " + i + " arrived");
                }
            } finally {
                chat.close();
            }
        }
    }

    private static String text(int i) {
        return "在宅から %04d 件目の連絡です".formatted(i);
    }

    /** SIGKILL to the managed Prosody: the Kairan server notices and starts it again on the same ports. */
    private static void killChatServer() throws Exception {
        Path pidfile = server.dataDirectory().resolve("chat").resolve("prosody").resolve("prosody.pid");
        long pid = Long.parseLong(Files.readString(pidfile).strip());
        ProcessHandle prosody = ProcessHandle.of(pid).orElseThrow();
        prosody.destroyForcibly();
        prosody.onExit().get();
    }
}
