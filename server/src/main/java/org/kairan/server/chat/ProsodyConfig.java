package org.kairan.server.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of the managed Prosody under one base directory ({@code DATA/chat/prosody}): its configuration
 * ({@code prosody.cfg.lua}, rewritten at every start with that start's ports), pidfile, data (SQLite database,
 * uploaded files), shared roster groups file and certificate. Every value written into the Lua file is a properly
 * escaped string literal, so any path (spaces, quotes, Japanese) is safe.
 *
 * @param baseDir    the base directory
 * @param domain     the XMPP domain
 * @param uploadMaxBytes the largest file shared in chat
 */
public record ProsodyConfig(Path baseDir, String domain, long uploadMaxBytes) {

    /** Modules of the virtual host: what business chat needs (RFC 6121 roster, XEP-0280/0313/0198/0199/0133, groups). */
    static final List<String> MODULES = List.of("roster", "saslauth", "tls", "disco", "carbons", "mam", "smacks",
            "ping", "admin_adhoc", "groups");
    /** The largest file shared in chat unless configured (the attachment limit of 決裁 too). */
    public static final long DEFAULT_UPLOAD_MAX_BYTES = 100L << 20;

    public ProsodyConfig {
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    public Path configFile() {
        return baseDir.resolve("prosody.cfg.lua");
    }

    public Path pidfile() {
        return baseDir.resolve("prosody.pid");
    }

    public Path dataPath() {
        return baseDir.resolve("data");
    }

    public Path database() {
        return dataPath().resolve("prosody.sqlite");
    }

    /** The password of the Kairan server's XEP-0133 administrator {@code kairan-admin@<domain>} (mode 0600). */
    public Path adminPasswordFile() {
        return baseDir.resolve("kairan-admin.password");
    }

    public Path groupsFile() {
        return baseDir.resolve("groups.txt");
    }

    public Path certificateDir() {
        return baseDir.resolve("certs");
    }

    public Path certificate() {
        return certificateDir().resolve(domain + ".crt");
    }

    public Path privateKey() {
        return certificateDir().resolve(domain + ".key");
    }

    public String conferenceDomain() {
        return "conference." + domain;
    }

    public String uploadDomain() {
        return "upload." + domain;
    }

    /**
     * Creates the directories and the (empty) groups file if missing, and writes the configuration for these loopback
     * ports.
     *
     * @param runAsRoot whether Prosody runs as root (it needs {@code run_as_root = true} to run properly then)
     * @param admins    administrator JIDs (XEP-0133 provisioning)
     */
    public void write(int c2sPort, int httpPort, boolean runAsRoot, List<String> admins) throws IOException {
        Files.createDirectories(dataPath());
        Files.createDirectories(certificateDir());
        if (!Files.exists(groupsFile())) {
            Files.writeString(groupsFile(), "", StandardCharsets.UTF_8);
        }
        Path temporary = baseDir.resolve("prosody.cfg.lua.tmp");
        Files.writeString(temporary, text(c2sPort, httpPort, runAsRoot, admins), StandardCharsets.UTF_8);
        Files.move(temporary, configFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The configuration file's text. */
    String text(int c2sPort, int httpPort, boolean runAsRoot, List<String> admins) {
        String loopback = "{ " + lua("127.0.0.1") + " }";
        return """
                -- Written by the Kairan server at every start of its managed Prosody: edits are lost.
                -- Production: run your own Prosody or ejabberd and set kairan.chat.mode=external.
                pidfile = %s
                data_path = %s
                %slog = { { levels = { min = "info" }, to = "console" } }
                admins = { %s }

                modules_enabled = { %s }
                -- no server-to-server federation: a closed city network
                modules_disabled = { "s2s" }
                allow_registration = false
                c2s_require_encryption = true
                authentication = "internal_hashed"

                interfaces = %s
                c2s_ports = { %d }
                c2s_interfaces = %s
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                http_ports = { %d }
                http_interfaces = %s
                https_ports = { }
                network_settings = { nagle = false, tcp_backlog = 1024 }

                -- SQL storage: the internal one stops archiving at 10,000 messages per user
                storage = "sql"
                sql = { driver = "SQLite3", database = %s }
                archive_expires_after = "never"

                groups_file = %s

                certificates = %s
                ssl = { certificate = %s, key = %s }

                VirtualHost %s

                Component %s "muc"
                    modules_enabled = { "muc_mam" }
                    restrict_room_creation = "admin"
                    muc_room_default_persistent = true
                    muc_room_default_members_only = true
                    muc_room_default_public = false
                    muc_log_by_default = true
                    muc_log_expires_after = "never"
                    -- each member's nickname is the one the Kairan server reserved for them: their 職員番号
                    enforce_registered_nickname = true

                Component %s "http_file_share"
                    http_file_share_size_limit = %d
                    http_external_url = %s
                    -- requests reach it as http://127.0.0.1:<port>/, so that is the Host it answers to
                    http_host = "127.0.0.1"
                """.formatted(
                lua(pidfile().toString()),
                lua(dataPath().toString()),
                runAsRoot ? "-- the Kairan server runs as root here; Prosody 0.12 misbehaves as root without this\n"
                        + "run_as_root = true\n" : "",
                admins.stream().map(ProsodyConfig::lua).collect(Collectors.joining(", ")),
                MODULES.stream().map(ProsodyConfig::lua).collect(Collectors.joining(", ")),
                loopback, c2sPort, loopback, httpPort, loopback,
                lua(database().toString()),
                lua(groupsFile().toString()),
                lua(certificateDir().toString()),
                lua(certificate().toString()), lua(privateKey().toString()),
                lua(domain),
                lua(conferenceDomain()),
                lua(uploadDomain()),
                uploadMaxBytes,
                lua("http://127.0.0.1:" + httpPort + "/"));
    }

    /**
     * A Lua string literal of {@code value}: double-quoted, with backslash, quote and every control character escaped
     * ({@code \ddd}); other characters (Japanese too) are written as UTF-8, which Lua keeps byte for byte.
     */
    static String lua(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append('\\').append(String.format("%03d", c));
            } else {
                out.append((char) c);
            }
        }
        // the builder holds the UTF-8 bytes as chars 0-255: turn them back into the text they encode
        String bytes = out.append('"').toString();
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
