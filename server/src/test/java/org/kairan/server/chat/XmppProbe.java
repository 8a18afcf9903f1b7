package org.kairan.server.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.kairan.core.chat.ChatTransport;

/**
 * A minimal XMPP client (RFC 6120 §4.3 stream negotiation, §5 STARTTLS) that checks what a real client sees: a
 * stream header and features, and a TLS handshake with the server's certificate for the domain.
 */
final class XmppProbe {

    private XmppProbe() {
    }

    /** What the server answered to a stream header: its header and features, as text. */
    static String openStream(ChatAddress address) throws IOException {
        try (Socket socket = connect(address)) {
            return openStream(socket, address.domain());
        }
    }

    /**
     * Opens a stream, negotiates STARTTLS trusting only {@code certificate} with host name verification for the domain,
     * and returns the features of the stream opened over TLS (they offer SASL mechanisms).
     */
    static String openTlsStream(ChatAddress address, Path certificate) throws Exception {
        try (Socket socket = connect(address)) {
            String features = openStream(socket, address.domain());
            if (!features.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
                throw new IOException("no STARTTLS offered: " + features);
            }
            send(socket, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            String proceed = readUntil(socket.getInputStream(), "/>");
            if (!proceed.contains("proceed")) {
                throw new IOException("STARTTLS not accepted: " + proceed);
            }
            try (SSLSocket tls = (SSLSocket) trusting(certificate).getSocketFactory().createSocket(socket,
                    address.domain(), address.c2sPort(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(address.domain())));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                return openStream(tls, address.domain());
            }
        }
    }

    private static Socket connect(ChatAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.c2sPort()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String openStream(Socket socket, String domain) throws IOException {
        send(socket, "<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xml:lang='ja'"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        return readUntil(socket.getInputStream(), "</stream:features>");
    }

    private static void send(Socket socket, String xml) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!received.toString(StandardCharsets.UTF_8).contains(end)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // return what came
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        return ChatTransport.tlsTrusting(Files.readString(certificate));
    }
}
