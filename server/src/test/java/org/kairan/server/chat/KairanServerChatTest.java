package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.testing.RunningServer;

/** The managed Prosody in the Kairan server's lifecycle. */
class KairanServerChatTest {

    @Test
    void aServerWithManagedChatStartsProsodyAndStopsItWhenItStops(@TempDir Path dir) throws Exception {
        long pid;
        try (RunningServer running = RunningServer.start(RunningServer.config(dir, null).toBuilder()
                .chat(ChatSettings.managed()).build())) {
            ChatServer chat = running.server.chat().orElseThrow();
            assertTrue(chat.isRunning(), "the server started its Prosody");
            assertTrue(XmppProbe.openStream(chat.address()).contains("<stream:stream"), "and it answers XMPP clients");
            pid = ((ManagedProsody) chat).pid().orElseThrow();
            assertTrue(dir.resolve("chat/prosody/prosody.cfg.lua").toFile().isFile(), "under the data directory");
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "stopping the server stops Prosody");
    }

    @Test
    void testServersHaveNoChatUnlessTheyAskForIt(@TempDir Path dir) {
        try (RunningServer running = RunningServer.h2(dir)) {
            assertTrue(running.server.chat().isEmpty(), "no Prosody for the other tests");
            assertFalse(dir.resolve("chat").toFile().exists());
        }
    }
}
