package org.kairan.server.record;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws one 電子印影 as vector graphics in 朱色: a ring split by two horizontal rules into the three bands
 * of a データ印 ({@link SealFace}). Each text is sized to the chord of its band; the full name is printed
 * when it fits at a readable size, else the family name.
 */
final class SealStamp {

    /** Rules at ±this fraction of the radius from the centre. */
    private static final float RULE = 0.30f;
    private static final float RING_WIDTH = 1.3f;
    private static final float RULE_WIDTH = 0.8f;
    /** Bézier control distance for a quarter circle. */
    private static final float KAPPA = 0.5523f;
    private static final float NAME_MIN_FULL = 6.5f;

    private final CoverCanvas canvas;

    SealStamp(CoverCanvas canvas) {
        this.canvas = canvas;
    }

    void draw(SealFace face, float cx, float cy, float r) throws IOException {
        PDPageContentStream s = canvas.stream();
        Ink.SEAL_RED.stroke(s);
        s.setLineWidth(RING_WIDTH);
        circle(s, cx, cy, r);
        s.stroke();
        float half = halfChord(r, RULE * r);
        canvas.line(cx - half, cy + RULE * r, cx + half, cy + RULE * r, RULE_WIDTH, Ink.SEAL_RED);
        canvas.line(cx - half, cy - RULE * r, cx + half, cy - RULE * r, RULE_WIDTH, Ink.SEAL_RED);

        float topSize = Math.min(8.5f, r * 0.36f);
        float topBaseline = cy + RULE * r + r * 0.11f;
        canvas.fittedText(canvas.fonts.gothic, topSize, 4.5f, cx, topBaseline,
                2 * halfChord(r, topBaseline + topSize * 0.85f - cy) - 3, face.top(), Ink.SEAL_RED);

        float dateSize = Math.min(7.5f, r * 0.31f);
        canvas.fittedText(canvas.fonts.gothic, dateSize, 4.5f, cx, cy - dateSize * 0.36f, 2 * half - 4, face.date(),
                Ink.SEAL_RED);

        float nameSize = Math.min(10f, r * 0.40f);
        float nameBaseline = cy - RULE * r - r * 0.08f - nameSize * 0.82f;
        float nameWidth = 2 * halfChord(r, cy - (nameBaseline - nameSize * 0.12f)) - 6;
        String name = canvas.width(canvas.fonts.gothic, NAME_MIN_FULL, face.name()) <= nameWidth ? face.name()
                : face.family();
        canvas.fittedText(canvas.fonts.gothic, nameSize, 4.5f, cx, nameBaseline, nameWidth, name, Ink.SEAL_RED);
    }

    private static float halfChord(float r, float distanceFromCentre) {
        float d = Math.min(Math.abs(distanceFromCentre), r * 0.98f);
        return (float) Math.sqrt(r * r - d * d);
    }

    private static void circle(PDPageContentStream s, float cx, float cy, float r) throws IOException {
        float k = KAPPA * r;
        s.moveTo(cx + r, cy);
        s.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        s.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        s.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        s.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        s.closePath();
    }
}
