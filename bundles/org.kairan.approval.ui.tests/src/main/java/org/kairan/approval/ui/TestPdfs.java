package org.kairan.approval.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The PDFs the viewer tests open, written with PDFBox into a folder: a 20-page A4 起案 in Japanese with
 * the IPA Gothic font embedded (the heading of each page at a known place, so a test can look for its
 * pixels), and the broken ones a city office meets: empty, not a PDF, cut short, password-protected.
 */
final class TestPdfs {

    /** Where the heading starts from the page's left edge, in points. */
    static final float HEADING_LEFT = 72;
    /** The heading's baseline from the top of the page, in points. */
    static final float HEADING_BASELINE = 140;
    static final float HEADING_SIZE = 28;
    /** The heading of a page, all Japanese (a missing font would leave nothing on the page). */
    static String heading(int page) {
        return "第" + toFullWidth(page) + "頁　電子決裁の起案文書";
    }

    private static final String FONT = System.getProperty("kairan.tests.ipaFont",
            "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    private final Path folder;

    TestPdfs(Path folder) {
        this.folder = folder;
    }

    /** A {@code pages}-page A4 document in Japanese. */
    Path japanese(String name, int pages) throws IOException {
        Path file = folder.resolve(name);
        try (PDDocument document = japaneseDocument(pages)) {
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A {@code pages}-page document of scanned A4 paper: each page one 300 dpi greyscale JPEG (2480 × 3508
     * pixels) of typed Japanese lines with a little scanner noise, as paper attachments to a 決裁 arrive.
     */
    Path scanned(String name, int pages) throws IOException {
        Path file = folder.resolve(name);
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, Path.of(FONT).toFile()).deriveFont(50f);
        } catch (FontFormatException e) {
            throw new IOException("cannot read " + FONT, e);
        }
        Random noise = new Random(7);
        try (PDDocument document = new PDDocument()) {
            for (int number = 1; number <= pages; number++) {
                BufferedImage paper = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = paper.createGraphics();
                g.setColor(new Color(246, 246, 242));
                g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
                g.setColor(new Color(30, 30, 30));
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(font.deriveFont(90f));
                g.drawString(heading(number), 300, 580);
                g.setFont(font);
                for (int line = 0; line < 40; line++) {
                    g.drawString("伊織市情報政策課　令和8年度　紙で届いた添付資料の写し（" + (line + 1) + "）", 300, 800 + line * 68);
                }
                for (int dot = 0; dot < 20_000; dot++) {
                    int shade = 180 + noise.nextInt(60);
                    g.setColor(new Color(shade, shade, shade));
                    g.fillRect(noise.nextInt(paper.getWidth()), noise.nextInt(paper.getHeight()), 2, 2);
                }
                g.dispose();
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject scan = JPEGFactory.createFromImage(document, paper, 0.8f);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** The same document with a password needed to open it (AES-256). */
    Path passwordProtected() throws IOException {
        return protectedCopy("パスワード付き.pdf", "user-secret");
    }

    /** The document with only an owner password (printing and copying restricted): opens without a password. */
    Path restricted() throws IOException {
        return protectedCopy("印刷禁止.pdf", "");
    }

    private Path protectedCopy(String name, String userPassword) throws IOException {
        Path file = folder.resolve(name);
        try (PDDocument document = japaneseDocument(3)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanPrint(false);
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * One page whose heading (at the same place as in {@link #japanese}) uses MS 明朝 without embedding it,
     * as some word processors write: the viewer must find an installed Japanese font in its place.
     * Written by hand, since PDFBox always embeds the fonts it writes.
     */
    Path withoutEmbeddedFont() throws IOException {
        StringBuilder utf16 = new StringBuilder();
        for (char c : heading(1).toCharArray()) {
            utf16.append(String.format("%04X", (int) c));
        }
        String content = "BT /F1 " + HEADING_SIZE + " Tf " + HEADING_LEFT + " " + (842 - HEADING_BASELINE) + " Td <"
                + utf16 + "> Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>",
                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho"
                        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
                "<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0"
                        + " /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length()); // all ASCII: characters are bytes
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return Files.writeString(folder.resolve("フォント未埋込.pdf"), pdf, StandardCharsets.US_ASCII);
    }

    /** A file of 0 bytes, as an interrupted download leaves. */
    Path empty() throws IOException {
        return Files.write(folder.resolve("空.pdf"), new byte[0]);
    }

    /** A text file named .pdf. */
    Path notAPdf() throws IOException {
        return Files.writeString(folder.resolve("メモ.pdf"), "これはPDFではありません。\n".repeat(200));
    }

    /** The first {@code percent} % of a good document's bytes (a download cut off). */
    Path cutShort(Path good, int percent, String name) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return Files.write(folder.resolve(name), Arrays.copyOf(all, all.length * percent / 100));
    }

    /** A good document without its last {@code bytes} bytes (the cross-reference table and trailer). */
    Path withoutEnd(Path good, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return Files.write(folder.resolve("末尾欠け.pdf"), Arrays.copyOf(all, all.length - bytes));
    }

    private static PDDocument japaneseDocument(int pages) throws IOException {
        PDDocument document = new PDDocument();
        try {
            PDType0Font font = PDType0Font.load(document, Path.of(FONT).toFile());
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                float top = page.getMediaBox().getHeight();
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, HEADING_SIZE);
                    content.newLineAtOffset(HEADING_LEFT, top - HEADING_BASELINE);
                    content.showText(heading(number));
                    content.endText();
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(HEADING_LEFT, top - 200);
                    for (int line = 1; line <= 30; line++) {
                        content.showText("伊織市情報政策課　令和8年度　庁内ネットワーク更新に係る予算執行伺い（" + line + "）");
                        content.newLineAtOffset(0, -18);
                    }
                    content.endText();
                }
            }
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    private static String toFullWidth(int number) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            out.append((char) ('０' + (c - '0')));
        }
        return out.toString();
    }
}
