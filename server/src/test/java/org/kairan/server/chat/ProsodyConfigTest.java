package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProsodyConfigTest {

    private final ProsodyConfig files = new ProsodyConfig(Path.of("/srv/回覧 \"x\""), "city.example", 1234);

    @Test
    void luaStringsEscapeQuotesBackslashesAndControlCharactersAndKeepJapanese() {
        assertEquals("\"plain\"", ProsodyConfig.lua("plain"));
        assertEquals("\"a\\\"b\\\\c\"", ProsodyConfig.lua("a\"b\\c"), "quote and backslash are escaped");
        assertEquals("\"x\\010y\\013\\000z\\127\"", ProsodyConfig.lua("x\ny\r\0z\u007f"),
                "control characters become three-digit escapes, so a following digit cannot join them");
        assertEquals("\"/tmp/回覧 データ\"", ProsodyConfig.lua("/tmp/回覧 データ"), "Japanese is kept as UTF-8");
    }

    @Test
    void theConfigurationHasWhatBusinessChatNeeds() {
        String text = files.text(15222, 15280, false, List.of("kairan-admin@city.example"));
        assertTrue(text.contains("pidfile = \"/srv/回覧 \\\"x\\\"/prosody.pid\""), "paths are escaped Lua strings:\n" + text);
        for (String module : List.of("roster", "saslauth", "tls", "disco", "carbons", "mam", "smacks", "ping",
                "admin_adhoc", "groups")) {
            assertTrue(text.contains("\"" + module + "\""), "module " + module + " is enabled");
        }
        assertTrue(text.contains("storage = \"sql\"") && text.contains("driver = \"SQLite3\""), "SQL storage in SQLite");
        assertTrue(text.contains("c2s_ports = { 15222 }") && text.contains("http_ports = { 15280 }")
                && text.contains("https_ports = { }") && text.contains("s2s_ports = { }"),
                "only the chosen ports are opened");
        assertTrue(text.contains("interfaces = { \"127.0.0.1\" }"), "on loopback");
        assertTrue(text.contains("nagle = false") && text.contains("tcp_backlog = 1024"));
        assertTrue(text.contains("Component \"conference.city.example\" \"muc\"")
                && text.contains("restrict_room_creation = \"admin\"") && text.contains("\"muc_mam\"")
                && text.contains("muc_room_default_members_only = true")
                && text.contains("muc_room_default_persistent = true"), "server-owned, archived rooms");
        assertTrue(text.contains("Component \"upload.city.example\" \"http_file_share\"")
                && text.contains("http_file_share_size_limit = 1234"), "file sharing with a size limit");
        assertTrue(text.contains("admins = { \"kairan-admin@city.example\" }"));
        assertFalse(text.contains("run_as_root"), "run_as_root only as root");
        assertTrue(files.text(1, 2, true, List.of()).contains("\nrun_as_root = true\n"));
    }
}
