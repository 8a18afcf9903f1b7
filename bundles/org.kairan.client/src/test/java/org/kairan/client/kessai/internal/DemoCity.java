package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.internal.JsonCodec;
import org.kairan.client.internal.RealServer;
import org.kairan.client.internal.ScriptedProxy;
import org.kairan.client.testing.NetworkCable;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.CommandTypes;

/**
 * The demo city 伊織市 on one real server per test class, for the desktop's tests against it (決裁, the 課's library,
 * and, from their own package, the 議事録): its 財政課 (the 主事 drafts, the 財政係長 reviews, the 財政課長 decides
 * ¥150,000 by 専決) and the 情報政策課長 for 合議 and 供覧. Desktops reach the server through a {@link NetworkCable} the test can unplug and a {@link ScriptedProxy}
 * that counts requests (and refuses the push stream: the tests sync by hand). Each person logs in once per
 * server (a login spends a TOTP step); the 案件 a test needs are made by that person's commands, as their
 * desktop would send them ({@code POST /api/sync/commands}).
 */
public final class DemoCity implements AutoCloseable {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 財政課 財政係 主事 佐藤　美咲: drafts. */
    public static final String SHUJI = "120002";
    /** 財政係長 田中　直樹: 回議. */
    public static final String KAKARICHO = "466475";
    /** 財政課長 野村　健一: decides ¥150,000 by 専決. */
    public static final String KACHO = "120001";
    /** 情報政策課長 中西　恵: another 課. */
    public static final String JOHO_KACHO = "110001";
    public static final String ZAISEI_KA = "120200";
    public static final String JOHO_KA = "110400";
    public static final String FILES = "/api/files";

    private static final JsonCodec JSON = new JsonCodec();

    public final RealServer server;
    public final ScriptedProxy proxy;
    public final NetworkCable cable;
    private final Path temp;
    private final Map<String, Session> sessions = new HashMap<>();

    private DemoCity(RealServer server, Path temp) throws Exception {
        this.server = server;
        this.temp = temp;
        this.proxy = new ScriptedProxy(server.address);
        proxy.answerWithHtml("/api/sync/events", 404, "<html>no push through this proxy</html>");
        this.cable = new NetworkCable(proxy.address().toString());
    }

    /** Starts the demo server ({@code arguments}: further flags) and the line to it. */
    public static DemoCity start(String name, Path temp, String... arguments) throws Exception {
        return new DemoCity(RealServer.start(name, arguments), temp);
    }

    public static LocalDate today() {
        return LocalDate.now(TOKYO);
    }

    /** The session of {@code staffNo}: logged in (and enrolled) through the cable at the first call. */
    public synchronized Session session(String staffNo) throws Exception {
        Session known = sessions.get(staffNo);
        if (known == null) {
            try (ServerDesktop first = ServerDesktop.logIn(server, staffNo,
                    Files.createTempDirectory(temp, "login-" + staffNo + "-"), via())) {
                known = first.client.session().orElseThrow();
            }
            sessions.put(staffNo, known);
        }
        return known;
    }

    public ServerAddress via() {
        return ServerAddress.parse(cable.url());
    }

    /** A desktop of {@code staffNo} on a fresh workspace, not synced yet. */
    public ServerDesktop desktop(String staffNo, Clock inboxClock) throws Exception {
        return ServerDesktop.resuming(session(staffNo), Files.createTempDirectory(temp, staffNo + "-"), via(),
                inboxClock);
    }

    /** A desktop of {@code staffNo} on a fresh workspace, synced once. */
    public ServerDesktop synced(String staffNo) throws Exception {
        ServerDesktop desktop = desktop(staffNo, Clock.systemDefaultZone());
        desktop.syncNow();
        return desktop;
    }

    // --- what the people do, as commands

    /** A command to send. */
    public record Command(String type, Object payload) {
    }

    /** Sends {@code commands} as {@code staffNo} in batches of 100; each must be applied. */
    public void send(String staffNo, List<Command> commands) throws Exception {
        String token = session(staffNo).token();
        for (int from = 0; from < commands.size(); from += 100) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Command c : commands.subList(from, Math.min(commands.size(), from + 100))) {
                Map<String, Object> command = new LinkedHashMap<>();
                command.put("key", UUID.randomUUID().toString());
                command.put("type", c.type());
                command.put("payload", JSON.mapper().convertValue(c.payload(), Map.class));
                command.put("queuedAt", Instant.now().toString());
                batch.add(command);
            }
            ServerApi.Answer answer = server.api.post("/api/sync/commands", token, Map.of("commands", batch));
            assertEquals(200, answer.status(), "POST /api/sync/commands: " + ServerApi.text(answer));
            for (CommandResult result : JSON.readText(ServerApi.text(answer), CommandResults.class).results()) {
                if (result.outcome() != CommandOutcome.APPLIED) {
                    throw new AssertionError(staffNo + "'s command is applied: " + result);
                }
            }
        }
    }

    public void send(String staffNo, String type, Object payload) throws Exception {
        send(staffNo, List.of(new Command(type, payload)));
    }

    /** The 主事's draft of a purchase, the route the rules give; not sent. */
    public static KessaiDraft draft(String id, String title, long amountYen, ApprovalRoute route,
            List<FileRef> files) {
        return new KessaiDraft(id, title, "契約・財務", title + "の起案理由", "物品購入", amountYen, false, today(), route,
                files);
    }

    public static Command saveDraft(String id, String title, FileRef... files) {
        return new Command(CommandTypes.SAVE_KESSAI_DRAFT, draft(id, title, 150_000, null, List.of(files)));
    }

    public static Command submit(String id) {
        return new Command(CommandTypes.ACT_ON_KESSAI, new KessaiAction(id, ActionKind.SUBMIT, 0, -1, -1, "", false));
    }

    /** The 主事 drafts the ¥150,000 物品購入 {@code title} (with {@code files}); returns its id. */
    public String drafted(String title, FileRef... files) throws Exception {
        String id = UUID.randomUUID().toString();
        send(SHUJI, List.of(saveDraft(id, title, files)));
        return id;
    }

    /** The 主事 drafts and submits it: it waits for the 係長. */
    public String submitted(String title, FileRef... files) throws Exception {
        String id = UUID.randomUUID().toString();
        send(SHUJI, List.of(saveDraft(id, title, files), submit(id)));
        return id;
    }

    /** {@code staffNo} does {@code action} on the 案件 as they see it now. */
    public void act(String staffNo, String id, ActionKind action, String comment) throws Exception {
        send(staffNo, CommandTypes.ACT_ON_KESSAI, KessaiAction.on(as(staffNo, id), action, comment));
    }

    public void sendBack(String staffNo, String id, String reason) throws Exception {
        send(staffNo, CommandTypes.ACT_ON_KESSAI, KessaiAction.sendBack(as(staffNo, id), -1, reason));
    }

    /** Submitted, approved by the 係長 and decided by the 課長. */
    public String decided(String title, FileRef... files) throws Exception {
        String id = submitted(title, files);
        act(KAKARICHO, id, ActionKind.APPROVE, "");
        act(KACHO, id, ActionKind.APPROVE, "");
        return id;
    }

    /** {@code staffNo} is away today (their own 不在); returns the notice, to cancel it. */
    public AbsenceNotice away(String staffNo) throws Exception {
        AbsenceNotice notice = new AbsenceNotice(UUID.randomUUID().toString(), staffNo, today(), today(), "年次休暇",
                false);
        send(staffNo, "absence.set", notice);
        return notice;
    }

    public void back(AbsenceNotice notice) throws Exception {
        send(notice.staffNo(), "absence.set", new AbsenceNotice(notice.absenceId(), notice.staffNo(), notice.from(),
                notice.to(), notice.reason(), true));
    }

    /** The 案件 as {@code staffNo} gets it from the server. */
    public Kessai as(String staffNo, String id) throws Exception {
        ServerApi.Answer answer = server.api.get("/api/kessai/" + id, session(staffNo).token());
        assertEquals(200, answer.status(), "GET /api/kessai/" + id + ": " + ServerApi.text(answer));
        return JSON.readText(ServerApi.text(answer), Kessai.class);
    }

    /** Uploads a file as {@code staffNo}'s desktop would and names it for a command. */
    public FileRef uploaded(String staffNo, String name, byte[] content) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(server.process.url() + "/api/files")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + session(staffNo).token())
                .header("X-Kairan-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "the upload of " + name + " is kept: " + response.body());
        return new FileRef(UUID.randomUUID().toString(), name, JSON.readText(response.body(), StoredFile.class).sha256());
    }

    /** Where the server keeps the file with this hash. */
    public Path storedFile(String sha256) {
        return server.process.dataDirectory().resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public void close() throws Exception {
        cable.close();
        proxy.close();
        server.close();
    }
}
