package org.kairan.server.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Straightens a scanned page of vertical text before OCR. A scanner feeds paper a little crooked; Tesseract copes
 * with that for horizontal lines, but its page layout does not find columns of vertical (縦書き) text turned by
 * even 0.3° (the page then reads as empty). The angle is the one at which the dark pixels line up best in rows or
 * in columns (the projection with the sharpest profile), looked for within ±{@value #MAX_DEGREES}° on a sample of
 * the pixels; a page whose pixels line up in columns rather than rows is turned back by it.
 */
final class Deskew {

    static final double MAX_DEGREES = 3.0;
    /** Below this the page is left as it is. */
    static final double NEGLIGIBLE_DEGREES = 0.15;
    private static final int DARK = 128;
    private static final int MAX_POINTS = 200_000;

    private Deskew() {
    }

    /**
     * How far a page is turned clockwise, in degrees: lines that should be level rise by this angle to the right
     * (and columns lean by it).
     *
     * @param vertical whether its text stands in columns (縦書き) rather than rows
     */
    record Skew(double degrees, boolean vertical) {

        /**
         * The angle {@link Deskew#straightened(BufferedImage, Skew)} turns the page back by: the skew for vertical
         * text turned by more than a trifle, else 0 (the page is OCR'd as it is).
         */
        double applied() {
            return vertical && Math.abs(degrees) >= NEGLIGIBLE_DEGREES ? degrees : 0;
        }
    }

    /** The page turned straight when it is vertical text turned by more than a trifle, else itself. */
    static BufferedImage straightened(BufferedImage page) {
        return straightened(page, skew(page));
    }

    /** As {@link #straightened(BufferedImage)}, with the page's skew known. */
    static BufferedImage straightened(BufferedImage page, Skew skew) {
        if (skew.applied() == 0) {
            return page;
        }
        BufferedImage straight = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = straight.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(-skew.applied()), page.getWidth() / 2.0,
                    page.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return straight;
    }

    /** How far the page is turned, and which way its text runs; 0° for a blank page. */
    static Skew skew(BufferedImage page) {
        Raster raster = Pages.grey(page).getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        int step = 1;
        while ((long) (width / step) * (height / step) > 4L * MAX_POINTS) {
            step++;
        }
        int[] xs = new int[MAX_POINTS];
        int[] ys = new int[MAX_POINTS];
        int n = 0;
        int[] row = new int[width];
        for (int y = 0; y < height && n < MAX_POINTS; y += step) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width && n < MAX_POINTS; x += step) {
                if (row[x] < DARK) {
                    xs[n] = x / step;
                    ys[n] = y / step;
                    n++;
                }
            }
        }
        if (n < 100) {
            return new Skew(0, false);
        }
        int span = width / step + height / step + 2;
        double[] best = {0, -1, 0};
        for (double degrees = -MAX_DEGREES; degrees <= MAX_DEGREES + 1e-9; degrees += 0.2) {
            consider(best, degrees, sharpness(xs, ys, n, degrees, span));
        }
        double coarse = best[0];
        for (double degrees = coarse - 0.2; degrees <= coarse + 0.2 + 1e-9; degrees += 0.05) {
            consider(best, degrees, sharpness(xs, ys, n, degrees, span));
        }
        return new Skew(best[0], best[2] > 0);
    }

    /** Keeps {angle, score, columns won} of the sharpest projection so far. */
    private static void consider(double[] best, double degrees, double[] sharpness) {
        double score = Math.max(sharpness[0], sharpness[1]);
        if (score > best[1]) {
            best[0] = degrees;
            best[1] = score;
            best[2] = sharpness[1] > sharpness[0] ? 1 : 0;
        }
    }

    /**
     * How sharply the points fall into rows and into columns once turned back by the angle (sums of squared bins:
     * {rows, columns}).
     */
    private static double[] sharpness(int[] xs, int[] ys, int n, double degrees, int span) {
        double t = Math.tan(Math.toRadians(degrees));
        long[] rows = new long[2 * span];
        long[] columns = new long[2 * span];
        for (int i = 0; i < n; i++) {
            int r = (int) Math.round(ys[i] - xs[i] * t) + span;
            int c = (int) Math.round(xs[i] + ys[i] * t) + span;
            if (r >= 0 && r < rows.length) {
                rows[r]++;
            }
            if (c >= 0 && c < columns.length) {
                columns[c]++;
            }
        }
        return new double[] {squares(rows), squares(columns)};
    }

    private static double squares(long[] bins) {
        double sum = 0;
        for (long b : bins) {
            sum += (double) b * b;
        }
        return sum;
    }
}
