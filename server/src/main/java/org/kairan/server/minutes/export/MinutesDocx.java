package org.kairan.server.minutes.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesSheet;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The 会議録 as a Word document (.docx, Apache POI), laid out as Japanese offices print it: A4 portrait, the title
 * centred, the head (日時・場所・出席者・議題) as a ruled table with shaded labels, then each section under a numbered
 * heading — 要旨 and 決定事項 as paragraphs, 今後の対応 as a table of 内容・担当者・期限, 議事の経過 as
 * 「○氏名（時刻）」 with what was said indented below it — and 「- n -」 page numbers in the footer. Japanese text is set in
 * {@link #MINCHO} (headings in {@link #GOTHIC}); Word substitutes its own 明朝 where the IPA fonts are not installed.
 */
public final class MinutesDocx {

    /** The 明朝 the body is set in (Debian's fonts-ipafont-mincho; the same face as the PDF's). */
    static final String MINCHO = "IPA明朝";
    /** The ゴシック of the title and headings. */
    static final String GOTHIC = "IPAゴシック";
    private static final int BODY_POINTS = 10;
    /** Twentieths of a point: A4 and 25 mm margins. */
    private static final long A4_WIDTH = 11_906;
    private static final long A4_HEIGHT = 16_838;
    private static final long MARGIN = 1_418;
    /** The width between the margins, in twentieths of a point. */
    private static final long MEASURE = A4_WIDTH - 2 * MARGIN;
    private static final String[] SECTION_NUMBERS = { "１", "２", "３", "４", "５", "６" };

    private MinutesDocx() {
    }

    /** Writes the minutes to {@code out} (not closed). */
    public static void write(Minutes minutes, OutputStream out) throws IOException {
        MinutesSheet sheet = MinutesSheet.of(minutes);
        try (XWPFDocument document = new XWPFDocument()) {
            pageSetup(document);
            title(document, sheet.title());
            head(document, sheet.head());
            int number = 0;
            for (MinutesSheet.Section section : sheet.sections()) {
                heading(document, SECTION_NUMBERS[Math.min(number++, SECTION_NUMBERS.length - 1)] + "　"
                        + section.heading());
                switch (section.heading()) {
                    case "今後の対応" -> table(document, section);
                    case "議事の経過" -> proceedings(document, section);
                    default -> section.rows().forEach(row -> paragraph(document, String.join("　", row.cells())));
                }
            }
            pageNumbers(document);
            document.write(out);
        }
    }

    private static void pageSetup(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(851));
    }

    private static void title(XWPFDocument document, String text) {
        XWPFParagraph title = document.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(240);
        run(title, text, GOTHIC, 16, true);
    }

    private static void head(XWPFDocument document, List<MinutesSheet.Line> lines) {
        // the agenda's further items continue the 議題 cell
        List<MinutesSheet.Line> labelled = lines.stream().filter(l -> !l.label().isEmpty()).toList();
        XWPFTable table = document.createTable(labelled.size(), 2);
        columns(table, 0.18, 0.82);
        int row = 0;
        for (int i = 0; i < lines.size(); i++) {
            MinutesSheet.Line line = lines.get(i);
            if (line.label().isEmpty()) {
                continue;
            }
            XWPFTableRow tableRow = table.getRow(row++);
            XWPFTableCell label = tableRow.getCell(0);
            label.setColor("E7ECF2");
            cellText(label, line.label(), GOTHIC, true);
            XWPFTableCell value = tableRow.getCell(1);
            cellText(value, line.value(), MINCHO, false);
            for (int k = i + 1; k < lines.size() && lines.get(k).label().isEmpty(); k++) {
                run(value.addParagraph(), lines.get(k).value(), MINCHO, BODY_POINTS, false);
            }
        }
        document.createParagraph();
    }

    private static void heading(XWPFDocument document, String text) {
        XWPFParagraph heading = document.createParagraph();
        heading.setSpacingBefore(200);
        heading.setSpacingAfter(80);
        run(heading, text, GOTHIC, 11, true);
    }

    private static void paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setIndentationLeft(210);
        lines(paragraph, text, MINCHO, false);
    }

    /** 今後の対応: 内容・担当者・期限, the header row shaded. */
    private static void table(XWPFDocument document, MinutesSheet.Section section) {
        XWPFTable table = document.createTable(section.rows().size() + 1, section.columns().size());
        columns(table, 0.52, 0.2, 0.28);
        for (int c = 0; c < section.columns().size(); c++) {
            XWPFTableCell cell = table.getRow(0).getCell(c);
            cell.setColor("E7ECF2");
            cellText(cell, section.columns().get(c), GOTHIC, true);
        }
        for (int r = 0; r < section.rows().size(); r++) {
            List<String> cells = section.rows().get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                cellText(table.getRow(r + 1).getCell(c), cells.get(c), MINCHO, false);
            }
        }
    }

    /**
     * The table across the measure with its columns in these shares, in the grid and in every cell (Word reads the
     * cells', LibreOffice the grid's), and some room inside the cells.
     */
    private static void columns(XWPFTable table, double... shares) {
        table.setWidth(Long.toString(MEASURE));
        table.setWidthType(TableWidthType.DXA);
        table.setCellMargins(40, 100, 40, 100);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (double share : shares) {
            grid.addNewGridCol().setW(BigInteger.valueOf(Math.round(MEASURE * share)));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < shares.length && c < row.getTableCells().size(); c++) {
                row.getCell(c).setWidth(Long.toString(Math.round(MEASURE * shares[c])));
                row.getCell(c).setWidthType(TableWidthType.DXA);
            }
        }
    }

    /** 議事の経過: 「○氏名（0:05:07）」 in ゴシック, kept with what was said, indented below it. */
    private static void proceedings(XWPFDocument document, MinutesSheet.Section section) {
        for (MinutesSheet.Row row : section.rows()) {
            XWPFParagraph who = document.createParagraph();
            who.setIndentationLeft(210);
            who.setSpacingBefore(60);
            who.setKeepNext(true);
            String speaker = row.cells().get(1).isEmpty() ? "（発言者不明）" : row.cells().get(1);
            run(who, "○" + speaker + "（" + row.cells().get(0) + "）", GOTHIC, BODY_POINTS, true);
            XWPFParagraph said = document.createParagraph();
            said.setIndentationLeft(630);
            lines(said, row.cells().get(2), MINCHO, false);
        }
    }

    private static void cellText(XWPFTableCell cell, String text, String font, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        lines(paragraph, text, font, bold);
    }

    /** The text in one paragraph, its line breaks kept as breaks. */
    private static void lines(XWPFParagraph paragraph, String text, String font, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = run(paragraph, lines[i], font, BODY_POINTS, bold);
            if (i + 1 < lines.length) {
                run.addBreak();
            }
        }
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        if (!text.isEmpty()) {
            run.setText(text);
        }
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(points);
        run.setBold(bold);
        return run;
    }

    /** 「- n -」 centred in the footer. */
    private static void pageNumbers(XWPFDocument document) {
        XWPFFooter footer = document.createHeaderFooterPolicy().createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, "- ", MINCHO, 9, false);
        run(paragraph, "", MINCHO, 9, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText instruction = run(paragraph, "", MINCHO, 9, false).getCTR().addNewInstrText();
        instruction.setStringValue(" PAGE ");
        run(paragraph, "", MINCHO, 9, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, "1", MINCHO, 9, false);
        run(paragraph, "", MINCHO, 9, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(paragraph, " -", MINCHO, 9, false);
    }
}
