package org.kairan.server.demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.kairan.server.record.RecordFonts;

/**
 * The demo city's documents: A4 PDFs of Japanese text in IPAゴシック (見積書 and 仕様書 of the demo 決裁, the
 * library's documents), and scans — the same pages drawn at 300 dpi, made a little crooked and noisy as a
 * scanner makes them, kept as an image-only PDF (JPEG, no text layer) or a PNG. The font is parsed once and
 * lent to each document.
 */
final class DemoDocuments implements AutoCloseable {

    /** A page: a heading and lines of text. */
    record Page(String heading, List<String> lines) {
    }

    private static final int SCAN_DPI = 300;

    private final TrueTypeFont gothic;

    DemoDocuments(RecordFonts fonts) throws IOException {
        RandomAccessReadBufferedFile read = new RandomAccessReadBufferedFile(fonts.gothic());
        try {
            this.gothic = new TTFParser().parse(read);
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
    }

    /** A page with a heading and lines of text. */
    byte[] page(String heading, List<String> lines) throws IOException {
        return pdf(List.of(new Page(heading, lines)));
    }

    /** A PDF of the pages, with a text layer. */
    byte[] pdf(List<Page> pages) throws IOException {
        try (PDDocument document = text(pages); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }

    private PDDocument text(List<Page> pages) throws IOException {
        PDDocument document = new PDDocument();
        try {
            PDType0Font font = PDType0Font.load(document, gothic, true);
            for (Page content : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 20);
                    s.newLineAtOffset(72, 760);
                    s.showText(content.heading());
                    s.setFont(font, 11);
                    s.setLeading(20);
                    s.newLine();
                    for (String line : content.lines()) {
                        s.newLine();
                        s.showText(line);
                    }
                    s.endText();
                }
            }
            document.getDocumentInformation().setTitle(pages.getFirst().heading());
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /** The pages scanned: an image-only PDF (one JPEG per page at 300 dpi, no text layer). */
    byte[] scannedPdf(List<Page> pages, long seed) throws IOException {
        try (PDDocument source = text(pages); PDDocument scan = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                BufferedImage image = scanned(renderer.renderImageWithDPI(i, SCAN_DPI, ImageType.GRAY), seed + i);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject jpeg = JPEGFactory.createFromImage(scan, image, 0.9f, SCAN_DPI);
                try (PDPageContentStream s = new PDPageContentStream(scan, page)) {
                    s.drawImage(jpeg, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            scan.save(out);
            return out.toByteArray();
        }
    }

    /** The first page scanned, as a PNG image (300 dpi). */
    byte[] scannedPng(List<Page> pages, long seed) throws IOException {
        try (PDDocument source = text(pages.subList(0, 1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage image = scanned(new PDFRenderer(source).renderImageWithDPI(0, SCAN_DPI, ImageType.GRAY), seed);
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }

    /** Turned by a fraction of a degree, with paper grain and specks of dust. */
    private static BufferedImage scanned(BufferedImage page, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage crooked = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = crooked.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(0.2 + random.nextDouble() * 0.3),
                    page.getWidth() / 2.0, page.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) crooked.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int value = Math.min(242, pixels[i] & 0xff);
            int dice = random.nextInt(4096);
            if (dice < 256) {
                value += (dice & 15) - 8; // grain on one pixel in sixteen
            } else if (dice == 4095) {
                value = dice & 63; // a speck of dust
            }
            pixels[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return crooked;
    }

    @Override
    public void close() throws IOException {
        gothic.close();
    }
}
