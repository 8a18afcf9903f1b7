package org.kairan.server.chat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where business chat's XMPP server is (properties in brackets, see ServerConfigReader).
 *
 * @param mode          {@link Mode#MANAGED}: the Kairan server starts and stops a Prosody it configures itself under its
 *                      data directory; {@link Mode#EXTERNAL}: a Prosody or ejabberd run by the city; {@link Mode#OFF}:
 *                      no chat [kairan.chat.mode]
 * @param domain        the XMPP domain of the staff's addresses, e.g. {@code kairan.local} [kairan.chat.domain]
 * @param prosody       the Prosody command for the managed mode, a name on the PATH or a path [kairan.chat.prosody]
 * @param host          the external server's host name [kairan.chat.host]
 * @param port          the external server's client port (c2s) [kairan.chat.port]
 * @param adminJid      the external server's administrator the Kairan server provisions as [kairan.chat.adminJid]
 * @param adminPassword its password [kairan.chat.adminPassword or env KAIRAN_CHAT_ADMIN_PASSWORD]
 * @param groupsFile    external Prosody: the mod_groups file (its {@code groups_file}) the Kairan server keeps the
 *                      課 contact groups in, on this machine or a shared path [kairan.chat.groupsFile]; {@code null}:
 *                      the external server's administrator keeps its groups (ejabberd: shared roster groups)
 */
public record ChatSettings(Mode mode, String domain, String prosody, String host, int port, String adminJid,
        String adminPassword, Path groupsFile) {

    public static final String DEFAULT_DOMAIN = "kairan.local";
    public static final String DEFAULT_PROSODY = "prosody";
    public static final int DEFAULT_PORT = 5222;

    /** How the chat server is run. */
    public enum Mode {
        MANAGED, EXTERNAL, OFF;

        /** The mode named by {@code kairan.chat.mode}, in any case. */
        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kairan.chat.mode must be managed, external or off, was \""
                        + value + "\"");
            }
        }
    }

    public ChatSettings {
        Objects.requireNonNull(mode, "mode");
        domain = domain == null ? DEFAULT_DOMAIN : domain.strip().toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("kairan.chat.domain must be a domain name such as kairan.local, was \""
                    + domain + "\"");
        }
        prosody = prosody == null || prosody.isBlank() ? DEFAULT_PROSODY : prosody.strip();
        host = host == null || host.isBlank() ? null : host.strip();
        adminJid = adminJid == null || adminJid.isBlank() ? null : adminJid.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("kairan.chat.port must be between 1 and 65535, was " + port);
        }
        if (mode == Mode.EXTERNAL) {
            if (host == null) {
                throw new IllegalArgumentException("kairan.chat.mode=external needs kairan.chat.host (the XMPP server)");
            }
            if (adminJid == null || !adminJid.contains("@") || adminPassword == null || adminPassword.isEmpty()) {
                throw new IllegalArgumentException("kairan.chat.mode=external needs kairan.chat.adminJid (e.g."
                        + " kairan-admin@" + domain + ") and its password (kairan.chat.adminPassword or env"
                        + " KAIRAN_CHAT_ADMIN_PASSWORD)");
            }
        }
    }

    /** The managed Prosody with the default domain: what {@code ./kairan demo} runs. */
    public static ChatSettings managed() {
        return new ChatSettings(Mode.MANAGED, DEFAULT_DOMAIN, DEFAULT_PROSODY, null, DEFAULT_PORT, null, null, null);
    }

    /** No chat server: what tests and embedders get unless they ask for one. */
    public static ChatSettings off() {
        return new ChatSettings(Mode.OFF, DEFAULT_DOMAIN, DEFAULT_PROSODY, null, DEFAULT_PORT, null, null, null);
    }

    public ChatSettings withProsody(String command) {
        return new ChatSettings(mode, domain, command, host, port, adminJid, adminPassword, groupsFile);
    }

    @Override
    public String toString() {
        return switch (mode) {
            case MANAGED -> "managed Prosody (" + domain + ", " + prosody + ")";
            case EXTERNAL -> "external " + host + ":" + port + " (" + domain + ", admin " + adminJid
                    + (groupsFile == null ? "" : ", groups file " + groupsFile) + ")";
            case OFF -> "off";
        };
    }
}
