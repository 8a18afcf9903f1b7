package org.kairan.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kairan.client.ServerAddress;

import com.sun.net.httpserver.HttpServer;

/** A scripted HTTP server on loopback: each path answers with a fixed status, body and headers. */
final class FakeServer implements AutoCloseable {

    record Answer(int status, String json, Map<String, String> headers) {
        static Answer of(int status, String json) {
            return new Answer(status, json, Map.of());
        }
    }

    record Received(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer answer = answers.getOrDefault(path,
                    Answer.of(404, "{\"error\":\"NOT_FOUND\",\"message\":\"no route\"}"));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.json() == null ? new byte[0] : answer.json().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    void answer(String path, int status, String json) {
        answers.put(path, Answer.of(status, json));
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    ServerAddress address() {
        return ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
