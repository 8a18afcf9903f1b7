package org.kairan.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kairan.client.ServerAddress;

/**
 * A reverse proxy on loopback in front of a real Kairan server, for the two things a Kairan server
 * itself never does and a network can: a proxy's own HTML error page instead of the server's JSON
 * ({@link #answerWithHtml}), and a connection that breaks in the middle of an answer
 * ({@link #cutMidResponse}). Everything else is passed through to the real server unchanged. This is
 * the only scripted server in the client's tests; whatever the real server can produce is tested
 * against the real server.
 */
public final class ScriptedProxy implements AutoCloseable {

    private sealed interface Script {
    }

    private record HtmlPage(int status, String html) implements Script {
    }

    private record Cut() implements Script {
    }

    private record ForwardThenCut() implements Script {
    }

    private final URI target;
    private final ServerSocket socket;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requests = new ConcurrentHashMap<>();

    public ScriptedProxy(ServerAddress target) throws IOException {
        this.target = target.uri();
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "scripted-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy's address, to give the client instead of the server's. */
    public ServerAddress address() {
        return ServerAddress.parse("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** From now on, requests for {@code path} get the proxy's own HTML page with this status. */
    public void answerWithHtml(String path, int status, String html) {
        scripts.put(path, new HtmlPage(status, html));
    }

    /** From now on, requests for {@code path} get the start of a 200 answer, then the connection closes. */
    public void cutMidResponse(String path) {
        scripts.put(path, new Cut());
    }

    /**
     * From now on, requests for {@code path} reach the real server, which acts on them, but its answer is
     * lost: the connection is reset before the client reads it (a line that drops after the request left).
     */
    public void cutAfterForwarding(String path) {
        scripts.put(path, new ForwardThenCut());
    }

    /** How many requests for {@code path} the proxy received (whatever it did with them). */
    public int requestsFor(String path) {
        java.util.concurrent.atomic.AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests for {@code path} go to the real server again. */
    public void passThrough(String path) {
        scripts.remove(path);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length < 2) {
                return; // the client closed a connection without sending a request (one it had kept open)
            }
            String method = requestLine[0];
            String pathAndQuery = requestLine[1];
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            requests.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            switch (scripts.get(path)) {
                case HtmlPage page -> write(out, page.status(), "text/html; charset=UTF-8",
                        page.html().getBytes(StandardCharsets.UTF_8));
                case Cut cut -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"
                            + "{\"positions\":[{\"name\":\"市長\"").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    connection.setSoLinger(true, 0); // the connection is reset, as when a line drops
                }
                case ForwardThenCut cut -> {
                    forward(new ByteArrayOutputStream(), method, pathAndQuery, headers, body); // answer dropped
                    connection.setSoLinger(true, 0);
                }
                case null -> forward(out, method, pathAndQuery, headers, body);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to do
        }
    }

    private void forward(OutputStream out, String method, String pathAndQuery, Map<String, String> headers,
            byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : new String[] { "authorization", "content-type", "accept", "x-kairan-file-name" }) {
            if (headers.containsKey(name)) {
                request.header(name, headers.get(name));
            }
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        write(out, response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                response.body());
    }

    private static void write(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
