package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.ServerConfig;
import org.kairan.server.ServerConfigReader;
import org.kairan.server.ServerConfigReader.ConfigException;

/** {@code kairan.chat.*} as the command line reads it. */
class ChatConfigurationTest {

    private final ServerConfigReader reader = new ServerConfigReader(Map.of("KAIRAN_CHAT_ADMIN_PASSWORD", "秘密"));

    @Test
    void theRunCommandStartsAManagedProsodyWhileTestsAndEmbeddersGetNoChat(@TempDir Path dir) throws Exception {
        ChatSettings chat = reader.read(List.of("--data", dir.toString())).chat();
        assertEquals(ChatSettings.Mode.MANAGED, chat.mode(), "the README's run command needs nothing else");
        assertEquals("kairan.local", chat.domain());
        assertEquals("prosody", chat.prosody());
        assertEquals(ChatSettings.Mode.OFF, ServerConfig.defaults(dir).chat().mode(), "ServerConfig.defaults: chat off");
        assertEquals(ChatSettings.Mode.OFF, reader.read(List.of("--data", dir.toString(), "--chat", "off")).chat().mode(),
                "a flag turns it off without a properties file");
    }

    @Test
    void externalServersAndOtherSettingsComeFromProperties() throws Exception {
        Properties p = new Properties();
        p.setProperty("kairan.chat.mode", "External");
        p.setProperty("kairan.chat.domain", "Chat.City.example");
        p.setProperty("kairan.chat.host", "xmpp.city.example");
        p.setProperty("kairan.chat.port", "5223");
        p.setProperty("kairan.chat.adminJid", "kairan@chat.city.example");
        p.setProperty("kairan.chat.groupsFile", "/var/lib/prosody/kairan-groups.txt");
        ChatSettings chat = reader.fromProperties(p).chat();
        assertEquals(new ChatSettings(ChatSettings.Mode.EXTERNAL, "chat.city.example", "prosody", "xmpp.city.example",
                5223, "kairan@chat.city.example", "秘密", java.nio.file.Path.of("/var/lib/prosody/kairan-groups.txt")),
                chat, "the password comes from the environment; the external Prosody's groups file is kept");
        assertTrue(!chat.toString().contains("秘密"), "the password is never logged");
        p.setProperty("kairan.chat.mode", "off");
        assertEquals(ChatSettings.Mode.OFF, reader.fromProperties(p).chat().mode());
    }

    @Test
    void mistakesAreExplained() {
        assertMessage("kairan.chat.mode must be managed, external or off, was \"prosody\"", "kairan.chat.mode", "prosody");
        assertMessage("kairan.chat.domain must be a domain name", "kairan.chat.domain", "回覧 市");
        assertMessage("kairan.chat.port must be a whole number", "kairan.chat.port", "x");
        assertMessage("kairan.chat.mode=external needs kairan.chat.host", "kairan.chat.mode", "external");
    }

    private void assertMessage(String expected, String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> reader.fromProperties(p));
        assertTrue(e.getMessage().contains(expected), "the message says " + expected + ": " + e.getMessage());
    }
}
