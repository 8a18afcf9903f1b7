package org.kairan.server.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.kairan.server.record.RecordFonts;

/**
 * Files for the document library tests, made here with the installed IPA Gothic: text PDFs whose pages hold
 * known lines, pages "scanned" at 300 dpi (the text drawn by Java2D, turned slightly and speckled, no text
 * layer) as PDF, PNG, JPEG or multi-page TIFF, and the broken kinds a library must survive — cut short,
 * password-protected, empty, 5,000 pages.
 */
public final class LibrarySamples {

    public static final int DPI = 300;
    /** A4 at 300 dpi. */
    public static final int A4_WIDTH = 2480;
    public static final int A4_HEIGHT = 3508;

    private LibrarySamples() {
    }

    /** A text PDF: one page per entry, each line of it drawn as a line of the page (IPA Gothic, 11 pt). */
    public static byte[] textPdf(List<List<String>> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, RecordFonts.installed().gothic().toFile());
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 11);
                    s.setLeading(18);
                    s.newLineAtOffset(60, 780);
                    for (String line : lines) {
                        s.showText(line);
                        s.newLine();
                    }
                    s.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with the given text pages, password-protected (opens only with {@code secret}). */
    public static byte[] passwordProtected(List<List<String>> pages) {
        return protect(textPdf(pages), "secret");
    }

    /** A PDF restricted by an owner password only: it opens without one, copying and editing are forbidden. */
    public static byte[] restricted(List<List<String>> pages) {
        return protect(textPdf(pages), "");
    }

    private static byte[] protect(byte[] pdf, String userPassword) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF cut off after 60 % of its bytes, as an interrupted download leaves it. */
    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length * 6 / 10);
    }

    /** A PDF of {@code pages} pages with one short line each (small, however many pages). */
    public static byte[] manyPages(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, RecordFonts.installed().gothic().toFile());
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 11);
                    s.newLineAtOffset(60, 780);
                    s.showText("会議録 " + i + " ページ");
                    s.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page of Japanese text as a scanner at 300 dpi makes it: IPA Gothic at {@code points} drawn in grey,
     * turned by 0.3°, with paper grain and specks of dust.
     *
     * @param vertical 縦書き: each line a column, right to left
     */
    public static BufferedImage scannedPage(List<String> lines, float points, boolean vertical, long seed) {
        return scannedPage(lines, points, vertical, seed, 0.3);
    }

    /** As {@link #scannedPage(List, float, boolean, long)}, turned clockwise by {@code degrees} about its centre. */
    public static BufferedImage scannedPage(List<String> lines, float points, boolean vertical, long seed,
            double degrees) {
        BufferedImage page = new BufferedImage(A4_WIDTH, A4_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, A4_WIDTH, A4_HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.rotate(Math.toRadians(degrees), A4_WIDTH / 2.0, A4_HEIGHT / 2.0);
            g.setColor(new Color(30, 30, 30));
            float pixels = points / 72f * DPI;
            g.setFont(gothic().deriveFont(pixels));
            if (vertical) {
                float x = A4_WIDTH - 300;
                for (String line : lines) {
                    float y = 350;
                    for (int i = 0; i < line.length(); i++) {
                        g.drawString(line.substring(i, i + 1), x, y);
                        y += pixels * 1.15f;
                    }
                    x -= pixels * 1.6f;
                }
            } else {
                float y = 300;
                for (String line : lines) {
                    g.drawString(line, 240, y);
                    y += pixels * 1.8f;
                }
            }
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            int value = Math.min(240, pixels[i] & 0xff) + random.nextInt(17) - 8;
            if (random.nextInt(3000) == 0) {
                value = random.nextInt(80);
            }
            pixels[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return page;
    }

    /**
     * Where {@link #scannedPage(List, float, boolean, long, double)} drew a line (a column when vertical): the box
     * in the scan's pixels that holds its characters from the top of the tallest to the foot of the lowest, turned
     * as the page was.
     */
    public static Rectangle2D drawnAt(List<String> lines, int line, float points, boolean vertical, double degrees) {
        float pixels = points / 72f * DPI;
        Rectangle2D straight;
        if (vertical) {
            double x = A4_WIDTH - 300 - line * pixels * 1.6;
            double last = 350 + (lines.get(line).length() - 1) * pixels * 1.15;
            straight = new Rectangle2D.Double(x, 350 - pixels, pixels, last + pixels * 0.2 - (350 - pixels));
        } else {
            double baseline = 300 + line * pixels * 1.8;
            double width = gothic().deriveFont(pixels).getStringBounds(lines.get(line),
                    new FontRenderContext(null, true, true)).getWidth();
            straight = new Rectangle2D.Double(240, baseline - pixels, width, pixels * 1.2);
        }
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), A4_WIDTH / 2.0, A4_HEIGHT / 2.0)
                .createTransformedShape(straight).getBounds2D();
    }

    /** Scanned pages wrapped in a PDF without a text layer (one JPEG per A4 page, as scanners write them). */
    public static byte[] imagePdf(List<BufferedImage> scans, boolean jpeg) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage scan : scans) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject image = jpeg ? JPEGFactory.createFromImage(document, scan, 0.85f, DPI)
                        : LosslessFactory.createFromImage(document, scan);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose first page has a text layer and whose second is a scan. */
    public static byte[] mixedPdf(List<String> textPage, BufferedImage scan) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(textPdf(List.of(textPage)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(document, scan, 0.85f, DPI);
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                s.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image in a format of ImageIO ({@code png}, {@code jpeg}). */
    public static byte[] image(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages as one multi-page TIFF. */
    public static byte[] tiff(List<BufferedImage> pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static Font gothic() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, RecordFonts.installed().gothic().toFile());
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("IPA Gothic (fonts-ipafont-gothic) is needed: " + e.getMessage(), e);
        }
    }

    /**
     * Character error rate of {@code recognised} against {@code expected}, whitespace ignored and widths folded
     * (NFKC, as the desktop's search folds them: ％ and % are one character): edit distance over the expected length.
     */
    public static double characterErrorRate(String expected, String recognised) {
        int[] a = visible(expected);
        int[] b = visible(recognised);
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return a.length == 0 ? 0 : (double) previous[b.length] / a.length;
    }

    /** The text without any whitespace (OCR puts spaces between Japanese words where the page had none). */
    public static String squeezed(String text) {
        return text.replaceAll("[\\s\\u3000]", "");
    }

    /** The code points of the text, widths folded (NFKC), whitespace left out. */
    private static int[] visible(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).toArray();
    }
}
