package org.kairan.server.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.LibraryFiles;

/**
 * A Word (.docx) or Excel (.xlsx) file's pages: its text, read whole when it is opened ({@link WordText},
 * {@link ExcelText}); nothing is OCR'd. What may come in is bounded: a part that inflates more than 100 times
 * (POI's zip-bomb check) or to more than {@link #MAX_PART_BYTES}, and a file with more than
 * {@link #MAX_CHARACTERS} characters of text, fail before they fill the server's memory. A password-protected
 * file (an encrypted package in an OLE2 container) fails as ENCRYPTED, an old binary .doc/.xls as UNSUPPORTED.
 */
final class OfficePages implements PageSource {

    /** The most text a Word or Excel file may have (a 2,000-page PDF of Japanese text has about as much). */
    static final int MAX_CHARACTERS = 4_000_000;
    /** The most one part of the package (a sheet, the document's body) may inflate to. */
    static final long MAX_PART_BYTES = 128L << 20;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    /** The text ran over {@link #MAX_CHARACTERS} while it was read. */
    static final class TooMuchText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooMuchText(int limit) {
            super("more than " + limit + " characters", null, false, false);
        }
    }

    private final List<String> pages;

    private OfficePages(List<String> pages) {
        this.pages = pages;
    }

    /**
     * @param mediaType {@link LibraryFiles#DOCX} or {@link LibraryFiles#XLSX}: by content, or as uploaded when the
     *                  content did not say
     * @throws ExtractionProblem ENCRYPTED, UNSUPPORTED (.doc, .xls), CORRUPT, NO_PAGES, TOO_MANY_PAGES (text)
     */
    static OfficePages open(Path file, String mediaType) throws ExtractionProblem, IOException {
        boolean word = LibraryFiles.DOCX.equals(mediaType);
        String kind = word ? "Word文書" : "Excelファイル";
        String extension = word ? ".docx" : ".xlsx";
        if (FileMagic.valueOf(file.toFile()) == FileMagic.OLE2) {
            throw oldOrEncrypted(file, kind, extension);
        }
        List<String> pages;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            pages = word ? WordText.pages(pkg, MAX_CHARACTERS) : ExcelText.pages(pkg, MAX_CHARACTERS);
        } catch (Exception | StackOverflowError e) {
            throw problem(e, kind, extension);
        }
        if (pages.isEmpty()) {
            throw new ExtractionProblem(ExtractionFailure.NO_PAGES, "表示されるシートのないExcelファイルです"
                    + " (the workbook has no visible sheet)");
        }
        return new OfficePages(pages);
    }

    /** The pages the file's extraction will have, 0 when it cannot be read (counted at upload). */
    static int countAtUpload(Path file, String mediaType) {
        try (OfficePages pages = open(file, mediaType)) {
            return pages.pageCount();
        } catch (ExtractionProblem | IOException | RuntimeException e) {
            return 0;
        }
    }

    /** An OLE2 container: the encrypted package of a password-protected .docx/.xlsx, or a .doc/.xls. */
    private static ExtractionProblem oldOrEncrypted(Path file, String kind, String extension) {
        boolean encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            return new ExtractionProblem(ExtractionFailure.CORRUPT, kind + "（" + extension + "）として読めません。"
                    + "ファイルが壊れています (not a readable " + extension + ": " + e.getMessage() + ")");
        }
        if (encrypted) {
            return new ExtractionProblem(ExtractionFailure.ENCRYPTED, "パスワードで保護された" + kind + "のため開けません。"
                    + "パスワードを外したファイルを新しい版として登録してください (the " + extension
                    + " is password-protected)");
        }
        return new ExtractionProblem(ExtractionFailure.UNSUPPORTED, "古い形式（.doc・.xls）の" + kind + "のため文字を取り出せ"
                + "ません。" + extension + "形式で保存し直して新しい版として登録してください (an old binary Office file,"
                + " not " + extension + ")");
    }

    private static ExtractionProblem problem(Throwable e, String kind, String extension) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooMuchText) {
                return new ExtractionProblem(ExtractionFailure.TOO_MANY_PAGES, String.format("文字数が上限（%,d文字）を"
                        + "超えています。分冊して登録してください (more than %,d characters of text)", MAX_CHARACTERS,
                        MAX_CHARACTERS));
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("Zip bomb detected") && message.contains("max size")) {
                return new ExtractionProblem(ExtractionFailure.TOO_MANY_PAGES, String.format("展開すると上限（%d MB）を"
                        + "超える大きさになるため開きません。分冊して登録してください (a part inflates to more than %d MB)",
                        MAX_PART_BYTES >> 20, MAX_PART_BYTES >> 20));
            }
            if (message.contains("Zip bomb detected")) {
                return new ExtractionProblem(ExtractionFailure.CORRUPT, "展開すると異常に大きくなるファイル（zip爆弾の疑い）の"
                        + "ため、安全のため開きません (zip bomb suspected: a part inflates more than 100 times)");
            }
        }
        return new ExtractionProblem(ExtractionFailure.CORRUPT, kind + "（" + extension + "）として読めません。ファイルが"
                + "壊れています (not a readable " + extension + ": " + e + ")");
    }

    @Override
    public int pageCount() {
        return pages.size();
    }

    @Override
    public String text(int page) {
        return Pages.normalised(pages.get(page - 1));
    }

    /** A Word or Excel file's text is its content: there is no image to recognise. */
    @Override
    public boolean needsOcr(int page, String text) {
        return false;
    }

    @Override
    public PageImage image(int page) throws ExtractionProblem {
        throw new ExtractionProblem(ExtractionFailure.UNSUPPORTED, "Word・Excelのページは画像にしません"
                + " (a .docx or .xlsx page has no image)");
    }

    @Override
    public void close() {
        // the text was read when the file was opened; the package is closed
    }
}
