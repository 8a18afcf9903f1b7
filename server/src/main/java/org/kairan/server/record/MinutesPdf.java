package org.kairan.server.record;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesSheet;

/**
 * The 会議録 as a PDF, printed the way the 鑑 is (A4, IPA fonts embedded as subsets, Japanese line breaking,
 * continuation pages): the title, the head as a ruled table with shaded labels, the numbered sections — 今後の対応
 * as a table of 内容・担当者・期限, 議事の経過 as 「○氏名（時刻）」 and what was said — and 「- n / m -」 at the foot of
 * every page. It is the file a 起案 of the minutes carries. Thread-safe: one PDF at a time, fonts parsed once.
 */
public final class MinutesPdf {

    private static final float TITLE_SIZE = 16;
    private static final float HEADING_SIZE = 11;
    private static final float BODY_SIZE = 10;
    private static final float LINE = 15;
    private static final float LABEL_WIDTH = 80;
    private static final String[] SECTION_NUMBERS = { "１", "２", "３", "４", "５", "６" };

    private final RecordFonts fonts;
    private ParsedFonts parsed;

    public MinutesPdf(RecordFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /** Writes the minutes as a PDF to {@code out} (not closed); returns the number of pages. */
    public synchronized int write(Minutes minutes, OutputStream out) throws IOException {
        if (parsed == null) {
            parsed = ParsedFonts.parse(fonts);
        }
        MinutesSheet sheet = MinutesSheet.of(minutes);
        try (PDDocument document = new PDDocument()) {
            PageFonts pageFonts = new PageFonts(document, parsed);
            List<PDPage> pages;
            try (CoverCanvas canvas = new CoverCanvas(document, pageFonts, "（続き）" + sheet.title())) {
                title(canvas, sheet.title());
                head(canvas, sheet.head());
                int number = 0;
                for (MinutesSheet.Section section : sheet.sections()) {
                    heading(canvas, SECTION_NUMBERS[Math.min(number++, SECTION_NUMBERS.length - 1)] + "　"
                            + section.heading());
                    switch (section.heading()) {
                        case "今後の対応" -> actionTable(canvas, section);
                        case "議事の経過" -> proceedings(canvas, section);
                        default -> {
                            for (MinutesSheet.Row row : section.rows()) {
                                paragraph(canvas, pageFonts.mincho, String.join("　", row.cells()), 12);
                            }
                        }
                    }
                }
                pages = canvas.pages();
            }
            footers(document, pageFonts, pages);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(sheet.title());
            info.setCreator("Kairan 議事録");
            document.save(out);
            return pages.size();
        }
    }

    private static void title(CoverCanvas canvas, String title) throws IOException {
        canvas.fittedText(canvas.fonts.gothic, TITLE_SIZE, 11, CoverCanvas.LEFT + CoverCanvas.width() / 2,
                canvas.y - TITLE_SIZE, CoverCanvas.width(), title, Ink.BLACK);
        canvas.y -= TITLE_SIZE + 18;
    }

    /** The head: one ruled row per label, the label cell shaded; a value wraps within its cell. */
    private static void head(CoverCanvas canvas, List<MinutesSheet.Line> lines) throws IOException {
        float valueWidth = CoverCanvas.width() - LABEL_WIDTH - 12;
        TextWrap wrap = new TextWrap(t -> canvas.width(canvas.fonts.mincho, BODY_SIZE, t), valueWidth);
        for (int i = 0; i < lines.size(); i++) {
            MinutesSheet.Line line = lines.get(i);
            if (line.label().isEmpty()) {
                continue;
            }
            List<String> wrapped = new ArrayList<>(wrap.lines(line.value()));
            for (int k = i + 1; k < lines.size() && lines.get(k).label().isEmpty(); k++) {
                wrapped.addAll(wrap.lines(lines.get(k).value()));
            }
            float height = wrapped.size() * LINE + 8;
            canvas.ensureRoom(height);
            float bottom = canvas.y - height;
            canvas.shade(CoverCanvas.LEFT, bottom, LABEL_WIDTH, height, Ink.LABEL_CELL);
            canvas.box(CoverCanvas.LEFT, bottom, LABEL_WIDTH, height, 0.5f, Ink.BLACK);
            canvas.box(CoverCanvas.LEFT + LABEL_WIDTH, bottom, CoverCanvas.width() - LABEL_WIDTH, height, 0.5f,
                    Ink.BLACK);
            canvas.text(canvas.fonts.gothic, BODY_SIZE, CoverCanvas.LEFT + 6, canvas.y - 4 - BODY_SIZE, line.label(),
                    Ink.BLACK);
            float baseline = canvas.y - 4 - BODY_SIZE;
            for (String w : wrapped) {
                canvas.text(canvas.fonts.mincho, BODY_SIZE, CoverCanvas.LEFT + LABEL_WIDTH + 6, baseline, w, Ink.BLACK);
                baseline -= LINE;
            }
            canvas.y = bottom;
        }
        canvas.y -= 10;
    }

    private static void heading(CoverCanvas canvas, String text) throws IOException {
        canvas.ensureRoom(HEADING_SIZE + 8 + LINE * 2);
        canvas.y -= 8;
        canvas.text(canvas.fonts.gothic, HEADING_SIZE, CoverCanvas.LEFT, canvas.y - HEADING_SIZE, text, Ink.BLACK);
        canvas.y -= HEADING_SIZE + 8;
    }

    /** Text wrapped to the measure, indented by {@code indent} points, continuing on the next page as needed. */
    private static void paragraph(CoverCanvas canvas, PDType0Font font, String text, float indent) throws IOException {
        TextWrap wrap = new TextWrap(t -> canvas.width(font, BODY_SIZE, t), CoverCanvas.width() - indent);
        for (String line : wrap.lines(text)) {
            canvas.ensureRoom(LINE);
            canvas.text(font, BODY_SIZE, CoverCanvas.LEFT + indent, canvas.y - BODY_SIZE - 2, line, Ink.BLACK);
            canvas.y -= LINE;
        }
        canvas.y -= 3;
    }

    /** 今後の対応: 内容 (wrapped), 担当者, 期限 — ruled, the header row shaded. */
    private static void actionTable(CoverCanvas canvas, MinutesSheet.Section section) throws IOException {
        float[] widths = { CoverCanvas.width() * 0.58f, CoverCanvas.width() * 0.18f, CoverCanvas.width() * 0.24f };
        row(canvas, section.columns(), widths, true);
        for (MinutesSheet.Row r : section.rows()) {
            row(canvas, r.cells(), widths, false);
        }
        canvas.y -= 6;
    }

    private static void row(CoverCanvas canvas, List<String> cells, float[] widths, boolean header) throws IOException {
        PDType0Font font = header ? canvas.fonts.gothic : canvas.fonts.mincho;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            TextWrap wrap = new TextWrap(t -> canvas.width(font, BODY_SIZE, t), widths[c] - 10);
            wrapped.add(wrap.lines(cells.get(c)));
            lines = Math.max(lines, wrapped.get(c).size());
        }
        float height = lines * LINE + 6;
        canvas.ensureRoom(height);
        float bottom = canvas.y - height;
        float x = CoverCanvas.LEFT;
        for (int c = 0; c < cells.size(); c++) {
            if (header) {
                canvas.shade(x, bottom, widths[c], height, Ink.LABEL_CELL);
            }
            canvas.box(x, bottom, widths[c], height, 0.5f, Ink.BLACK);
            float baseline = canvas.y - 3 - BODY_SIZE;
            for (String line : wrapped.get(c)) {
                canvas.text(font, BODY_SIZE, x + 5, baseline, line, Ink.BLACK);
                baseline -= LINE;
            }
            x += widths[c];
        }
        canvas.y = bottom;
    }

    /** 議事の経過: 「○氏名（時刻）」 in ゴシック, what was said below it, indented. */
    private static void proceedings(CoverCanvas canvas, MinutesSheet.Section section) throws IOException {
        for (MinutesSheet.Row row : section.rows()) {
            String speaker = row.cells().get(1).isEmpty() ? "（発言者不明）" : row.cells().get(1);
            canvas.ensureRoom(LINE * 2);
            canvas.text(canvas.fonts.gothic, BODY_SIZE, CoverCanvas.LEFT + 6, canvas.y - BODY_SIZE - 2,
                    "○" + speaker + "（" + row.cells().get(0) + "）", Ink.BLACK);
            canvas.y -= LINE;
            paragraph(canvas, canvas.fonts.mincho, row.cells().get(2), 22);
        }
    }

    private static void footers(PDDocument document, PageFonts fonts, List<PDPage> pages) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream stream = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String number = "- " + (i + 1) + " / " + pages.size() + " -";
                Ink.GREY.fill(stream);
                stream.beginText();
                stream.setFont(fonts.gothic, 8);
                stream.newLineAtOffset(CoverCanvas.LEFT + (CoverCanvas.width() - fonts.width(fonts.gothic, 8, number))
                        / 2, 34);
                stream.showText(number);
                stream.endText();
            }
        }
    }
}
