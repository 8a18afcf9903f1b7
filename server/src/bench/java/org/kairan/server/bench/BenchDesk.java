package org.kairan.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.LoginStatus;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.PullResponse;
import org.kairan.core.sync.SyncChange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One person at their desktop, as far as the benchmark needs: a session from a first login (password,
 * then TOTP enrolment with a code from the otpauth secret), sync commands, and pulls of the change feed
 * from their own cursor into the 案件 they see. Talks over its own {@link KeepAliveClient}. Not
 * thread-safe: its methods are synchronized for set-up, where two approvers may share a drafter.
 */
final class BenchDesk implements AutoCloseable {

    private static final Base32 BASE32 = new Base32();

    private final String staffNo;
    private final String token;
    private final KeepAliveClient http;
    private final ObjectMapper json;
    private String cursor;
    private final Map<String, Kessai> kessai = new HashMap<>();

    private BenchDesk(String staffNo, String token, KeepAliveClient http, ObjectMapper json) {
        this.staffNo = staffNo;
        this.token = token;
        this.http = http;
        this.json = json;
    }

    /** First login of a person who has a password and no second factor yet. */
    static BenchDesk firstLogin(URI base, ObjectMapper json, String staffNo, String password) throws IOException {
        KeepAliveClient http = new KeepAliveClient(base);
        try {
            LoginResponse first = post(http, json, "/api/auth/login", new LoginRequest(staffNo, password, null));
            if (first.status() != LoginStatus.TOTP_ENROLMENT_REQUIRED) {
                throw new IllegalStateException(staffNo + ": expected TOTP enrolment, got " + first.status());
            }
            byte[] secret = BASE32.decode(queryParameter(URI.create(first.otpauthUri()), "secret"));
            Totp totp = new Totp(Clock.systemUTC());
            String code = totp.codeAt(secret, totp.currentStep());
            LoginResponse done = post(http, json, "/api/auth/totp/enrol",
                    new TotpEnrolmentRequest(first.enrolmentToken(), code));
            if (done.status() != LoginStatus.AUTHENTICATED) {
                throw new IllegalStateException(staffNo + ": enrolment did not authenticate: " + done.status());
            }
            return new BenchDesk(staffNo, done.sessionToken(), http, json);
        } catch (IOException | RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** Another desk of the same person (same session) on the given connection, with its own cursor. */
    BenchDesk watchedFrom(BenchDesk other) {
        return new BenchDesk(staffNo, token, other.http, json);
    }

    /** The session's bearer token, for routes the bench calls by itself (streamed uploads and downloads). */
    String token() {
        return token;
    }

    String staffNo() {
        return staffNo;
    }

    /** One command in a batch of its own (what a desktop sends when one action is queued). */
    byte[] commandBody(String type, Object payload) {
        return batchBody(type, List.of(payload));
    }

    /** A batch of commands of one type, each with a new key, queued now. */
    byte[] batchBody(String type, List<?> payloads) {
        ObjectNode body = json.createObjectNode();
        ArrayNode commands = body.putArray("commands");
        String queuedAt = Instant.now().toString();
        for (Object payload : payloads) {
            ObjectNode command = commands.addObject();
            command.put("key", UUID.randomUUID().toString());
            command.put("type", type);
            command.set("payload", json.valueToTree(payload));
            command.put("queuedAt", queuedAt);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a command batch is written as JSON", e);
        }
    }

    /** Sends a prepared batch body; the results in order (a non-200 answer is an exception). */
    synchronized List<CommandResult> send(byte[] batchBody) throws IOException {
        KeepAliveClient.Response response = http.postJson("/api/sync/commands", token, batchBody);
        if (response.status() != 200) {
            throw new IOException(staffNo + ": POST /api/sync/commands → " + response.status() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readValue(response.body(), CommandResults.class).results();
    }

    /** Sends the commands in batches of at most 100; every one must be applied. */
    synchronized void sendAllApplied(String type, List<?> payloads) throws IOException {
        for (int from = 0; from < payloads.size(); from += 100) {
            List<?> batch = payloads.subList(from, Math.min(payloads.size(), from + 100));
            for (CommandResult result : send(batchBody(type, batch))) {
                if (result.outcome() != org.kairan.core.sync.CommandOutcome.APPLIED) {
                    throw new IllegalStateException(staffNo + ": " + type + " not applied: " + result);
                }
            }
        }
    }

    /**
     * Pulls from this desk's cursor to the end of the feed; returns the 案件 that changed (by id, newest
     * state), and keeps every 案件 seen.
     */
    synchronized Map<String, Kessai> pull() throws IOException {
        Map<String, Kessai> changed = new LinkedHashMap<>();
        for (int page = 0; page < 10_000; page++) {
            String path = "/api/sync/changes?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            KeepAliveClient.Response response = http.get(path, token);
            if (response.status() != 200) {
                throw new IOException(staffNo + ": GET /api/sync/changes → " + response.status() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            PullResponse pulled = json.readValue(response.body(), PullResponse.class);
            for (SyncChange change : pulled.changes()) {
                if (!change.type().equals(EntityTypes.KESSAI)) {
                    continue;
                }
                if (change.deleted()) {
                    kessai.remove(change.id());
                    changed.remove(change.id());
                } else {
                    Kessai k = json.readValue(change.data(), Kessai.class);
                    kessai.put(k.id(), k);
                    changed.put(k.id(), k);
                }
            }
            cursor = pulled.cursor();
            if (!pulled.more()) {
                return changed;
            }
        }
        throw new IllegalStateException(staffNo + ": the feed did not end within 10,000 pages");
    }

    /** The 案件 as this desk last pulled it, or {@code null}. */
    synchronized Kessai kessai(String id) {
        return kessai.get(id);
    }

    /** The 案件 among {@code ids} waiting for this person, in the order of {@code ids}. */
    synchronized List<Kessai> waiting(List<String> ids) {
        List<Kessai> waiting = new ArrayList<>();
        for (String id : ids) {
            Kessai k = kessai.get(id);
            if (k != null && k.awaits(staffNo)) {
                waiting.add(k);
            }
        }
        return waiting;
    }

    private static LoginResponse post(KeepAliveClient http, ObjectMapper json, String path, Object body)
            throws IOException {
        KeepAliveClient.Response response = http.postJson(path, null, json.writeValueAsBytes(body));
        if (response.status() != 200) {
            throw new IOException("POST " + path + " → " + response.status() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readValue(response.body(), LoginResponse.class);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }

    /** Closes the connection (also for desks watched from it). */
    @Override
    public void close() throws IOException {
        http.close();
    }
}
