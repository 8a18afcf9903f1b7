package org.kairan.approval.ui.internal.pdf;

/**
 * One character on a page and the box it takes there, in fractions of the page as shown (0 to 1 from the left
 * and from the top, rotation applied), so that it scales with any zoom.
 */
public record Glyph(String text, double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }
}
