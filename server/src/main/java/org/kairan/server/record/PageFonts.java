package org.kairan.server.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The IPA fonts loaded into one document (embedded as subsets when it is saved), and what they can print:
 * a character neither font has a glyph for (an emoji, a rare 異体字) is printed as 〓 (げた), as Japanese
 * typesetting marks a missing character, instead of failing the whole record.
 */
final class PageFonts {

    /** げた: printed for a character the font has no glyph for. */
    static final String MISSING = "〓";

    final PDType0Font gothic;
    final PDType0Font mincho;
    private final Map<PDType0Font, Map<Integer, Boolean>> printable = new HashMap<>();

    /** The parsed fonts lent to the document: it must not be used by another thread until it is saved. */
    PageFonts(PDDocument document, ParsedFonts parsed) throws IOException {
        gothic = PDType0Font.load(document, parsed.gothic, true);
        mincho = PDType0Font.load(document, parsed.mincho, true);
    }

    /** The text with every character the font cannot print replaced by 〓, tabs and controls by a space. */
    String printable(PDType0Font font, String text) {
        Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> canEncode(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    /** Width in points of already {@link #printable printable} text. */
    float width(PDType0Font font, float size, String printableText) {
        try {
            return font.getStringWidth(printableText) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canEncode(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
