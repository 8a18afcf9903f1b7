package org.kairan.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;

/**
 * Kairan's window icon, drawn rather than shipped: 「回」 in white on a vermilion seal (朱印), in the
 * sizes window managers ask for. The images belong to the display and are disposed with it.
 */
public final class WindowImages {

    private static final String KEY = WindowImages.class.getName();
    private static final int[] SIZES = { 16, 24, 32, 48, 64, 128 };

    private final Display display;

    public WindowImages(Display display) {
        this.display = display;
    }

    /** All sizes, smallest first; created once per display. */
    public Image[] all() {
        Object cached = display.getData(KEY);
        if (cached instanceof Image[] images && images.length > 0 && !images[0].isDisposed()) {
            return images.clone();
        }
        Image[] images = new Image[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            images[i] = draw(SIZES[i]);
        }
        display.setData(KEY, images);
        display.disposeExec(() -> {
            for (Image image : images) {
                image.dispose();
            }
        });
        return images.clone();
    }

    private Image draw(int size) {
        Image image = new Image(display, size, size);
        GC gc = new GC(image);
        Color vermilion = new Color(200, 55, 45);
        Font font = new Font(display, new FontData(display.getSystemFont().getFontData()[0].getName(),
                Math.max(6, size * 9 / 20), SWT.BOLD));
        try {
            gc.setAntialias(SWT.ON);
            gc.setTextAntialias(SWT.ON);
            gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(0, 0, size, size);
            gc.setBackground(vermilion);
            int arc = Math.max(2, size / 5);
            gc.fillRoundRectangle(0, 0, size, size, arc, arc);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.setFont(font);
            Point extent = gc.textExtent("回");
            gc.drawText("回", (size - extent.x) / 2, (size - extent.y) / 2, true);
        } finally {
            font.dispose();
            gc.dispose();
        }
        return image;
    }
}
