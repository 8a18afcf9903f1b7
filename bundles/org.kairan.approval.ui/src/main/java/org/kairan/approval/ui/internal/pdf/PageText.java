package org.kairan.approval.ui.internal.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The characters of a page's text layer and where they stand, read with PDFBox. A page without a text layer (a
 * scan) has none.
 */
final class PageText {

    private PageText() {
    }

    /**
     * @param page  0-based
     * @param shown the page's size as shown (rotation applied), in points
     */
    static List<Glyph> glyphs(PDDocument document, int page, PageSize shown) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                String unicode = text.getUnicode();
                if (unicode == null || unicode.isBlank()) {
                    return;
                }
                // getX/getY are adjusted for the page's rotation; getY is the baseline, from the top
                double height = Math.max(text.getHeightDir(), text.getFontSizeInPt() * 0.9);
                double width = Math.max(text.getWidthDirAdj(), 0.1);
                glyphs.add(new Glyph(unicode, text.getX() / shown.width(), (text.getY() - height) / shown.height(),
                        width / shown.width(), height / shown.height()));
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(document); // calls processTextPosition for each character, in the content's order
        return glyphs;
    }
}
