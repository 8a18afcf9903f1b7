package org.kairan.approval.ui.internal.pdf;

/**
 * A page's size as it is shown, in PDF points (1/72 inch): its crop box, turned by the page's rotation
 * (a landscape page stored as portrait and rotated by 90° is wide).
 */
public record PageSize(double width, double height) {

    public PageSize {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a page needs a positive size, not " + width + " × " + height);
        }
    }

    /** A4 portrait, 210 × 297 mm. */
    public static final PageSize A4 = new PageSize(595.28, 841.89);
}
