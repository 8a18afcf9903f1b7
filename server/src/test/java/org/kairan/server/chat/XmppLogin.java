package org.kairan.server.chat;

import java.nio.file.Path;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;
import org.kairan.core.chat.ChatTransport;

/** A desktop's Smack login (RFC 6120 §5 STARTTLS, §6 SASL) as a test sees it: trusting only the managed certificate. */
final class XmppLogin {

    private XmppLogin() {
    }

    /** A connection logged in as {@code jid}; throws when the server refuses the password (SASLErrorException). */
    static XMPPTCPConnection login(ChatAddress address, Path certificate, String jid, String password)
            throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom(address.domain()))
                .setHostAddressByNameOrIp(address.host())
                .setPort(address.c2sPort())
                .setUsernameAndPassword(jid.substring(0, jid.indexOf('@')), password)
                .setResource("test")
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(XmppAdministrator.trusting(certificate))
                .setSocketFactory(new ChatTransport.NoDelaySocketFactory())
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(10_000);
        try {
            connection.connect().login();
        } catch (Exception e) {
            connection.disconnect();
            throw e;
        }
        return connection;
    }
}
