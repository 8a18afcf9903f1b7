package org.kairan.approval.ui.internal.pdf;

import java.util.List;

import org.kairan.approval.ui.Zoom;

/**
 * Where each page of a document lies in the viewer's scrolling area, in pixels, for a zoom and a viewport
 * size: pages one below the other with a gap around them, centred across. Pure geometry, no SWT.
 */
public final class PageLayout {

    /** Pixels around and between pages. */
    public static final int GAP = 10;
    /** Pixels per PDF point at 100 %: real size at 96 pixels per inch, as browsers and pdf.js define it. */
    public static final double PIXELS_PER_POINT_AT_100 = 96.0 / 72.0;
    /** Fitting never shrinks a page below this (a viewer squeezed to a sliver still shows something). */
    static final int MIN_FIT_PERCENT = 10;

    /** A page's rectangle in the scrolling area. */
    public record Box(int x, int y, int width, int height) {
        public int bottom() {
            return y + height;
        }
    }

    private final Box[] boxes;
    private final double pixelsPerPoint;
    private final int contentWidth;
    private final int contentHeight;

    public PageLayout(List<PageSize> pages, Zoom zoom, int viewportWidth, int viewportHeight) {
        this.pixelsPerPoint = pixelsPerPoint(pages, zoom, viewportWidth, viewportHeight);
        this.boxes = new Box[pages.size()];
        int widest = 0;
        int[] widths = new int[pages.size()];
        int[] heights = new int[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            widths[i] = Math.max(1, (int) Math.round(pages.get(i).width() * pixelsPerPoint));
            heights[i] = Math.max(1, (int) Math.round(pages.get(i).height() * pixelsPerPoint));
            widest = Math.max(widest, widths[i]);
        }
        this.contentWidth = widest + 2 * GAP;
        int across = Math.max(contentWidth, viewportWidth);
        int y = GAP;
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = new Box(Math.max(GAP, (across - widths[i]) / 2), y, widths[i], heights[i]);
            y += heights[i] + GAP;
        }
        this.contentHeight = boxes.length == 0 ? 0 : y;
    }

    private static double pixelsPerPoint(List<PageSize> pages, Zoom zoom, int viewportWidth, int viewportHeight) {
        if (!zoom.fits()) {
            return zoom.percent() / 100.0 * PIXELS_PER_POINT_AT_100;
        }
        double widest = pages.stream().mapToDouble(PageSize::width).max().orElse(PageSize.A4.width());
        double tallest = pages.stream().mapToDouble(PageSize::height).max().orElse(PageSize.A4.height());
        double fit = (viewportWidth - 2.0 * GAP) / widest;
        if (zoom.mode() == Zoom.Mode.FIT_PAGE) {
            fit = Math.min(fit, (viewportHeight - 2.0 * GAP) / tallest);
        }
        double min = MIN_FIT_PERCENT / 100.0 * PIXELS_PER_POINT_AT_100;
        double max = Zoom.MAX_PERCENT / 100.0 * PIXELS_PER_POINT_AT_100;
        return Math.clamp(fit, min, max);
    }

    public int pageCount() {
        return boxes.length;
    }

    /** The rectangle of a page (0-based). */
    public Box box(int page) {
        return boxes[page];
    }

    public double pixelsPerPoint() {
        return pixelsPerPoint;
    }

    /** The zoom in whole percent that this layout shows (what fit width or fit page came to). */
    public int percent() {
        return (int) Math.round(pixelsPerPoint / PIXELS_PER_POINT_AT_100 * 100);
    }

    public int contentWidth() {
        return contentWidth;
    }

    public int contentHeight() {
        return contentHeight;
    }

    /** The scroll position that shows a page at the top of the viewport, with the gap above it. */
    public int topOf(int page) {
        return boxes[page].y() - GAP;
    }

    /** The pages (0-based, in order) any part of which lies between {@code top} and {@code bottom}. */
    public int[] pagesBetween(int top, int bottom) {
        int first = firstBelow(top);
        int last = first;
        while (last < boxes.length && boxes[last].y() < bottom) {
            last++;
        }
        int[] pages = new int[Math.max(0, last - first)];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = first + i;
        }
        return pages;
    }

    /** The first page whose bottom is below {@code y} (binary search; pages are in order). */
    private int firstBelow(int y) {
        int low = 0;
        int high = boxes.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (boxes[mid].bottom() <= y) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The page a person is reading in a viewport at {@code top} of {@code height} pixels: the one that
     * takes up most of it (the first of equals); at the very end of a scrolled document the last page
     * once it is wholly in view, so that End shows 「20 / 20」 even when several pages fit.
     */
    public int currentPage(int top, int height) {
        if (boxes.length == 0) {
            return -1;
        }
        int bottom = top + height;
        int maxTop = Math.max(0, contentHeight - height);
        Box last = boxes[boxes.length - 1];
        if (maxTop > 0 && top >= maxTop && last.y() >= top && last.bottom() <= bottom) {
            return boxes.length - 1;
        }
        int best = -1;
        int bestVisible = -1;
        for (int page : pagesBetween(top, bottom)) {
            int visible = Math.min(bottom, boxes[page].bottom()) - Math.max(top, boxes[page].y());
            if (visible > bestVisible) {
                best = page;
                bestVisible = visible;
            }
        }
        return best >= 0 ? best : Math.min(firstBelow(top), boxes.length - 1);
    }

    /**
     * Where Page Down goes from {@code top}: to the top of the next page when all of the page before it is
     * in view, else one screen on (less a little overlap), so that nothing is skipped.
     */
    public int pageDownFrom(int top, int height) {
        int target = top + Math.max(1, height - overlap(height));
        for (int page = firstBelow(top); page < boxes.length; page++) {
            if (topOf(page) > top) {
                if (topOf(page) <= top + height) {
                    target = topOf(page);
                }
                break;
            }
        }
        return Math.min(target, Math.max(0, contentHeight - height));
    }

    /**
     * Where Page Up goes from {@code top}: to the top of the page above when it is within a screen, else one
     * screen back (less a little overlap).
     */
    public int pageUpFrom(int top, int height) {
        int target = top - Math.max(1, height - overlap(height));
        for (int page = boxes.length - 1; page >= 0; page--) {
            if (topOf(page) < top) {
                if (topOf(page) >= top - height) {
                    target = topOf(page);
                }
                break;
            }
        }
        return Math.max(0, target);
    }

    /** How much of the old screen stays in view after Page Up/Down, so the eye finds its line again. */
    private static int overlap(int height) {
        return Math.min(40, height / 10);
    }
}
