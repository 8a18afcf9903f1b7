package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.ServerAddress;
import org.kairan.client.Session;
import org.kairan.client.internal.HttpKairanServerClient;
import org.kairan.client.internal.JsonCodec;
import org.kairan.client.internal.RealServer;
import org.kairan.client.internal.ScriptedProxy;
import org.kairan.client.kessai.internal.Pdfs;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncProgress;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.NetworkCable;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.sync.CommandTypes;

/**
 * Files named by queued actions: copied into the outbox at once (checked and hashed), uploaded by the sync
 * engine before the action that names them, refused uploads settle only their own action with the server's
 * reason, and a broken connection leaves the action for the next sync — in the order the user acted. Against
 * the real server (the demo city's 財政係 主事 drafting 決裁 with files), reached through a network cable the
 * test can unplug and a {@link ScriptedProxy} that can lose the answer to an upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxUploadTest {

    private static final long LIMIT = 10 * 1024 * 1024;
    private static final String CLERK = DemoAccounts.FINANCE_CLERK;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String FILES = "/api/files";
    private static final JsonCodec JSON = new JsonCodec();

    @TempDir
    static Path temp;

    private RealServer server;
    private ScriptedProxy proxy;
    private NetworkCable cable;
    private Session session;

    private Path workspace;
    private Path documents;
    private HttpKairanServerClient client;
    private DefaultSyncService sync;

    @BeforeAll
    void startServer() throws Exception {
        server = RealServer.start("outbox-upload");
        proxy = new ScriptedProxy(server.address);
        proxy.answerWithHtml("/api/sync/events", 404, "<html>no push through this proxy</html>");
        cable = new NetworkCable(proxy.address().toString());
        try (Desktop first = Desktop.logIn(server, CLERK, Files.createTempDirectory(temp, "login-"))) {
            session = first.client.session().orElseThrow();
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        cable.close();
        proxy.close();
        server.close();
    }

    @BeforeEach
    void openDesktop() throws Exception {
        cable.plugIn();
        proxy.passThrough(FILES);
        workspace = Files.createTempDirectory(temp, "desktop-");
        documents = Files.createTempDirectory(temp, "documents-");
        client = RealServer.clientResuming(workspace, session, ServerAddress.parse(cable.url()));
        sync = desktop();
    }

    private DefaultSyncService desktop() {
        DefaultSyncService service = new DefaultSyncService(client, workspace.resolve(".kairan"), Clock.systemUTC(),
                SyncEvents.NONE);
        service.sessionStarted(client.session().orElseThrow());
        return service;
    }

    @AfterEach
    void closeDesktop() {
        sync.sessionEnded();
    }

    private Path document(String name, String text) throws Exception {
        return Files.writeString(documents.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A readable one-page PDF (the server checks PDFs by content); {@code text} is ASCII. */
    private Path pdf(String name, String text) throws Exception {
        return Files.write(documents.resolve(name), Pdfs.onePage(text));
    }

    private static byte[] bytes(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static FileRef ref(OutboxFile file) {
        return new FileRef(UUID.randomUUID().toString(), file.name(), file.sha256());
    }

    /** The clerk saves a 起案 of a purchase naming {@code files} (the route: what the rules give). */
    private QueuedAction draft(String id, String title, OutboxFile... files) {
        List<OutboxFile> staged = List.of(files);
        return sync.enqueue(CommandTypes.SAVE_KESSAI_DRAFT, new KessaiDraft(id, title, "契約・財務",
                title + "の起案理由", "物品購入", 150_000, false, LocalDate.now(TOKYO), null,
                staged.stream().map(OutboxFile.class::cast).map(OutboxUploadTest::ref).toList()), staged);
    }

    private QueuedAction attach(String id, OutboxFile file) {
        return sync.enqueue(CommandTypes.ATTACH_TO_KESSAI, new AttachFile(id, ref(file)), List.of(file));
    }

    /** The 起案 {@code id} as the server keeps it (asked directly, as the clerk), or {@code null} if unknown. */
    private Kessai onServer(String id) {
        ServerApi.Answer answer = server.api.get("/api/kessai/" + id, session.token());
        if (answer.status() == 404) {
            return null;
        }
        assertEquals(200, answer.status(), "GET /api/kessai/" + id + ": " + ServerApi.text(answer));
        return JSON.readText(ServerApi.text(answer), Kessai.class);
    }

    /** The submission of the clerk's 起案 {@code id}, as the desktop queues it before the 起案 reached the server. */
    private QueuedAction submit(String id) {
        return sync.enqueue(CommandTypes.ACT_ON_KESSAI, new KessaiAction(id, ActionKind.SUBMIT, 0, -1, -1, "", false));
    }

    private static List<KessaiEvent> submissions(Kessai k) {
        return k.history().stream().filter(e -> e.action() == ActionKind.SUBMIT).toList();
    }

    private void syncIgnoringNetwork() {
        try {
            sync.syncNow(SyncProgress.NONE);
        } catch (Exception e) {
            // the engine retries by itself; the test looks at the outcome
        }
    }

    private ActionState state(QueuedAction a) {
        return sync.action(a.key()).orElseThrow().state();
    }

    private static List<String> names(Kessai k) {
        return k.attachments().stream().map(Attachment::name).toList();
    }

    @Test
    void aStagedFileIsAnOwnerOnlyCopyNamedByItsHash() throws Exception {
        Path original = document("見積書.pdf", "%PDF-1.7 見積書 株式会社伊織事務機 ¥150,000");
        OutboxFile staged = sync.stageFile(original, LIMIT);

        assertEquals(sha256(bytes(original)), staged.sha256(), "the file is known by its SHA-256");
        assertEquals("見積書.pdf", staged.name(), "with the name the user chose");
        assertEquals("application/pdf", staged.mediaType(), "a PDF is recognised by its content");
        Path copy = sync.userDirectory().orElseThrow().resolve("outbox").resolve(staged.sha256());
        assertTrue(Files.isRegularFile(copy), "the outbox holds a copy under the hash");
        Files.writeString(original, "%PDF-1.7 書き換えた内容");
        assertEquals(sha256(Files.readAllBytes(copy)), staged.sha256(),
                "changing the original after attaching it does not change what is sent");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent())),
                "only the user can read the outbox");
    }

    @Test
    void anEmptyOrTooLargeFileIsRefusedAtOnceNamingIt() throws Exception {
        Path empty = document("空の文書.pdf", "");
        FileNotAcceptedException refused = assertThrows(FileNotAcceptedException.class,
                () -> sync.stageFile(empty, LIMIT), "a 0-byte file is refused when it is attached");
        assertEquals(FileRefusal.EMPTY, refused.reason());
        assertTrue(refused.getMessage().contains("空の文書.pdf"), "the message names the file: " + refused.getMessage());

        Path large = document("図面.pdf", "%PDF-" + "x".repeat(2_000));
        FileNotAcceptedException tooLarge = assertThrows(FileNotAcceptedException.class,
                () -> sync.stageFile(large, 1_000), "a file over the city's limit is refused when it is attached");
        assertEquals(FileRefusal.TOO_LARGE, tooLarge.reason());
        assertTrue(tooLarge.getMessage().contains("図面.pdf"), "the message names the file: " + tooLarge.getMessage());
        Path outbox = sync.userDirectory().orElseThrow().resolve("outbox");
        if (Files.isDirectory(outbox)) {
            try (var left = Files.list(outbox)) {
                assertEquals(0, left.count(), "nothing refused stays in the outbox");
            }
        }
    }

    @Test
    void theFilesOfAnActionAreUploadedBeforeTheActionAndDeletedOnceItIsApplied() throws Exception {
        OutboxFile q = sync.stageFile(pdf("見積書.pdf", "Mitsumorisho"), LIMIT);
        OutboxFile s = sync.stageFile(pdf("仕様書.pdf", "Shiyousho"), LIMIT);
        String id = UUID.randomUUID().toString();
        QueuedAction action = draft(id, "庁舎用プリンタ購入について", q, s);

        Desktop.await(Duration.ofSeconds(20), "the action is applied", () -> state(action) == ActionState.APPLIED);
        assertEquals(List.of("見積書.pdf", "仕様書.pdf"), names(onServer(id)),
                "both files reached the server before the action that names them (it refuses a 起案 naming a "
                        + "file it does not have)");
        Desktop.await(Duration.ofSeconds(5), "an applied action's files leave the outbox",
                () -> sync.stagedFile(q.sha256()).isEmpty() && sync.stagedFile(s.sha256()).isEmpty());
        assertFalse(Files.exists(sync.userDirectory().orElseThrow().resolve("outbox").resolve(q.sha256())),
                "and their bytes are deleted");
    }

    @Test
    void aRefusedFileRejectsOnlyItsOwnActionWithTheServersReasonAndTheQueueGoesOn() throws Exception {
        cable.unplug();
        Path locked = Files.write(documents.resolve("パスワード付き.pdf"), Pdfs.passwordProtected());
        Path fine = pdf("見積書.pdf", "Mitsumorisho");
        String id = UUID.randomUUID().toString();
        QueuedAction before = draft(id, "会議室プロジェクタ購入");
        QueuedAction refused = attach(id, sync.stageFile(locked, LIMIT));
        QueuedAction after = attach(id, sync.stageFile(fine, LIMIT));
        QueuedAction last = submit(id);
        cable.plugIn();

        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the queue drains", () -> sync.status().queued() == 0);

        QueuedAction outcome = sync.action(refused.key()).orElseThrow();
        assertEquals(ActionState.REJECTED, outcome.state(), "the action with the encrypted PDF is refused");
        assertEquals("ENCRYPTED", outcome.code(), "with the server's reason as code, for the UI's own words");
        assertTrue(outcome.message().startsWith("「パスワード付き.pdf」") && outcome.message().contains("パスワード"),
                "and its Japanese message, naming the file, for 送信状況: " + outcome.message());
        for (QueuedAction a : List.of(before, after, last)) {
            assertEquals(ActionState.APPLIED, state(a), "the other actions are applied");
        }
        Kessai k = onServer(id);
        assertEquals(List.of("見積書.pdf"), names(k), "the refused file never reached the 案件");
        KessaiEvent submitted = submissions(k).getFirst();
        assertTrue(!k.attachments().getFirst().addedAt().isAfter(submitted.at()),
                "in the order the user acted: the 起案, its file, then its submission");
        assertEquals(1, sync.status().conflicts(), "送信状況 counts the refusal like a conflict");
        String lockedSha = sha256(bytes(locked));
        assertTrue(sync.stagedFile(lockedSha).isPresent(), "the refused file stays while the refusal is shown");

        sync.dismiss(refused.key());
        assertTrue(sync.stagedFile(lockedSha).isEmpty(), "once the user dismissed the refusal the file goes");
    }

    @Test
    void aConnectionLostDuringAnUploadHoldsBackItsActionAndTheRetryIsHarmless() throws Exception {
        cable.unplug();
        Path quote = pdf("見積書.pdf", "Mitsumorisho lost answer");
        proxy.cutAfterForwarding(FILES);
        String id = UUID.randomUUID().toString();
        QueuedAction first = draft(id, "公用車タイヤ交換");
        QueuedAction withFile = attach(id, sync.stageFile(quote, LIMIT));
        QueuedAction third = submit(id);
        int uploadsBefore = proxy.requestsFor(FILES);
        cable.plugIn();

        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the action before the upload is sent",
                () -> state(first) == ActionState.APPLIED);
        syncIgnoringNetwork();
        assertEquals(ActionState.QUEUED, state(withFile), "the action whose file does not get through waits");
        assertEquals(ActionState.QUEUED, state(third), "and so does everything after it, to keep the order");
        Kessai meanwhile = onServer(id);
        assertTrue(meanwhile.attachments().isEmpty() && submissions(meanwhile).isEmpty(),
                "only the action before it reached the command route: the 起案 is there, unsubmitted, without file");

        proxy.passThrough(FILES);
        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "once uploads get through the rest is sent",
                () -> state(withFile) == ActionState.APPLIED && state(third) == ActionState.APPLIED);
        assertTrue(proxy.requestsFor(FILES) - uploadsBefore >= 3,
                "the file was uploaded again after each broken answer (harmless: the server keeps it once by content)");
        Kessai k = onServer(id);
        assertEquals(List.of("見積書.pdf"), names(k), "each action reached the server once: one file, not two versions");
        assertEquals(1, submissions(k).size(), "one submission");
        assertTrue(!k.attachments().getFirst().addedAt().isAfter(submissions(k).getFirst().at()),
                "in the order the user acted: the file before the submission");
    }

    @Test
    void filesOfQueuedActionsSurviveARestartOfTheDesktop() throws Exception {
        cable.unplug();
        Path quote = pdf("見積書.pdf", "Mitsumorisho after restart");
        byte[] content = bytes(quote);
        OutboxFile staged = sync.stageFile(quote, LIMIT);
        String id = UUID.randomUUID().toString();
        QueuedAction action = draft(id, "コピー用紙の購入", staged);
        Files.delete(quote);
        sync.sessionEnded();

        sync = desktop();
        assertTrue(sync.stagedFile(staged.sha256()).isPresent(), "the outbox keeps the file across the restart");
        cable.plugIn();
        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the action is applied after the restart",
                () -> state(action) == ActionState.APPLIED);
        ServerApi.Answer stored = server.api.get("/api/files/" + staged.sha256(), session.token());
        assertEquals(200, stored.status(), "the server has the file");
        assertArrayEquals(content, stored.body(), "with its file, although the original was deleted");
    }

    @Test
    void theSameContentUnderTwoNamesIsUploadedOnce() throws Exception {
        byte[] content = Pdfs.onePage("Mitsumorisho twice");
        OutboxFile quote = sync.stageFile(Files.write(documents.resolve("見積書.pdf"), content), LIMIT);
        OutboxFile copy = sync.stageFile(Files.write(documents.resolve("見積書（写し）.pdf"), content), LIMIT);
        int uploadsBefore = proxy.requestsFor(FILES);
        QueuedAction action = draft(UUID.randomUUID().toString(), "出張旅費の精算", quote, copy);
        Desktop.await(Duration.ofSeconds(20), "the action is applied", () -> state(action) == ActionState.APPLIED);
        assertEquals(1, proxy.requestsFor(FILES) - uploadsBefore, "one upload for one content");
    }

    @Test
    void anActionCannotNameAFileThatWasNeverStaged() {
        OutboxFile unknown = new OutboxFile("0".repeat(64), "どこにもない.pdf", "application/pdf", 10);
        assertThrows(IllegalArgumentException.class, () -> draft("x", "どこにもない", unknown),
                "naming a file that is not in the outbox is a programming error");
        assertTrue(sync.actions().isEmpty(), "and nothing is queued");
    }
}
