package org.kairan.approval.ui.internal.pdf;

/** A highlighted area of a page, in fractions of the page as shown (see {@link Glyph}). */
public record Mark(double x, double y, double width, double height) {

    static Mark around(Glyph glyph) {
        return new Mark(glyph.x(), glyph.y(), glyph.width(), glyph.height());
    }

    /** This area grown to take in a glyph. */
    Mark with(Glyph glyph) {
        double left = Math.min(x, glyph.x());
        double top = Math.min(y, glyph.y());
        double right = Math.max(x + width, glyph.right());
        double bottom = Math.max(y + height, glyph.bottom());
        return new Mark(left, top, right - left, bottom - top);
    }
}
