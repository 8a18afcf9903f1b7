package org.kairan.server.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The pages of the 鑑 being drawn, top to bottom: A4 portrait with fixed margins, a cursor {@link #y}
 * that moves down, and a new page (headed 「（続き）」 and the 文書番号) when what comes next does not fit.
 * Coordinates are PDF points from the bottom-left corner; colours are sRGB.
 */
final class CoverCanvas implements AutoCloseable {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float LEFT = 42;
    static final float RIGHT = PAGE_WIDTH - 42;
    static final float TOP = PAGE_HEIGHT - 40;
    /** Nothing but the footer goes below this. */
    static final float BOTTOM = 58;

    final PageFonts fonts;
    private final PDDocument document;
    private final String continuationHeader;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    /** The top of the free space on the current page. */
    float y;

    CoverCanvas(PDDocument document, PageFonts fonts, String continuationHeader) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.continuationHeader = continuationHeader;
        startPage();
    }

    static float width() {
        return RIGHT - LEFT;
    }

    PDPageContentStream stream() {
        return stream;
    }

    List<PDPage> pages() {
        return List.copyOf(pages);
    }

    /** Makes sure {@code height} points fit below the cursor, starting a continuation page if not. */
    void ensureRoom(float height) throws IOException {
        if (y - height < BOTTOM) {
            stream.close();
            startPage();
            text(fonts.gothic, 8.5f, LEFT, y - 9, continuationHeader, Ink.GREY);
            y -= 22;
        }
    }

    /** One line of text with its baseline at {@code baseline}, drawn as given (missing glyphs become 〓). */
    void text(PDType0Font font, float size, float x, float baseline, String raw, Ink ink) throws IOException {
        String printable = fonts.printable(font, raw);
        if (printable.isEmpty()) {
            return;
        }
        ink.fill(stream);
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        stream.endText();
    }

    /**
     * Text squeezed into {@code maxWidth}: the largest size from {@code size} down to {@code minSize} that
     * fits, then narrowed (長体) if even the smallest does not.
     *
     * @param centreX where the middle of the text goes
     */
    void fittedText(PDType0Font font, float size, float minSize, float centreX, float baseline, float maxWidth,
            String raw, Ink ink) throws IOException {
        String printable = fonts.printable(font, raw);
        if (printable.isEmpty()) {
            return;
        }
        float s = size;
        float w = fonts.width(font, s, printable);
        if (w > maxWidth) {
            s = Math.max(minSize, size * maxWidth / w);
            w = fonts.width(font, s, printable);
        }
        float scale = w > maxWidth ? maxWidth / w : 1f;
        ink.fill(stream);
        stream.beginText();
        stream.setFont(font, s);
        if (scale < 1f) {
            stream.setHorizontalScaling(scale * 100f);
        }
        stream.newLineAtOffset(centreX - w * scale / 2, baseline);
        stream.showText(printable);
        if (scale < 1f) {
            stream.setHorizontalScaling(100f);
        }
        stream.endText();
    }

    float width(PDType0Font font, float size, String raw) {
        return fonts.width(font, size, fonts.printable(font, raw));
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, Ink ink) throws IOException {
        ink.stroke(stream);
        stream.setLineWidth(lineWidth);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    void box(float x, float bottom, float w, float h, float lineWidth, Ink ink) throws IOException {
        ink.stroke(stream);
        stream.setLineWidth(lineWidth);
        stream.addRect(x, bottom, w, h);
        stream.stroke();
    }

    void shade(float x, float bottom, float w, float h, Ink ink) throws IOException {
        ink.fill(stream);
        stream.addRect(x, bottom, w, h);
        stream.fill();
    }

    private void startPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
