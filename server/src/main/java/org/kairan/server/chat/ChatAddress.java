package org.kairan.server.chat;

/**
 * Where an XMPP server listens.
 *
 * @param domain   the XMPP domain of the staff's addresses (rooms at {@code conference.}, files at {@code upload.})
 * @param host     the host to connect to
 * @param c2sPort  the client port (STARTTLS)
 * @param httpPort the HTTP port of file sharing (XEP-0363), 0 when unknown
 */
public record ChatAddress(String domain, String host, int c2sPort, int httpPort) {
}
