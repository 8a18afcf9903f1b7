package org.kairan.server.kessai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.*;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.files.StoredFile;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.record.RecordSigningKey;
import org.kairan.server.record.RecordVerification;
import org.kairan.server.record.RecordVerifier;
import org.kairan.server.record.TestPdfs;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.SyncCommands;

/**
 * Files and the PDF of record: uploads checked by content (encrypted, broken, empty, too large → a clear
 * refusal, nothing kept), files added during the route as new versions, downloads only for those who see
 * the 案件, and the signed PDF of record of a decision with its seals in 和暦.
 */
class KessaiRecordTest {

    private static final long LIMIT = 2L << 20;

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    DemoDesks desks;

    @BeforeEach
    void start() {
        desks = DemoDesks.start(dataDir, null, LIMIT);
    }

    @AfterEach
    void stop() {
        desks.close();
    }

    private byte[] pdf(String name, int pages) throws IOException {
        return Files.readAllBytes(TestPdfs.japanesePages(work.resolve(name), pages));
    }

    /** Files people uploaded (records of earlier tests' 決裁, kept by the server, may land meanwhile). */
    private long storedFiles() {
        return SyncCommands.count(desks.running, "SELECT COUNT(*) FROM stored_file WHERE uploaded_by <> 'server'");
    }

    private String submitted(List<FileRef> files) {
        String id = UUID.randomUUID().toString();
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(id, null, files));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), "the draft with its files is saved: " + saved);
        assertEquals(CommandOutcome.APPLIED, desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "").outcome());
        return id;
    }

    @Test
    void aPdfIsKeptByItsContentAndBadFilesAreRefusedWithTheirReasonKeepingNothing() throws IOException {
        byte[] good = pdf("見積書.pdf", 3);
        HttpResponse<String> kept = desks.upload(SHUJI, "見積書.pdf", good);
        assertEquals(200, kept.statusCode(), kept.body());
        StoredFile stored = desks.running.read(kept, StoredFile.class);
        assertEquals(3, stored.pages(), "the pages of the PDF are counted");
        assertEquals("application/pdf", stored.mediaType());
        assertEquals(stored, desks.running.read(desks.upload(SHUJI, "コピー.pdf", good), StoredFile.class),
                "the same bytes again are the same file");
        long before = storedFiles();

        assertRefused(desks.upload(SHUJI, "保護.pdf", Files.readAllBytes(TestPdfs.passwordProtected(work.resolve("p.pdf")))),
                422, "ENCRYPTED");
        assertRefused(desks.upload(SHUJI, "空.pdf", new byte[0]), 422, "EMPTY");
        assertRefused(desks.upload(SHUJI, "壊れた.pdf", Arrays.copyOf(good, good.length / 2)), 422, "CORRUPT");
        assertRefused(desks.upload(SHUJI, "大きすぎる.pdf", new byte[(int) LIMIT + 1]), 413, "TOO_LARGE");
        assertEquals(before, storedFiles(), "a refused upload keeps nothing");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), "refused with " + status + ": " + response.body());
        assertTrue(response.body().contains("\"field\":\"" + reason + "\""), "the reason is " + reason + ": " + response.body());
        assertTrue(response.body().matches("(?s).*[ぁ-んァ-ン一-龥].*"), "with a Japanese message: " + response.body());
    }

    @Test
    void aDraftNamingAFileThatWasNeverUploadedIsRefused() {
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(UUID.randomUUID().toString(),
                null, List.of(new FileRef(UUID.randomUUID().toString(), "見積書.pdf", "ab".repeat(32)))));
        assertEquals(CommandCodes.FILE_MISSING, saved.code(), "the drafter is told to attach it again: " + saved);
    }

    @Test
    void filesAreAddedDuringTheRouteAsNewVersionsAndOnlyThoseWhoSeeTheKessaiDownloadThem() throws IOException {
        byte[] first = pdf("v1.pdf", 1);
        String id = submitted(List.of(desks.uploaded(SHUJI, "見積書.pdf", first)));
        FileRef second = desks.uploaded(KAKARICHO, "見積書.pdf", pdf("v2.pdf", 2));
        CommandResult attached = desks.send(KAKARICHO, CommandTypes.ATTACH_TO_KESSAI, new AttachFile(id, second));
        assertEquals(CommandOutcome.APPLIED, attached.outcome(), "the 係長 adds a file on the route: " + attached);
        Kessai k = desks.as(KACHO, id);
        assertEquals(2, k.attachments().size(), "the first version is kept");
        assertEquals(2, k.currentAttachments().getFirst().version(), "the new one is version 2");

        CommandResult edit = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(id, null, List.of()));
        assertEquals(CommandCodes.NOT_EDITABLE, edit.code(), "on its route a 案件 cannot be edited to drop files");

        String sha = k.attachments().getFirst().sha256();
        HttpResponse<byte[]> byKacho = download("/api/files/" + sha, KACHO);
        assertEquals(200, byKacho.statusCode(), "the 課長 on the route downloads it");
        assertArrayEquals(first, byKacho.body(), "byte for byte");
        assertEquals(404, download("/api/files/" + sha, SHIMIN_SHUNIN).statusCode(), "a 市民課 主任 gets nothing");
    }

    @Test
    void theDecisionMakesASignedPdfOfRecordWithTheSealsInWarekiThatVerifies() throws Exception {
        String id = submitted(List.of(desks.uploaded(SHUJI, "見積書.pdf", pdf("quote.pdf", 5))));
        assertEquals(CommandOutcome.APPLIED, desks.act(KAKARICHO, desks.as(KAKARICHO, id), ActionKind.APPROVE, "").outcome());
        assertEquals(CommandOutcome.APPLIED, desks.act(KACHO, desks.as(KACHO, id), ActionKind.APPROVE, "").outcome());

        Kessai decided = awaitRecord(id);
        HttpResponse<byte[]> record = download("/api/kessai/" + id + "/record", SHUJI);
        assertEquals(200, record.statusCode(), "the drafter downloads the PDF of record");
        assertTrue(record.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"));
        Path file = Files.write(work.resolve("record.pdf"), record.body());

        RecordSigningKey key = RecordSigningKey.existing(RecordSettings.defaults(), dataDir);
        RecordVerification verification = new RecordVerifier(key.certificate()).verify(file);
        assertTrue(verification.valid(), "the record is signed by the server and unchanged: " + verification.message());

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertEquals(decided.record().pages(), pdf.getNumberOfPages());
            assertTrue(pdf.getNumberOfPages() >= 6, "the 鑑 and the 5 pages of the 見積書");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String cover = stripper.getText(pdf);
            for (String expected : List.of("庁舎用複合機の購入について", decided.documentNumber(), "令和8年4月1日", "野村", "田中",
                    "佐藤", "専決")) {
                assertTrue(cover.replaceAll("\\s", "").contains(expected.replaceAll("\\s", "")),
                        "the 鑑 shows " + expected + ":\n" + cover);
            }
        }
        assertEquals(1, SyncCommands.count(desks.running, "SELECT COUNT(*) FROM audit_log WHERE action = '決裁記録の作成'"
                + " AND result = 'SUCCESS' AND detail LIKE ?", "%" + decided.record().sha256() + "%"),
                "making the record is in the audit log with its hash");
    }

    private Kessai awaitRecord(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Kessai k = desks.as(SHUJI, id);
            if (k.record() != null) {
                return k;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the PDF of record of " + id + " was made within 60 s of the decision");
    }

    private HttpResponse<byte[]> download(String path, String staffNo) {
        return desks.running.send(HttpRequest.newBuilder(desks.running.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + desks.session(staffNo)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
