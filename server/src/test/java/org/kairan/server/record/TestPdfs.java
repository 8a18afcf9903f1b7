package org.kairan.server.record;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** PDFs the tests attach and check: pages of Japanese text, and password-protected ones. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** {@code pages} pages, each headed 「見積書 n ページ」 with a few lines of Japanese text. */
    public static Path japanesePages(Path file, int pages) throws IOException {
        try (PDDocument document = document(pages)) {
            document.save(file.toFile());
        }
        return file;
    }

    /** A PDF that opens only with the user password {@code secret}. */
    public static Path passwordProtected(Path file) throws IOException {
        return protectedPdf(file, "secret");
    }

    /** A PDF encrypted with an owner password only: it opens, but copying and editing are restricted. */
    public static Path restricted(Path file) throws IOException {
        return protectedPdf(file, "");
    }

    private static Path protectedPdf(Path file, String userPassword) throws IOException {
        try (PDDocument document = document(1)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            permissions.setCanAssembleDocument(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    private static PDDocument document(int pages) throws IOException {
        PDDocument document = new PDDocument();
        PDType0Font font = PDType0Font.load(document, RecordFonts.installed().gothic().toFile());
        for (int i = 1; i <= pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                s.beginText();
                s.setFont(font, 16);
                s.newLineAtOffset(60, 760);
                s.showText("見積書 " + i + " ページ");
                s.setFont(font, 10.5f);
                s.setLeading(16);
                for (int line = 0; line < 30; line++) {
                    s.newLine();
                    s.showText("品名 洗剤・モップ・ごみ袋 数量 " + (line + 1) + " 単価 1,200円 伊織商事株式会社");
                }
                s.endText();
            }
        }
        return document;
    }
}
