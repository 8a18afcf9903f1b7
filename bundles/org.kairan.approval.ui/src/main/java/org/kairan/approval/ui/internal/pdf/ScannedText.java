package org.kairan.approval.ui.internal.pdf;

import java.util.ArrayList;
import java.util.List;

import org.kairan.core.documents.PageWords;

/**
 * The characters of a scanned page as the server's OCR placed its words: each word's box shared out evenly among
 * its characters, across for a wide box, down for a tall one (縦書き).
 */
public final class ScannedText {

    private ScannedText() {
    }

    public static List<Glyph> glyphs(PageWords page) {
        List<Glyph> glyphs = new ArrayList<>();
        double pageWidth = Math.max(1, page.width());
        double pageHeight = Math.max(1, page.height());
        for (PageWords.Word word : page.words()) {
            int[] chars = word.text().codePoints().toArray();
            if (chars.length == 0) {
                continue;
            }
            boolean down = word.height() > word.width() * 1.5 && chars.length > 1;
            double step = (down ? word.height() : word.width()) / chars.length;
            for (int i = 0; i < chars.length; i++) {
                double x = down ? word.x() : word.x() + i * step;
                double y = down ? word.y() + i * step : word.y();
                double width = down ? word.width() : step;
                double height = down ? step : word.height();
                glyphs.add(new Glyph(Character.toString(chars[i]), x / pageWidth, y / pageHeight, width / pageWidth,
                        height / pageHeight));
            }
        }
        return glyphs;
    }
}
