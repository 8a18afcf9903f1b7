package org.kairan.chat.internal;

import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;
import org.kairan.chat.ChatException;
import org.kairan.core.chat.ChatTransport;
import org.kairan.core.protocol.ChatCredentials;

/**
 * Makes the desktop's XMPP connection from the credentials the Kairan server handed out: STARTTLS required, trusting
 * the certificate that came with them (else the computer's trust store), TCP_NODELAY, stream management with
 * resumption (a dropped connection resumes with nothing lost), a resource of its own per desktop. Reconnecting is
 * {@link ChatSession}'s.
 */
final class ChatConnections {

    /** How long the chat server keeps a dropped session for resumption, asked for in seconds. */
    static final int RESUMPTION_SECONDS = 300;
    private static final int REPLY_TIMEOUT_MILLIS = 15_000;

    private ChatConnections() {
    }

    static XMPPTCPConnection open(ChatCredentials credentials) throws ChatException {
        try {
            XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(credentials.domain())
                    .setHost(credentials.host())
                    .setPort(credentials.port())
                    .setUsernameAndPassword(credentials.jid().substring(0, credentials.jid().indexOf('@')),
                            credentials.password())
                    .setResource("kairan-" + UUID.randomUUID().toString().substring(0, 8))
                    .setSecurityMode(SecurityMode.required)
                    .setSocketFactory(new ChatTransport.NoDelaySocketFactory())
                    .setSendPresence(true);
            if (credentials.certificate() != null && !credentials.certificate().isBlank()) {
                config.setCustomX509TrustManager(ChatTransport.trusting(credentials.certificate()));
            }
            XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
            connection.setReplyTimeout(REPLY_TIMEOUT_MILLIS);
            connection.setUseStreamManagement(true);
            connection.setUseStreamManagementResumption(true);
            connection.setPreferredResumptionTime(RESUMPTION_SECONDS);
            return connection;
        } catch (XmppStringprepException e) {
            throw new ChatException(ChatException.Reason.FAILED, "チャットのアドレスが正しくありません: "
                    + credentials.jid() + " (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw unreadableCertificate(e);
        }
    }

    /** An SSL context trusting the same certificate (for file sharing over HTTPS), or {@code null} for the default. */
    static SSLContext tlsContext(ChatCredentials credentials) throws ChatException {
        if (credentials.certificate() == null || credentials.certificate().isBlank()) {
            return null;
        }
        try {
            return ChatTransport.tlsTrusting(credentials.certificate());
        } catch (GeneralSecurityException e) {
            throw unreadableCertificate(e);
        }
    }

    private static ChatException unreadableCertificate(GeneralSecurityException e) {
        return new ChatException(ChatException.Reason.FAILED, "チャットサーバーの証明書を読めません: " + e.getMessage(), e);
    }
}
