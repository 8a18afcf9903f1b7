package org.kairan.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection: what a benchmark needs to spend as little CPU
 * as possible on the client side of a machine it shares with the server. GET, and POST of a JSON body;
 * plain HTTP, response bodies with {@code Content-Length} or chunked. Not thread-safe: one per simulated
 * client.
 */
final class KeepAliveClient implements AutoCloseable {

    /** Status and body of a response. */
    record Response(int status, byte[] body) {
    }

    private static final long MAX_IDLE_NANOS = 20_000_000_000L;

    private final URI base;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** When the connection was last used: Jetty closes one idle for 30 s, so an older one is replaced. */
    private long lastUsed;

    KeepAliveClient(URI base) {
        this.base = base;
        this.hostHeader = base.getHost() + ":" + base.getPort();
    }

    Response get(String pathAndQuery, String bearerToken) throws IOException {
        connectIfNeeded();
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer "
                + bearerToken + "\r\nAccept: application/json\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse();
    }

    /** POSTs a JSON body; {@code bearerToken} may be {@code null} (login). */
    Response postJson(String path, String bearerToken, byte[] json) throws IOException {
        connectIfNeeded();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n"
                + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n")
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + json.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        out.write(request);
        out.flush();
        return readResponse();
    }

    private void connectIfNeeded() throws IOException {
        long now = System.nanoTime();
        if (socket != null && now - lastUsed > MAX_IDLE_NANOS) {
            close();
        }
        lastUsed = now;
        if (socket == null || socket.isClosed()) {
            connect();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // ignore trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    /** A header line without its CRLF, or {@code null} at end of stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
