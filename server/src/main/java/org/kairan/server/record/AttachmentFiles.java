package org.kairan.server.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The attachments of one record, opened for writing it: each file's bytes are checked against the SHA-256
 * the 鑑 will print, PDFs (by content) are loaded from their file (never read whole into memory) and
 * stripped of their own signature fields — a signature of another file cannot stay valid inside this one,
 * and the record carries exactly one signature, the server's; the original file keeps them, and its hash
 * is on the 鑑. Scripts, actions on opening and files embedded in an attached PDF are not carried over
 * either (see {@link PdfOfRecord}). Holds the loaded documents (and temporary copies of stream sources) until closed, after
 * the record is saved.
 */
final class AttachmentFiles implements AutoCloseable {

    /** One attachment, ready: a loaded PDF or a file to embed. */
    record Opened(RecordAttachment attachment, Path file, PDDocument pdf) {
        boolean isPdf() {
            return pdf != null;
        }

        int pages() {
            return pdf == null ? 0 : pdf.getNumberOfPages();
        }
    }

    private final List<Opened> opened = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();

    List<Opened> open(List<RecordAttachment> attachments) throws IOException {
        for (RecordAttachment attachment : attachments) {
            Path file = checkedFile(attachment);
            PDDocument pdf = PdfHeader.isPdf(file) ? load(attachment, file) : null;
            opened.add(new Opened(attachment, file, pdf));
        }
        return List.copyOf(opened);
    }

    /** The attachment's file, its bytes checked against the hash (a stream source is copied to a temporary file). */
    private Path checkedFile(RecordAttachment attachment) throws IOException {
        MessageDigest digest = RecordAttachment.sha256Digest();
        Path file = attachment.content().file().orElse(null);
        long size;
        try (InputStream in = new DigestInputStream(attachment.content().open(), digest)) {
            if (file != null) {
                size = in.transferTo(OutputStream.nullOutputStream());
            } else {
                file = Files.createTempFile("kairan-record-", ".bin");
                temporary.add(file);
                try (OutputStream out = Files.newOutputStream(file)) {
                    size = in.transferTo(out);
                }
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(attachment.sha256()) || size != attachment.size()) {
            throw new RecordException("添付ファイル「" + attachment.fileName() + "」の内容が登録時のハッシュと一致しません"
                    + " (the attachment's bytes do not match its stored SHA-256 and size: expected " + attachment.sha256()
                    + ", " + attachment.size() + " bytes; found " + actual + ", " + size + " bytes)");
        }
        return file;
    }

    private PDDocument load(RecordAttachment attachment, Path file) throws IOException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new RecordException("添付PDF「" + attachment.fileName() + "」はパスワードで保護されているため綴じ込めません"
                    + " (the attached PDF is password-protected)", e);
        } catch (IOException e) {
            throw new RecordException("添付PDF「" + attachment.fileName() + "」が壊れていて読めません (the attached PDF cannot be"
                    + " read: " + e.getMessage() + ")", e);
        }
        if (pdf.isEncrypted()) {
            pdf.close();
            throw new RecordException("添付PDF「" + attachment.fileName() + "」は暗号化されているため綴じ込めません"
                    + " (the attached PDF is encrypted)");
        }
        try {
            stripSignatures(pdf);
        } catch (IOException | RuntimeException e) {
            pdf.close();
            throw new RecordException("添付PDF「" + attachment.fileName() + "」の署名欄を外せません (cannot remove the"
                    + " attached PDF's signature fields: " + e.getMessage() + ")", e);
        }
        return pdf;
    }

    /** Removes signature fields and their widgets, so the record's only signature is the server's. */
    static void stripSignatures(PDDocument pdf) throws IOException {
        PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        form.setFields(form.getFields().stream().filter(f -> !(f instanceof PDSignatureField)).toList());
        form.getCOSObject().removeItem(COSName.SIG_FLAGS);
        for (PDPage page : pdf.getPages()) {
            List<PDAnnotation> annotations = page.getAnnotations();
            List<PDAnnotation> kept = annotations.stream().filter(a -> !isSignatureWidget(a.getCOSObject())).toList();
            if (kept.size() != annotations.size()) {
                page.setAnnotations(new ArrayList<>(kept));
            }
        }
    }

    private static boolean isSignatureWidget(COSDictionary annotation) {
        if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSDictionary field = annotation;
        for (int depth = 0; field != null && depth < 32; depth++) {
            if (COSName.SIG.equals(field.getCOSName(COSName.FT))) {
                return true;
            }
            COSBase parent = field.getDictionaryObject(COSName.PARENT);
            field = parent instanceof COSDictionary d ? d : null;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Opened o : opened) {
            if (o.pdf() != null) {
                try {
                    o.pdf().close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        for (Path path : temporary) {
            Files.deleteIfExists(path);
        }
        if (first != null) {
            throw first;
        }
    }
}
