package org.kairan.client.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.OutboxFile;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncProgress;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.files.FileRefusal;
import org.kairan.core.protocol.SessionUser;
import org.kairan.core.sync.CommandTypes;

/**
 * Files named by queued actions: copied into the outbox at once (checked and hashed), uploaded by the sync
 * engine before the action that names them, refused uploads settle only their own action with the server's
 * reason, and a broken connection leaves the action for the next sync — in the order the user acted.
 */
class OutboxUploadTest {

    private static final long LIMIT = 10 * 1024 * 1024;
    private static final SessionUser CLERK = new SessionUser("120002", "佐藤　花子", "さとう　はなこ", "120201",
            "企画財政部 財政課 財政係", "主事", Set.of());

    @TempDir
    Path workspace;
    @TempDir
    Path documents;

    private InMemoryServer server;
    private DefaultSyncService sync;

    @BeforeEach
    void openDesktop() {
        server = new InMemoryServer(CLERK);
        sync = desktop();
    }

    private DefaultSyncService desktop() {
        DefaultSyncService service = new DefaultSyncService(server, workspace.resolve(".kairan"), Clock.systemUTC(),
                SyncEvents.NONE);
        service.sessionStarted(server.session().orElseThrow());
        return service;
    }

    @AfterEach
    void closeDesktop() {
        sync.sessionEnded();
    }

    private Path document(String name, String text) throws Exception {
        return Files.writeString(documents.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    /** A command that names files (a 回覧 acknowledgement stands in for the 決裁 commands here). */
    private QueuedAction actWith(String id, OutboxFile... files) {
        return sync.enqueue(CommandTypes.ACKNOWLEDGE_CIRCULAR, new CircularRef(id), List.of(files));
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

    @Test
    void aStagedFileIsAnOwnerOnlyCopyNamedByItsHash() throws Exception {
        Path original = document("見積書.pdf", "%PDF-1.7 見積書 株式会社伊織事務機 ¥150,000");
        OutboxFile staged = sync.stageFile(original, LIMIT);

        assertEquals(InMemoryServer.sha256(bytes(original)), staged.sha256(), "the file is known by its SHA-256");
        assertEquals("見積書.pdf", staged.name(), "with the name the user chose");
        assertEquals("application/pdf", staged.mediaType(), "a PDF is recognised by its content");
        Path copy = sync.userDirectory().orElseThrow().resolve("outbox").resolve(staged.sha256());
        assertTrue(Files.isRegularFile(copy), "the outbox holds a copy under the hash");
        Files.writeString(original, "%PDF-1.7 書き換えた内容");
        assertEquals(InMemoryServer.sha256(Files.readAllBytes(copy)), staged.sha256(),
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
        Path quote = document("見積書.pdf", "%PDF-1.7 見積書");
        Path spec = document("仕様書.pdf", "%PDF-1.7 仕様書");
        OutboxFile q = sync.stageFile(quote, LIMIT);
        OutboxFile s = sync.stageFile(spec, LIMIT);
        QueuedAction action = actWith("a1", q, s);

        Desktop.await(Duration.ofSeconds(20), "the action is applied", () -> state(action) == ActionState.APPLIED);
        assertEquals(List.of("upload " + q.sha256(), "upload " + s.sha256(),
                "command " + CommandTypes.ACKNOWLEDGE_CIRCULAR + " " + action.key()), server.log,
                "both files reach the server before the action that names them");
        Desktop.await(Duration.ofSeconds(5), "an applied action's files leave the outbox",
                () -> sync.stagedFile(q.sha256()).isEmpty() && sync.stagedFile(s.sha256()).isEmpty());
        assertFalse(Files.exists(sync.userDirectory().orElseThrow().resolve("outbox").resolve(q.sha256())),
                "and their bytes are deleted");
    }

    @Test
    void aRefusedFileRejectsOnlyItsOwnActionWithTheServersReasonAndTheQueueGoesOn() throws Exception {
        server.reachable(false);
        Path locked = document("パスワード付き.pdf", "%PDF-1.7 /Encrypt");
        server.refuse(bytes(locked), FileRefusal.ENCRYPTED, "パスワードで保護されたPDFは添付できません。保護を解除してから添付してください。");
        Path fine = document("見積書.pdf", "%PDF-1.7 見積書");
        QueuedAction before = actWith("before");
        QueuedAction refused = actWith("locked", sync.stageFile(locked, LIMIT));
        QueuedAction after = actWith("after", sync.stageFile(fine, LIMIT));
        QueuedAction last = actWith("last");
        server.reachable(true);

        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the queue drains", () -> sync.status().queued() == 0);

        QueuedAction outcome = sync.action(refused.key()).orElseThrow();
        assertEquals(ActionState.REJECTED, outcome.state(), "the action with the encrypted PDF is refused");
        assertEquals("ENCRYPTED", outcome.code(), "with the server's reason as code, for the UI's own words");
        assertEquals("「パスワード付き.pdf」: パスワードで保護されたPDFは添付できません。保護を解除してから添付してください。",
                outcome.message(), "and its Japanese message, naming the file, for 送信状況");
        for (QueuedAction a : List.of(before, after, last)) {
            assertEquals(ActionState.APPLIED, state(a), "the other actions are applied");
        }
        assertEquals(List.of(before.key(), after.key(), last.key()),
                server.commands.stream().map(c -> c.key()).toList(),
                "in the order the user acted; the refused one never reaches the command route");
        assertEquals(1, sync.status().conflicts(), "送信状況 counts the refusal like a conflict");
        String lockedSha = InMemoryServer.sha256(bytes(locked));
        assertTrue(sync.stagedFile(lockedSha).isPresent(), "the refused file stays while the refusal is shown");

        sync.dismiss(refused.key());
        assertTrue(sync.stagedFile(lockedSha).isEmpty(), "once the user dismissed the refusal the file goes");
    }

    @Test
    void aConnectionLostDuringAnUploadHoldsBackItsActionAndTheRetryIsHarmless() throws Exception {
        server.reachable(false);
        Path quote = document("見積書.pdf", "%PDF-1.7 見積書");
        server.breakUploadsOf(bytes(quote));
        QueuedAction first = actWith("first");
        QueuedAction withFile = actWith("with-file", sync.stageFile(quote, LIMIT));
        QueuedAction third = actWith("third");
        server.reachable(true);

        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the action before the upload is sent",
                () -> state(first) == ActionState.APPLIED);
        syncIgnoringNetwork();
        assertEquals(ActionState.QUEUED, state(withFile), "the action whose file does not get through waits");
        assertEquals(ActionState.QUEUED, state(third), "and so does everything after it, to keep the order");
        assertEquals(List.of(first.key()), server.commands.stream().map(c -> c.key()).toList(),
                "only the action before it reached the command route");

        server.repairUploads();
        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "once uploads get through the rest is sent",
                () -> state(withFile) == ActionState.APPLIED && state(third) == ActionState.APPLIED);
        String sha = InMemoryServer.sha256(bytes(quote));
        assertTrue(server.uploads.get(sha) >= 3,
                "the file was uploaded again after each broken answer (harmless: the server keeps it once by content)");
        assertEquals(List.of(first.key(), withFile.key(), third.key()), server.commands.stream().map(c -> c.key()).toList(),
                "each action reached the server once, in the order the user acted");
    }

    @Test
    void filesOfQueuedActionsSurviveARestartOfTheDesktop() throws Exception {
        server.reachable(false);
        Path quote = document("見積書.pdf", "%PDF-1.7 見積書");
        OutboxFile staged = sync.stageFile(quote, LIMIT);
        QueuedAction action = actWith("after-restart", staged);
        Files.delete(quote);
        sync.sessionEnded();

        sync = desktop();
        assertTrue(sync.stagedFile(staged.sha256()).isPresent(), "the outbox keeps the file across the restart");
        server.reachable(true);
        syncIgnoringNetwork();
        Desktop.await(Duration.ofSeconds(20), "the action is applied after the restart",
                () -> state(action) == ActionState.APPLIED);
        assertTrue(server.files.containsKey(staged.sha256()), "with its file, although the original was deleted");
    }

    @Test
    void theSameContentUnderTwoNamesIsUploadedOnce() throws Exception {
        OutboxFile quote = sync.stageFile(document("見積書.pdf", "%PDF-1.7 見積書"), LIMIT);
        OutboxFile copy = sync.stageFile(document("見積書（写し）.pdf", "%PDF-1.7 見積書"), LIMIT);
        QueuedAction action = actWith("twice", quote, copy);
        Desktop.await(Duration.ofSeconds(20), "the action is applied", () -> state(action) == ActionState.APPLIED);
        assertEquals(1, server.uploads.get(quote.sha256()), "one upload for one content");
    }

    @Test
    void anActionCannotNameAFileThatWasNeverStaged() {
        OutboxFile unknown = new OutboxFile("0".repeat(64), "どこにもない.pdf", "application/pdf", 10);
        assertThrows(IllegalArgumentException.class, () -> actWith("x", unknown),
                "naming a file that is not in the outbox is a programming error");
        assertTrue(sync.actions().isEmpty(), "and nothing is queued");
    }
}
