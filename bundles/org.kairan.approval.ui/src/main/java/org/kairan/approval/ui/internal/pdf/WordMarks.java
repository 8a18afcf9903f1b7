package org.kairan.approval.ui.internal.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds words on a page and gives the areas to highlight: one per line each occurrence runs over. Characters are
 * compared after NFKC and lower-casing with spaces ignored, so ＰＤＦ matches pdf, ５０万円 matches 50万円 and a
 * phrase broken across lines (or spaced out by the PDF) is still found.
 */
public final class WordMarks {

    private WordMarks() {
    }

    public static List<Mark> find(List<Glyph> glyphs, List<String> words) {
        StringBuilder text = new StringBuilder();
        List<Integer> owner = new ArrayList<>(); // for each char of text, the glyph it came from
        for (int i = 0; i < glyphs.size(); i++) {
            String folded = fold(glyphs.get(i).text());
            for (int c = 0; c < folded.length(); c++) {
                text.append(folded.charAt(c));
                owner.add(i);
            }
        }
        List<Mark> marks = new ArrayList<>();
        for (String word : words) {
            String wanted = fold(word);
            if (wanted.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length())) {
                marks.addAll(lines(glyphs, owner.get(at), owner.get(at + wanted.length() - 1)));
            }
        }
        return marks;
    }

    /** The glyphs first..last, one area per line: a new line starts where a glyph does not continue the last. */
    private static List<Mark> lines(List<Glyph> glyphs, int first, int last) {
        List<Mark> lines = new ArrayList<>();
        Mark line = null;
        Glyph previous = null;
        for (int i = first; i <= last; i++) {
            Glyph glyph = glyphs.get(i);
            if (line != null && continues(previous, glyph)) {
                line = line.with(glyph);
            } else {
                if (line != null) {
                    lines.add(line);
                }
                line = Mark.around(glyph);
            }
            previous = glyph;
        }
        if (line != null) {
            lines.add(line);
        }
        return lines;
    }

    /** Whether a glyph stands on the same line as the one before it (its vertical middle within that one). */
    private static boolean continues(Glyph previous, Glyph next) {
        double middle = next.y() + next.height() / 2;
        boolean sameRow = middle >= previous.y() && middle <= previous.bottom();
        double centre = next.x() + next.width() / 2;
        boolean sameColumn = centre >= previous.x() && centre <= previous.right(); // 縦書き
        return sameRow || sameColumn;
    }

    static String fold(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
