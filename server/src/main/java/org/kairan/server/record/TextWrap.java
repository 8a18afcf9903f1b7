package org.kairan.server.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks printable text into lines no wider than a measure, the Japanese way: between any two
 * characters, except inside a run of Latin letters and digits (a word, a number, a URL part), with simple
 * 禁則処理 — a closing bracket or 句読点 that would start a line hangs at the end of the previous one
 * (ぶら下げ), an opening bracket that would end a line moves to the next one. Line feeds end paragraphs;
 * an empty paragraph is an empty line.
 */
final class TextWrap {

    /** May not start a line. */
    private static final String NO_LINE_START = "、。，．,.）)」』】〕〉》］]｝}・：；:;！!？?ー―‐ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞ…‥";
    /** May not end a line. */
    private static final String NO_LINE_END = "（(「『【〔〈《［[｛{";

    private final ToDoubleFunction<String> width;
    private final double measure;

    /**
     * @param width   width of a piece of text, in the same unit as {@code measure}
     * @param measure the line length
     */
    TextWrap(ToDoubleFunction<String> width, double measure) {
        this.width = width;
        this.measure = measure;
    }

    List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            wrapParagraph(paragraph.stripTrailing(), lines);
        }
        while (lines.size() > 1 && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, List<String> lines) {
        if (paragraph.isEmpty()) {
            lines.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        for (String unit : units(paragraph)) {
            double unitWidth = width.applyAsDouble(unit);
            if (lineWidth + unitWidth <= measure || line.isEmpty() || hangs(unit)) {
                lineWidth = appendLong(unit, line, lineWidth, lines);
                continue;
            }
            String carried = "";
            if (!line.isEmpty() && NO_LINE_END.indexOf(line.charAt(line.length() - 1)) >= 0) {
                carried = line.substring(line.length() - 1);
                line.setLength(line.length() - 1);
            }
            lines.add(line.toString().stripTrailing());
            line.setLength(0);
            line.append(carried);
            lineWidth = carried.isEmpty() ? 0 : width.applyAsDouble(carried);
            if (!unit.isBlank() || !line.isEmpty()) {
                lineWidth = appendLong(unit, line, lineWidth, lines);
            }
        }
        lines.add(line.toString().stripTrailing());
    }

    /** Appends a unit, breaking it by character when it is longer than a line by itself. */
    private double appendLong(String unit, StringBuilder line, double lineWidth, List<String> lines) {
        double unitWidth = width.applyAsDouble(unit);
        if (lineWidth + unitWidth <= measure || unit.codePointCount(0, unit.length()) == 1) {
            line.append(unit);
            return lineWidth + unitWidth;
        }
        double w = lineWidth;
        for (int i = 0; i < unit.length(); ) {
            String ch = new String(Character.toChars(unit.codePointAt(i)));
            double chWidth = width.applyAsDouble(ch);
            if (w + chWidth > measure && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                w = 0;
            }
            line.append(ch);
            w += chWidth;
            i += ch.length();
        }
        return w;
    }

    private static boolean hangs(String unit) {
        return unit.length() == 1 && NO_LINE_START.indexOf(unit.charAt(0)) >= 0;
    }

    /** Latin letter/digit runs stay together; every other character is a unit of its own. */
    private static List<String> units(String paragraph) {
        List<String> units = new ArrayList<>();
        int i = 0;
        while (i < paragraph.length()) {
            int cp = paragraph.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                while (end < paragraph.length() && isWordChar(paragraph.codePointAt(end))) {
                    end += Character.charCount(paragraph.codePointAt(end));
                }
            }
            units.add(paragraph.substring(i, end));
            i = end;
        }
        return units;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '/' || cp == '@'
                || cp == '.' || cp == ',');
    }
}
