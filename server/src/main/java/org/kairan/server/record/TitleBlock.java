package org.kairan.server.record;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kairan.core.time.Wareki;

/**
 * The head of the 起案用紙: the heading and the table of 文書番号, 保存年限, 起案日, 決裁日 (in 和暦), 起案者
 * (所属・役職・氏名), 決裁区分, 金額, 文書分類 and 件名 (wrapped over as many lines as it needs).
 */
final class TitleBlock {

    private static final float LABEL_WIDTH = 62;
    private static final float ROW_HEIGHT = 21;
    private static final float VALUE_SIZE = 10.5f;
    private static final float LABEL_SIZE = 9;
    private static final float TITLE_SIZE = 12;
    private static final float TITLE_LINE = 16;

    private final CoverCanvas canvas;
    private final ZoneId zone;

    TitleBlock(CoverCanvas canvas, ZoneId zone) {
        this.canvas = canvas;
        this.zone = zone;
    }

    /** 金額 as printed: 150,000円, or 「－」 when the 決裁 has none. */
    static String amount(long yen) {
        return yen == 0 ? "－" : NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen) + "円";
    }

    void draw(RecordSheet sheet) throws IOException {
        heading();
        float half = CoverCanvas.width() / 2;
        pair("文書番号", sheet.documentNumberLabel(), "保存年限", sheet.retention(), half);
        pair("起案日", Wareki.format(sheet.draftDate()), "決裁日", Wareki.format(sheet.decidedAt().atZone(zone).toLocalDate()),
                half);
        single("起案者", sheet.drafter().label());
        pair("決裁区分", sheet.decisionKind(), "金額", amount(sheet.amountYen()), half);
        single("文書分類", sheet.classification());
        title(sheet.title());
        canvas.y -= 12;
    }

    private void heading() throws IOException {
        float size = 18;
        String text = "起案用紙";
        var stream = canvas.stream();
        float spacing = size * 0.6f;
        float width = canvas.width(canvas.fonts.gothic, size, text) + spacing * (text.length() - 1);
        stream.setCharacterSpacing(spacing);
        canvas.text(canvas.fonts.gothic, size, (CoverCanvas.PAGE_WIDTH - width) / 2, canvas.y - size, text, Ink.BLACK);
        stream.setCharacterSpacing(0);
        canvas.y -= size + 14;
    }

    private void pair(String label1, String value1, String label2, String value2, float half) throws IOException {
        float top = canvas.y;
        cell(CoverCanvas.LEFT, top, half, ROW_HEIGHT, label1, value1);
        cell(CoverCanvas.LEFT + half, top, half, ROW_HEIGHT, label2, value2);
        canvas.y -= ROW_HEIGHT;
    }

    private void single(String label, String value) throws IOException {
        cell(CoverCanvas.LEFT, canvas.y, CoverCanvas.width(), ROW_HEIGHT, label, value);
        canvas.y -= ROW_HEIGHT;
    }

    private void title(String title) throws IOException {
        PDType0Font font = canvas.fonts.mincho;
        float valueWidth = CoverCanvas.width() - LABEL_WIDTH - 12;
        List<String> lines = new TextWrap(t -> canvas.width(font, TITLE_SIZE, t), valueWidth).lines(title);
        float height = Math.max(ROW_HEIGHT + 6, lines.size() * TITLE_LINE + 10);
        float top = canvas.y;
        labelCell(CoverCanvas.LEFT, top, height, "件名");
        canvas.box(CoverCanvas.LEFT + LABEL_WIDTH, top - height, CoverCanvas.width() - LABEL_WIDTH, height, 0.6f,
                Ink.BLACK);
        float baseline = top - (height - lines.size() * TITLE_LINE) / 2 - TITLE_SIZE + 1;
        for (String line : lines) {
            canvas.text(font, TITLE_SIZE, CoverCanvas.LEFT + LABEL_WIDTH + 6, baseline, line, Ink.BLACK);
            baseline -= TITLE_LINE;
        }
        canvas.y -= height;
    }

    private void cell(float x, float top, float width, float height, String label, String value) throws IOException {
        labelCell(x, top, height, label);
        canvas.box(x + LABEL_WIDTH, top - height, width - LABEL_WIDTH, height, 0.6f, Ink.BLACK);
        float valueWidth = width - LABEL_WIDTH - 12;
        float textWidth = Math.min(valueWidth, canvas.width(canvas.fonts.mincho, VALUE_SIZE, value));
        canvas.fittedText(canvas.fonts.mincho, VALUE_SIZE, 7, x + LABEL_WIDTH + 6 + textWidth / 2,
                top - height / 2 - VALUE_SIZE * 0.36f, valueWidth, value, Ink.BLACK);
    }

    private void labelCell(float x, float top, float height, String label) throws IOException {
        canvas.shade(x, top - height, LABEL_WIDTH, height, Ink.LABEL_CELL);
        canvas.box(x, top - height, LABEL_WIDTH, height, 0.6f, Ink.BLACK);
        canvas.fittedText(canvas.fonts.gothic, LABEL_SIZE, 6, x + LABEL_WIDTH / 2, top - height / 2 - LABEL_SIZE * 0.36f,
                LABEL_WIDTH - 8, label, Ink.BLACK);
    }
}
