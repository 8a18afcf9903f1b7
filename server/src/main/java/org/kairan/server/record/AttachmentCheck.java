package org.kairan.server.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Checks an uploaded file before it is stored as an attachment of a 起案, so that a 決裁 never ends with
 * a file its PDF of record cannot hold: an empty file, one over the size limit, and — for a PDF, known by
 * its content ({@code %PDF-}), not its name — one that is encrypted (a password to open it, or restrictions
 * that forbid assembling it into another document), broken (truncated: no {@code %%EOF} at its end, or
 * unparseable) or without pages. PDFs are parsed from the file in place, never read whole into memory.
 * Thread-safe.
 */
public final class AttachmentCheck {

    /** Why a file was refused, or that it was accepted. */
    public enum Reason {
        ACCEPTED,
        EMPTY,
        TOO_LARGE,
        PDF_ENCRYPTED,
        PDF_BROKEN,
        PDF_NO_PAGES
    }

    /**
     * The outcome for one file.
     *
     * @param reason    {@link Reason#ACCEPTED} or why not
     * @param message   for the person uploading: Japanese with English in parentheses
     * @param pdf       whether the content is a PDF
     * @param pageCount pages of an accepted PDF, 0 otherwise
     */
    public record Result(Reason reason, String message, boolean pdf, int pageCount) {
        public boolean accepted() {
            return reason == Reason.ACCEPTED;
        }
    }

    private final long maxBytes;

    /** @param maxBytes the largest file accepted ({@link RecordSettings#maxAttachmentBytes()}) */
    public AttachmentCheck(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param file     the uploaded bytes
     * @param fileName the name the user gave it, for the messages
     */
    public Result check(Path file, String fileName) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return refused(Reason.EMPTY, false, "「" + fileName + "」は空のファイル（0バイト）です (the file is empty)");
        }
        if (size > maxBytes) {
            return refused(Reason.TOO_LARGE, false, "「" + fileName + "」は" + megabytes(size) + "で、添付できる大きさ（"
                    + megabytes(maxBytes) + "まで）を超えています (the file is larger than the limit of " + maxBytes
                    + " bytes)");
        }
        if (!PdfHeader.isPdf(file)) {
            return new Result(Reason.ACCEPTED, "「" + fileName + "」を添付できます (accepted)", false, 0);
        }
        if (!PdfHeader.endsWithEofMarker(file)) {
            return refused(Reason.PDF_BROKEN, true, "「" + fileName + "」はPDFの終わりがなく、途中で切れているようです。"
                    + "元のファイルをもう一度保存して添付してください (the PDF is truncated: no %%EOF at its end)");
        }
        return checkPdf(file, fileName);
    }

    private Result checkPdf(Path file, String fileName) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.isEncrypted()) {
                return refused(Reason.PDF_ENCRYPTED, true, "「" + fileName + "」は暗号化（印刷・編集などの制限付き）されて"
                        + "いるため、決裁文書に綴じ込めません。制限を解除したPDFを添付してください (the PDF is encrypted"
                        + " with restrictions)");
            }
            int pages = 0;
            for (PDPage page : document.getPages()) {
                page.getMediaBox();
                pages++;
            }
            if (pages == 0) {
                return refused(Reason.PDF_NO_PAGES, true, "「" + fileName + "」にはページがありません (the PDF has no pages)");
            }
            return new Result(Reason.ACCEPTED, "「" + fileName + "」を添付できます（" + pages + "ページ） (accepted, "
                    + pages + " pages)", true, pages);
        } catch (InvalidPasswordException e) {
            return refused(Reason.PDF_ENCRYPTED, true, "「" + fileName + "」はパスワードで保護されているため開けません。"
                    + "パスワードを外したPDFを添付してください (the PDF is password-protected)");
        } catch (IOException | RuntimeException e) {
            return refused(Reason.PDF_BROKEN, true, "「" + fileName + "」はPDFとして読めません。ファイルが壊れています"
                    + " (the PDF is corrupt: " + e.getMessage() + ")");
        }
    }

    private static Result refused(Reason reason, boolean pdf, String message) {
        return new Result(reason, message, pdf, 0);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024.0));
    }
}
