package org.kairan.server.record;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** The few sRGB colours of the 鑑. */
enum Ink {
    /** Text and rules. */
    BLACK(0f, 0f, 0f),
    /** Secondary text (continuation header, footer, hashes). */
    GREY(0.35f, 0.35f, 0.35f),
    /** Background of the label cells. */
    LABEL_CELL(0.93f, 0.93f, 0.93f),
    /** 朱肉 of the 電子印影 (a vermilion red). */
    SEAL_RED(0.86f, 0.13f, 0.11f);

    private final float red;
    private final float green;
    private final float blue;

    Ink(float red, float green, float blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    void fill(PDPageContentStream stream) throws IOException {
        stream.setNonStrokingColor(red, green, blue);
    }

    void stroke(PDPageContentStream stream) throws IOException {
        stream.setStrokingColor(red, green, blue);
    }
}
