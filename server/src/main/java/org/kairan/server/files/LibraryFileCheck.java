package org.kairan.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.kairan.core.documents.LibraryFiles;
import org.kairan.core.files.FileRefusal;
import org.kairan.server.record.AttachmentCheck;
import org.kairan.server.record.PdfHeader;

/**
 * The upload check of a 課's document library ({@code PUT /api/files?purpose=library}): PDFs, scanned images
 * (PNG, JPEG, TIFF), Word (.docx) and Excel (.xlsx) files are kept, known by their content or — for a file whose
 * content says nothing, such as a damaged PDF or a password-protected .docx — by their name; anything else (the
 * old binary .doc and .xls too) is refused with a clear reason. A damaged, encrypted, page-less or empty PDF is
 * kept (the library shows its extraction failed, and why), but marked with the refusal the 決裁 attachment check
 * gives it, so that no 起案 can name it; a Word or Excel file is marked as the 決裁 check would (only when empty).
 */
public final class LibraryFileCheck implements FileCheck {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int HEAD = 1024;

    /** The pages of a Word or Excel file as its extraction will count them. */
    @FunctionalInterface
    public interface OfficePageCount {
        /** @return the pages, 0 when the file cannot be read */
        int pages(Path file, String mediaType);
    }

    private final AttachmentCheck attachments;
    private final OfficePageCount officePages;

    /**
     * @param attachments the 決裁's check, for the refusal a kept PDF carries
     * @param officePages counts the pages of a .docx or .xlsx
     */
    public LibraryFileCheck(AttachmentCheck attachments, OfficePageCount officePages) {
        this.attachments = attachments;
        this.officePages = officePages;
    }

    @Override
    public boolean takesEmpty() {
        return true;
    }

    @Override
    public Inspection inspect(Path file, String name) throws IOException {
        Optional<String> byContent = mediaTypeByContent(file);
        if (byContent.isEmpty()) {
            Optional<String> byName = LibraryFiles.mediaTypeOfName(name);
            if (byName.isEmpty()) {
                throw new FileRefusedException(FileRefusal.UNSUPPORTED_TYPE, "「" + name + "」は文書庫に登録できない種類の"
                        + "ファイルです。PDF、スキャンした画像（PNG・JPEG・TIFF）、Word・Excel（.docx・.xlsx）を登録してください"
                        + "（古い形式の .doc・.xls は .docx・.xlsx で保存し直してください） (only PDFs, PNG, JPEG or TIFF"
                        + " images and .docx or .xlsx files can be kept in a library)");
            }
            // a damaged file of a type the library takes: kept, and its extraction will say what is wrong
            return new Inspection(byName.get(), 0, Files.size(file) == 0 ? FileRefusal.EMPTY
                    : LibraryFiles.PDF.equals(byName.get()) ? FileRefusal.CORRUPT : null);
        }
        String type = byContent.get();
        if (LibraryFiles.PDF.equals(type)) {
            AttachmentCheck.Result result = attachments.check(file, name);
            FileRefusal refusal = switch (result.reason()) {
                case ACCEPTED -> null;
                case EMPTY -> FileRefusal.EMPTY;
                case TOO_LARGE -> throw new FileRefusedException(FileRefusal.TOO_LARGE, result.message());
                case PDF_ENCRYPTED -> FileRefusal.ENCRYPTED;
                case PDF_BROKEN -> FileRefusal.CORRUPT;
                case PDF_NO_PAGES -> FileRefusal.NO_PAGES;
            };
            return new Inspection(type, result.pageCount(), refusal);
        }
        if (LibraryFiles.isOffice(type)) {
            return new Inspection(type, officePages.pages(file, type), null);
        }
        return new Inspection(type, LibraryFiles.TIFF.equals(type) ? frames(file) : 1, null);
    }

    /**
     * PDF, PNG, JPEG or TIFF by the file's first bytes (a PDF's header may lie anywhere in its first 1 KB); a zip
     * that says it is a Word document or an Excel workbook ({@link OfficeContent}).
     */
    public static Optional<String> mediaTypeByContent(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(LibraryFiles.PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(LibraryFiles.JPEG);
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of(LibraryFiles.TIFF);
        }
        if (startsWith(head, OfficeContent.ZIP_MAGIC)) {
            return OfficeContent.mediaType(file);
        }
        return PdfHeader.isPdf(head) ? Optional.of(LibraryFiles.PDF) : Optional.empty();
    }

    /** The frames (pages) of a TIFF, 0 when it cannot be read. */
    static int frames(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getNumImages(true);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
