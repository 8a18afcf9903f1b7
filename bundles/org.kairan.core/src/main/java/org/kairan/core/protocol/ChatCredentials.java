package org.kairan.core.protocol;

/**
 * What a desktop needs to log in to business chat (GET /api/chat/credentials).
 *
 * @param jid         the person's XMPP address, {@code <staffNo>@<domain>}
 * @param password    its password (random, made by the Kairan server; nobody types it)
 * @param host        the host of the XMPP server's client port
 * @param port        its client port (STARTTLS)
 * @param domain      the XMPP domain
 * @param conference  the multi-user chat service (XEP-0045)
 * @param upload      the file-sharing service (XEP-0363)
 * @param certificate the XMPP server's certificate (PEM) the desktop is to trust, handed over the Kairan session:
 *                    the managed chat server's self-signed one; {@code null} for an external XMPP server, whose
 *                    certificate the computer's trust store vouches for
 */
public record ChatCredentials(String jid, String password, String host, int port, String domain, String conference,
        String upload, String certificate) {

    @Override
    public String toString() {
        return "ChatCredentials[" + jid + " at " + host + ":" + port + "]";
    }
}
