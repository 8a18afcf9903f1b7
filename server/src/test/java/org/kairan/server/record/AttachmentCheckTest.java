package org.kairan.server.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.record.AttachmentCheck.Reason;
import org.kairan.server.record.AttachmentCheck.Result;

/** What a person uploading an attachment is told, before the file is stored. */
class AttachmentCheckTest {

    @TempDir
    Path dir;

    private final AttachmentCheck check = new AttachmentCheck(RecordSettings.DEFAULT_MAX_ATTACHMENT);

    @Test
    void aGoodThreePagePdfIsAcceptedWithItsPageCount() throws IOException {
        Result result = check.check(TestPdfs.japanesePages(dir.resolve("見積書.pdf"), 3), "見積書.pdf");
        assertTrue(result.accepted(), "a good PDF is accepted: " + result.message());
        assertTrue(result.pdf(), "and known as a PDF");
        assertEquals(3, result.pageCount(), "with its three pages");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws IOException {
        Result result = check.check(TestPdfs.passwordProtected(dir.resolve("a.pdf")), "見積書.pdf");
        assertEquals(Reason.PDF_ENCRYPTED, result.reason(), "a PDF that needs a password cannot go into a record");
        assertTrue(result.message().contains("パスワード") && result.message().contains("見積書.pdf"),
                "the message says why, in Japanese, naming the file: " + result.message());
        assertTrue(result.message().contains("(the PDF is password-protected)"), "with English in parentheses");
    }

    @Test
    void aPdfWithCopyingAndEditingRestrictedIsRefusedToo() throws IOException {
        Result result = check.check(TestPdfs.restricted(dir.resolve("a.pdf")), "仕様書.pdf");
        assertEquals(Reason.PDF_ENCRYPTED, result.reason(), "restrictions would forbid binding it into the record");
        assertTrue(result.message().contains("制限"), "the message says it is restricted: " + result.message());
    }

    @Test
    void aTruncatedPdfIsRefusedAsBroken() throws IOException {
        byte[] whole = Files.readAllBytes(TestPdfs.japanesePages(dir.resolve("whole.pdf"), 3));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(whole, whole.length / 2));
        Result result = check.check(truncated, "見積書.pdf");
        assertEquals(Reason.PDF_BROKEN, result.reason(), "half a PDF (an interrupted upload) is refused");
        assertTrue(result.message().contains("途中で切れて"), "the message says it is cut off: " + result.message());
    }

    @Test
    void garbageThatStartsLikeAPdfIsRefusedAsBroken() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(12).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[header.length + garbage.length + trailer.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(garbage, 0, file, header.length, garbage.length);
        System.arraycopy(trailer, 0, file, header.length + garbage.length, trailer.length);
        Result result = check.check(Files.write(dir.resolve("x.pdf"), file), "破損.pdf");
        assertFalse(result.accepted(), "random bytes behind a PDF header are not a document: " + result.message());
        assertTrue(result.reason() == Reason.PDF_BROKEN || result.reason() == Reason.PDF_NO_PAGES,
                "refused as broken (or pageless), was " + result.reason());
    }

    @Test
    void aPdfWithoutPagesIsRefused() throws IOException {
        Path empty = dir.resolve("empty.pdf");
        try (PDDocument document = new PDDocument()) {
            document.save(empty.toFile());
        }
        Result result = check.check(empty, "白紙.pdf");
        assertEquals(Reason.PDF_NO_PAGES, result.reason(), "a PDF with no page has nothing to bind");
        assertTrue(result.message().contains("ページがありません"), result.message());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Result result = check.check(Files.createFile(dir.resolve("空.pdf")), "空.pdf");
        assertEquals(Reason.EMPTY, result.reason(), "a 0-byte file is refused");
        assertTrue(result.message().contains("0バイト"), result.message());
    }

    @Test
    void aFileOverTheConfiguredLimitIsRefusedBeforeItIsOpened() throws IOException {
        Path pdf = TestPdfs.japanesePages(dir.resolve("big.pdf"), 3);
        Result result = new AttachmentCheck(1000).check(pdf, "大きな図面.pdf");
        assertEquals(Reason.TOO_LARGE, result.reason(), "over the configured limit is refused");
        assertTrue(result.message().contains("超えています") && result.message().contains("1000 bytes"),
                "the message names the limit: " + result.message());
        assertTrue(new AttachmentCheck(Files.size(pdf)).check(pdf, "ちょうど.pdf").accepted(), "exactly the limit is fine");
    }

    @Test
    void aPdfIsKnownByItsContentNotItsName() throws IOException {
        Path pdfNamedTxt = TestPdfs.japanesePages(dir.resolve("scan.txt"), 2);
        Result asPdf = check.check(pdfNamedTxt, "scan.txt");
        assertTrue(asPdf.pdf() && asPdf.pageCount() == 2, "a PDF with another name is still checked as a PDF");
        Path textNamedPdf = Files.writeString(dir.resolve("memo.pdf"), "ただのメモです");
        Result asText = check.check(textNamedPdf, "memo.pdf");
        assertTrue(asText.accepted() && !asText.pdf(), "a text file named .pdf is an ordinary file (embedded in the record)");
    }
}
