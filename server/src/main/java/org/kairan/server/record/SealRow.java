package org.kairan.server.record;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/**
 * The 決裁欄: one box per {@link SealEntry} in route order, left to right (wrapping onto further rows when
 * the route is long). A box has the step on top (起案, 回議, 合議, 専決, 決裁), the 電子印影 in the middle
 * and what was done below it; a 代決 box adds 「代決」 in red and the absent approver's name, a box of
 * someone who has not acted (後閲 pending) shows its result label instead of a seal. Comments follow the
 * row as 意見.
 */
final class SealRow {

    static final float BOX_WIDTH = 62;
    static final float HEADER_HEIGHT = 15;
    static final float SEAL_HEIGHT = 62;
    static final float FOOTER_HEIGHT = 24;
    static final float BOX_HEIGHT = HEADER_HEIGHT + SEAL_HEIGHT + FOOTER_HEIGHT;
    static final float SEAL_RADIUS = 25;

    private final CoverCanvas canvas;
    private final ZoneId zone;
    private final SealStamp stamp;

    SealRow(CoverCanvas canvas, ZoneId zone) {
        this.canvas = canvas;
        this.zone = zone;
        this.stamp = new SealStamp(canvas);
    }

    static int boxesPerRow() {
        return (int) (CoverCanvas.width() / BOX_WIDTH);
    }

    void draw(List<SealEntry> route) throws IOException {
        canvas.ensureRoom(14 + BOX_HEIGHT);
        canvas.text(canvas.fonts.gothic, 10, CoverCanvas.LEFT, canvas.y - 10, "決裁欄", Ink.BLACK);
        canvas.y -= 14;
        int perRow = boxesPerRow();
        for (int start = 0; start < route.size(); start += perRow) {
            canvas.ensureRoom(BOX_HEIGHT + 4);
            List<SealEntry> row = route.subList(start, Math.min(route.size(), start + perRow));
            for (int i = 0; i < row.size(); i++) {
                drawBox(row.get(i), CoverCanvas.LEFT + i * BOX_WIDTH, canvas.y);
            }
            canvas.y -= BOX_HEIGHT + 4;
        }
        drawComments(route);
    }

    private void drawBox(SealEntry entry, float x, float top) throws IOException {
        float bottom = top - BOX_HEIGHT;
        canvas.shade(x, top - HEADER_HEIGHT, BOX_WIDTH, HEADER_HEIGHT, Ink.LABEL_CELL);
        canvas.box(x, bottom, BOX_WIDTH, BOX_HEIGHT, 0.6f, Ink.BLACK);
        canvas.line(x, top - HEADER_HEIGHT, x + BOX_WIDTH, top - HEADER_HEIGHT, 0.4f, Ink.BLACK);
        canvas.line(x, bottom + FOOTER_HEIGHT, x + BOX_WIDTH, bottom + FOOTER_HEIGHT, 0.3f, Ink.GREY);
        float centre = x + BOX_WIDTH / 2;
        canvas.fittedText(canvas.fonts.gothic, 8.5f, 5f, centre, top - HEADER_HEIGHT + 4.2f, BOX_WIDTH - 6,
                entry.stepLabel(), Ink.BLACK);
        float sealCentreY = bottom + FOOTER_HEIGHT + SEAL_HEIGHT / 2;
        if (entry.sealed()) {
            stamp.draw(SealFace.of(entry, zone), centre, sealCentreY, SEAL_RADIUS);
        } else {
            canvas.fittedText(canvas.fonts.gothic, 9, 5, centre, sealCentreY + 2, BOX_WIDTH - 8,
                    entry.result().isEmpty() ? "未了" : entry.result(), Ink.GREY);
            canvas.fittedText(canvas.fonts.gothic, 6.5f, 4.5f, centre, sealCentreY - 10, BOX_WIDTH - 8,
                    entry.approver().name(), Ink.GREY);
        }
        float line1 = bottom + FOOTER_HEIGHT - 9.5f;
        float line2 = bottom + 4f;
        if (entry.daiketsu()) {
            canvas.fittedText(canvas.fonts.gothic, 8, 5, centre, line1, BOX_WIDTH - 6, "代決", Ink.SEAL_RED);
            canvas.fittedText(canvas.fonts.gothic, 6.5f, 4.5f, centre, line2, BOX_WIDTH - 5,
                    entry.actingFor() + "に代わり", Ink.BLACK);
        } else if (entry.sealed()) {
            canvas.fittedText(canvas.fonts.gothic, 7, 4.5f, centre, line1, BOX_WIDTH - 6, entry.result(), Ink.BLACK);
            canvas.fittedText(canvas.fonts.gothic, 6, 4.5f, centre, line2, BOX_WIDTH - 5, entry.approver().unitName(),
                    Ink.GREY);
        } else {
            canvas.fittedText(canvas.fonts.gothic, 6, 4.5f, centre, line2, BOX_WIDTH - 5, entry.approver().unitName(),
                    Ink.GREY);
        }
    }

    private void drawComments(List<SealEntry> route) throws IOException {
        List<SealEntry> commented = route.stream().filter(e -> e.comment() != null).toList();
        if (commented.isEmpty()) {
            return;
        }
        float size = 9;
        float lineHeight = 13.5f;
        canvas.ensureRoom(14 + lineHeight);
        canvas.text(canvas.fonts.gothic, 10, CoverCanvas.LEFT, canvas.y - 10, "意見", Ink.BLACK);
        canvas.y -= 14;
        TextWrap wrap = new TextWrap(t -> canvas.width(canvas.fonts.mincho, size, t), CoverCanvas.width() - 12);
        for (SealEntry entry : commented) {
            String who = "〔" + entry.stepLabel() + "〕" + entry.approver().label() + "：";
            for (String line : wrap.lines(who + entry.comment())) {
                canvas.ensureRoom(lineHeight);
                canvas.text(canvas.fonts.mincho, size, CoverCanvas.LEFT + 6, canvas.y - size, line, Ink.BLACK);
                canvas.y -= lineHeight;
            }
        }
        canvas.y -= 4;
    }
}
