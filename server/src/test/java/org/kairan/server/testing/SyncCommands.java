package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;

/** Builds command batches as a client sends them and counts what the database holds afterwards. */
public final class SyncCommands {

    private SyncCommands() {
    }

    /** One command of a batch: {@code {key, type, payload:{…}, queuedAt}}. */
    public static Map<String, Object> command(String key, String type, Map<String, Object> payload) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("key", key);
        command.put("type", type);
        command.put("payload", payload);
        command.put("queuedAt", "2026-04-01T00:00:00Z");
        return command;
    }

    public static Map<String, Object> batch(List<Map<String, Object>> commands) {
        return Map.of("commands", commands);
    }

    public static Map<String, Object> post(String circularId, String unitCode, String title) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("circularId", circularId);
        payload.put("unitCode", unitCode);
        payload.put("title", title);
        payload.put("body", "本文です。");
        return payload;
    }

    public static Map<String, Object> ref(String circularId) {
        return Map.of("circularId", circularId);
    }

    /** Sends the batch and returns its results (asserting 200). */
    public static List<CommandResult> send(RunningServer running, String token, List<Map<String, Object>> commands) {
        HttpResponse<String> response = running.postJson("/api/sync/commands", token, batch(commands));
        assertEquals(200, response.statusCode(), "a well-formed batch is answered 200: " + response.body());
        return new ArrayList<>(running.read(response, CommandResults.class).results());
    }

    /** A count from the server's database. */
    public static long count(RunningServer running, String sql, Object... params) {
        return running.server.database().inTransaction(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
