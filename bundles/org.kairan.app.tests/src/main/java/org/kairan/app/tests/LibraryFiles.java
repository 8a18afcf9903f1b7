package org.kairan.app.tests;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Files a 課 files in its library, made by the UI tests with PDFBox and the installed IPA Gothic: a text PDF with
 * Japanese lines, a scanned page (Japanese drawn into a 300 dpi image, no text layer: the server OCRs it), and a PDF
 * cut short.
 */
final class LibraryFiles {

    private static final List<Path> GOTHIC = List.of(Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"), Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"));

    private LibraryFiles() {
    }

    static Path gothic() {
        return GOTHIC.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("IPA Gothic (fonts-ipafont-gothic) is installed"));
    }

    /** A text PDF in IPA Gothic 12 pt: a page of lines for each list. */
    @SafeVarargs
    static byte[] textPdf(List<String>... pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, gothic().toFile());
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 12);
                    s.setLeading(20);
                    s.newLineAtOffset(60, 770);
                    for (String line : lines) {
                        s.showText(line);
                        s.newLine();
                    }
                    s.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF of 300 dpi scans (large type, no text layer): a page of lines for each list. */
    @SafeVarargs
    static byte[] scannedPdf(List<String>... pages) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                BufferedImage image = scan(lines);
                PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / 300f, image.getHeight() * 72f / 300f));
                document.addPage(page);
                PDImageXObject scan = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.drawImage(scan, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The top of an A4 sheet at 300 dpi with the lines typed on it: enough for a few lines, and it OCRs fast. */
    private static BufferedImage scan(List<String> lines) throws Exception {
        BufferedImage image = new BufferedImage(2480, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(25, 25, 25));
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, gothic().toFile()).deriveFont(16f / 72f * 300f));
            int y = 260;
            for (String line : lines) {
                g.drawString(line, 240, y);
                y += 120;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A Word document (.docx) of the paragraphs, written as the zip of XML parts the format is (the parts a reader
     * needs: content types, the package relationship, the document).
     */
    static byte[] wordDocument(List<String> paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(paragraph.replace("&", "&amp;")
                    .replace("<", "&lt;")).append("</w:t></w:r></w:p>");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The PDF cut off after 60 % of its bytes, as an interrupted copy leaves it. */
    static byte[] cutShort(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length * 6 / 10);
    }
}
