package org.kairan.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.ServerConfig;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The demo city 伊織市 on a running server, with a logged-in session per person on demand: the people of
 * the 決裁 scenarios send commands and pull what they see, as their desktops would.
 */
public final class DemoDesks implements AutoCloseable {

    public static final String PASSWORD = "kairan-demo-2026";
    /** 財政課 財政係 主事 佐藤　美咲: drafts. */
    public static final String SHUJI = "120002";
    /** 財政係長 田中　直樹. */
    public static final String KAKARICHO = "466475";
    /** 財政課長 野村　健一: decides ¥150,000 by 専決. */
    public static final String KACHO = "120001";
    /** 契約管財係長 酒井　洋平. */
    public static final String KEIYAKU_KAKARICHO = "438784";
    /** 企画財政部長 福島　俊明: has rights over 財政課. */
    public static final String BUCHO = "707657";
    /** 情報政策課長 中西　恵 (管理者): another 課. */
    public static final String JOHO_KACHO = "110001";
    /** 市民課 主任: another 課, nothing to do with 財政課's 決裁. */
    public static final String SHIMIN_SHUNIN = "130001";
    public static final String ZAISEI_KA = "120200";
    public static final String JOHO_KA = "110400";
    public static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    public final RunningServer running;
    private final Map<String, String> sessions = new HashMap<>();

    private final ServerConfig config;

    private DemoDesks(RunningServer running, ServerConfig config) {
        this.running = running;
        this.config = config;
    }

    /**
     * The server stopped and started again on the same data (as after a crash or an update). The desks of the new
     * server have no sessions: the accounts are enrolled already, so use it for what the server does by itself.
     */
    public DemoDesks restarted() {
        running.close();
        return new DemoDesks(RunningServer.start(config), config);
    }

    /** The demo city on H2 ({@code database == null}) or PostgreSQL, numbering with 伊. */
    public static DemoDesks start(Path dataDir, PostgresDatabase database) {
        return start(dataDir, database, KessaiSettings.standard().maxFileBytes());
    }

    /** The demo city on H2 or PostgreSQL, numbering with 伊, taking files up to {@code maxFileBytes}. */
    public static DemoDesks start(Path dataDir, PostgresDatabase database, long maxFileBytes) {
        // the 決裁 tests leave the demo's document libraries empty: ≈80 uploads and their extraction are not theirs
        return start(dataDir, database, maxFileBytes, false, UnaryOperator.identity());
    }

    /** The demo city on H2 with more settings (a speech model, …). */
    public static DemoDesks startWith(Path dataDir, UnaryOperator<ServerConfig.Builder> more) {
        return start(dataDir, null, KessaiSettings.standard().maxFileBytes(), false, more);
    }

    /** The demo city on H2 with its 課 document libraries filled, as {@code --demo} starts it. */
    public static DemoDesks startWithLibraries(Path dataDir) {
        return start(dataDir, null, KessaiSettings.standard().maxFileBytes(), true, UnaryOperator.identity());
    }

    private static DemoDesks start(Path dataDir, PostgresDatabase database, long maxFileBytes, boolean libraries,
            UnaryOperator<ServerConfig.Builder> more) {
        ServerConfig base = RunningServer.config(dataDir, database);
        KessaiSettings standard = KessaiSettings.standard();
        ServerConfig.Builder builder = base.toBuilder().demo(true).demoLibrary(libraries).kessai(new KessaiSettings(
                standard.decisionRules(), standard.substituteOrder(), standard.classes(), standard.numberPattern(), "伊",
                standard.numberAt(), maxFileBytes)).records(base.records().withMaxAttachmentBytes(maxFileBytes));
        ServerConfig config = more.apply(builder).build();
        return new DemoDesks(RunningServer.start(config), config);
    }

    /** Uploads a file as the person's desktop would ({@code PUT /api/files}). */
    public HttpResponse<String> upload(String staffNo, String name, byte[] bytes) {
        return running.send(HttpRequest.newBuilder(running.uri("/api/files")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + session(staffNo))
                .header("X-Kairan-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Uploads a file and names it for a command; fails unless the server keeps it. */
    public FileRef uploaded(String staffNo, String name, byte[] bytes) {
        HttpResponse<String> response = upload(staffNo, name, bytes);
        assertEquals(200, response.statusCode(), "the upload of " + name + " is kept: " + response.body());
        return new FileRef(UUID.randomUUID().toString(), name, running.read(response, StoredFile.class).sha256());
    }

    /** The 文書番号 the next numbered 案件 of 財政課 gets (the demo city's own 決裁 took the first ones). */
    public String nextZaiseiNumber() {
        return nextZaiseiNumber(0);
    }

    /** The 文書番号 {@code later} numbers after the next one of 財政課. */
    public String nextZaiseiNumber(int later) {
        long taken = SyncCommands.count(running, "SELECT COUNT(*) FROM kessai WHERE division_code = ?"
                + " AND document_number IS NOT NULL", ZAISEI_KA);
        return "伊財第" + (taken + 1 + later) + "号";
    }

    public String session(String staffNo) {
        return sessions.computeIfAbsent(staffNo, no -> running.sessionForPassword(no, PASSWORD));
    }

    /** A draft of the purchase: ¥150,000 物品購入, with the rules' route unless one is given. */
    public static KessaiDraft purchase(String id, ApprovalRoute route, List<FileRef> files) {
        return new KessaiDraft(id, "庁舎用複合機の購入について", "契約・財務", "財政課で使う複合機を購入したいので伺います。\n見積書を添付します。",
                "物品購入", 150_000, false, TODAY, route, files);
    }

    public CommandResult send(String staffNo, String type, Object payload) {
        Map<String, Object> body = running.json.convertValue(payload, new TypeReference<Map<String, Object>>() { });
        return SyncCommands.send(running, session(staffNo), List.of(SyncCommands.command(UUID.randomUUID().toString(),
                type, body))).getFirst();
    }

    public CommandResult act(String staffNo, Kessai seen, ActionKind action, String comment) {
        return send(staffNo, org.kairan.core.sync.CommandTypes.ACT_ON_KESSAI, KessaiAction.on(seen, action, comment));
    }

    /** The 案件 as the person's desktop has it after a full pull, or {@code null} when they may not see it. */
    public Kessai seenBy(String staffNo, String id) {
        SyncChange change = SyncPages.pullAll(running, session(staffNo), null, 500).latest()
                .get(EntityTypes.KESSAI + "/" + id);
        if (change == null || change.deleted()) {
            return null;
        }
        try {
            return running.json.readValue(change.data(), Kessai.class);
        } catch (IOException e) {
            throw new AssertionError("the feed's 案件 reads as JSON", e);
        }
    }

    /** The 案件 as someone who sees it has it; fails when they do not. */
    public Kessai as(String staffNo, String id) {
        Kessai kessai = seenBy(staffNo, id);
        assertEquals(id, kessai == null ? null : kessai.id(), staffNo + " sees 案件 " + id);
        return kessai;
    }

    @Override
    public void close() {
        running.close();
    }
}
